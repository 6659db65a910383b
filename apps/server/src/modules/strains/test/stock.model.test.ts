import { describe, expect, it } from 'vitest';
import { lotFlags, lotProblems, manualMove, nextTestDue, placeProblems, statusAfter } from '../model/stock.js';
import { actionProblem, afterApproval, mayOf, officerReasons, requestProblems } from '../model/sharing.js';
import { MTA_VERSION, mtaFor } from '../model/mta.js';

/** The stock and sharing rules without a database: what the services rely on. */

const paths = (ps: { path: string }[]) => ps.map((p) => p.path);

describe('preservation stock rules', () => {
  const lot = { strainId: 'a', method: 'glycerol80', preparedOn: '2026-01-10', vialsPrepared: 20 };

  it('takes a lot of exactly one strain or germplasm record, prepared by today, in a whole place', () => {
    expect(lotProblems(lot, '2026-03-01')).toEqual([]);
    expect(paths(lotProblems({ ...lot, germplasmId: 'g' }, '2026-03-01'))).toEqual(['/germplasmId']);
    expect(paths(lotProblems({ ...lot, strainId: null }, '2026-03-01'))).toEqual(['/strainId']);
    expect(paths(lotProblems({ ...lot, preparedOn: '2026-03-02', vialsPrepared: 0, method: 'pickled' }, '2026-03-01'))).toEqual(['/method', '/preparedOn', '/vialsPrepared']);
    expect(paths(placeProblems({ locationId: 'f', rack: 'R3', box: 'B12', position: 'a7' }))).toEqual([]);
    expect(paths(placeProblems({ locationId: 'f', rack: 'R3', position: 'A7' }))).toEqual(['/box']);
    expect(paths(placeProblems({ rack: 'R3', box: 'B1', position: '7A' }))).toEqual(['/position', '/locationId']);
  });

  it('moves vials out by withdrawal and discard, either way by an adjustment, always with a reason', () => {
    expect(manualMove({ kind: 'withdraw', vials: 3, reasonZh: '发酵试验' }, '2026-03-01')).toEqual({ problems: [], delta: -3 });
    expect(manualMove({ kind: 'adjust', vials: 2, reasonZh: '盘点多出' }, '2026-03-01').delta).toBe(2);
    expect(manualMove({ kind: 'adjust', vials: -2, reasonZh: '盘点缺少' }, '2026-03-01').delta).toBe(-2);
    expect(paths(manualMove({ kind: 'adjust', vials: 0 }, '2026-03-01').problems)).toEqual(['/vials', '/reasonZh']);
    expect(paths(manualMove({ kind: 'ship', vials: 1, reasonZh: 'x' }, '2026-03-01').problems)).toEqual(['/kind']);
    expect(paths(manualMove({ kind: 'discard', vials: -1, reasonZh: '污染', movedOn: '2026-03-02' }, '2026-03-01').problems)).toEqual(['/vials', '/movedOn']);
    expect([statusAfter(1, 'withdraw'), statusAfter(0, 'withdraw'), statusAfter(0, 'discard')]).toEqual(['active', 'exhausted', 'discarded']);
  });

  it('schedules the next test one interval on, and flags low, due, overdue and failed lots', () => {
    expect(nextTestDue('2026-01-31', 12)).toBe('2027-01-31');
    expect(nextTestDue('2026-01-31', null)).toBeNull();
    const at = (x: Partial<Parameters<typeof lotFlags>[0]>) => lotFlags({ vialsOnHand: 10, alertLevel: 5, nextTestDue: null, viabilityFailed: false, ...x }, '2026-03-01', '2026-03-31');
    expect(at({})).toEqual({ low: false, testDue: false, testOverdue: false, failed: false });
    expect(at({ vialsOnHand: 5, nextTestDue: '2026-03-31' })).toMatchObject({ low: true, testDue: true, testOverdue: false });
    expect(at({ nextTestDue: '2026-02-28', viabilityFailed: true })).toMatchObject({ testDue: false, testOverdue: true, failed: true });
  });
});

describe('sharing rules', () => {
  const curator = { userId: 'c1', curator: true, officer: false, ofRequester: false };
  const officer = { userId: 'o1', curator: true, officer: true, ofRequester: false };
  const requester = { userId: 'r1', curator: false, officer: false, ofRequester: true };

  it('needs the officer for a class 1–2 pathogen or a strain only a BSL-3 lab or above may receive', () => {
    expect(officerReasons({ hazardClass: null, biosafetyLevel: 1 })).toEqual([]);
    expect(officerReasons({ hazardClass: 3, biosafetyLevel: 2 })).toEqual([]);
    expect(officerReasons({ hazardClass: null, biosafetyLevel: 3 })).toEqual(['highContainment']);
    expect(officerReasons({ hazardClass: 2, biosafetyLevel: 3 })).toEqual(['hazardClass', 'highContainment']);
  });

  it('lets each step be taken by its own people, the officer being another person than the curator', () => {
    const submitted = { status: 'submitted' as const, curatorId: null };
    const waiting = { status: 'curatorApproved' as const, curatorId: 'o1' };
    expect(actionProblem('approve', submitted, curator)).toBeNull();
    expect(actionProblem('approve', submitted, requester)?.status).toBe(403);
    expect(actionProblem('approve', waiting, curator)?.status).toBe(403);
    expect(actionProblem('approve', waiting, officer)?.status).toBe(403);
    expect(actionProblem('approve', { ...waiting, curatorId: 'c1' }, officer)).toBeNull();
    expect(actionProblem('ship', waiting, curator)?.status).toBe(409);
    expect(actionProblem('withdraw', { status: 'approved', curatorId: 'c1' }, requester)).toBeNull();
    expect(actionProblem('withdraw', { status: 'shipped', curatorId: 'c1' }, requester)?.status).toBe(409);
    expect(mayOf({ status: 'shipped', curatorId: 'c1' }, requester)).toEqual({ approve: false, reject: false, ship: false, receive: true, withdraw: false });
    expect(afterApproval({ status: 'submitted', needsOfficer: true })).toBe('curatorApproved');
    expect(afterApproval({ status: 'submitted', needsOfficer: false })).toBe('approved');
    expect(afterApproval({ status: 'curatorApproved', needsOfficer: true })).toBe('approved');
  });

  it('takes no request without the MTA of the current version accepted', () => {
    const body = { strainId: 's', labId: 'l', purposeZh: '酶制剂研发', vials: 2, mtaVersion: MTA_VERSION, mtaAccepted: true };
    expect(requestProblems(body, MTA_VERSION)).toEqual([]);
    expect(paths(requestProblems({ ...body, mtaAccepted: false }, MTA_VERSION))).toEqual(['/mtaAccepted']);
    expect(paths(requestProblems({ ...body, mtaVersion: 'old', vials: 0, purposeZh: ' ' }, MTA_VERSION))).toEqual(['/purposeZh', '/vials', '/mtaVersion']);
  });

  it('adds the strain’s conditions to the MTA', () => {
    const m = mtaFor({ gmo: true, exportControl: false, nagoyaAbs: true, hazardClass: 2 });
    expect(m.conditions).toEqual(['gmo', 'nagoyaAbs', 'hazardClass2']);
    expect(m.clauses.at(-1)!.zh).toContain('第二类病原微生物');
    expect(mtaFor({ gmo: false, exportControl: false, nagoyaAbs: false, hazardClass: null }).conditions).toEqual([]);
  });
});
