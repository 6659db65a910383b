import { describe, expect, it } from 'vitest';
import { LOCATION_KINDS, LOT_METHODS, LOT_STATUSES, MANUAL_MOVE_KINDS, MOVE_KINDS, placeText, SHARING_STATUSES, VIABILITY_METHODS } from './labels';

type Names = Record<string, { zh: string; en: string }>;
// The server's own vocabulary files, read by the test runner only: the web app never imports the server.
const at = (file: string) => new URL(`../../../../../server/src/modules/strains/model/${file}`, import.meta.url).href;
const stock = (await import(/* @vite-ignore */ at('stock.ts'))) as Record<string, Names> & { MANUAL_MOVE_KINDS: readonly string[] };
const sharing = (await import(/* @vite-ignore */ at('sharing.ts'))) as Record<string, Names>;

const names = (o: Names) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { zh: v.zh, en: v.en }]));

describe('the stock vocabularies', () => {
  it('name every kind, method, state and move as the server does', () => {
    expect(names(LOCATION_KINDS)).toEqual(names(stock.LOCATION_KINDS));
    expect(names(LOT_METHODS)).toEqual(names(stock.LOT_METHODS));
    expect(names(LOT_STATUSES)).toEqual(names(stock.LOT_STATUSES));
    expect(names(VIABILITY_METHODS)).toEqual(names(stock.VIABILITY_METHODS));
    expect(names(MOVE_KINDS)).toEqual(names(stock.MOVE_KINDS));
    expect([...MANUAL_MOVE_KINDS]).toEqual([...stock.MANUAL_MOVE_KINDS]);
    expect(names(SHARING_STATUSES)).toEqual(names(sharing.SHARING_STATUSES));
  });

  it('writes a place as its labels do', () => {
    expect(placeText({ locationCode: 'F-80-01', rack: 'R3', box: 'B12', position: 'A7' })).toBe('F-80-01 / R3 / B12 / A7');
    expect(placeText({ locationCode: null })).toBe('—');
  });
});
