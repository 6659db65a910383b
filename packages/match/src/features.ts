import type { Demand, Supply } from './types.js';

/**
 * A pool's items as columns of numbers (vocabularies as bit masks, volumes and levels as
 * floats), built once per pool: re-matching every demand scores hundreds of millions of pairs,
 * and reading typed arrays instead of objects is what keeps that within a minute.
 */

/** Up to 31 distinct values become bits; beyond that a vocabulary gives up and scoring reads the objects. */
class Vocab {
  private bits = new Map<string, number>();
  overflow = false;
  add(x: string): number {
    let b = this.bits.get(x);
    if (b === undefined) {
      if (this.bits.size >= 31) { this.overflow = true; return 0; }
      b = 1 << this.bits.size;
      this.bits.set(x, b);
    }
    return b;
  }
  /** The bit of a value the pool holds; 0 for one it does not (no item can share it). */
  of(x: string | null | undefined): number { return x == null ? 0 : this.bits.get(x) ?? 0; }
  mask(xs: readonly string[]): number { let m = 0; for (const x of xs) m |= this.of(x); return m; }
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

class Districts {
  codes: string[] = [];
  private index = new Map<string, number>();
  add(code: string | null | undefined): number {
    if (!code) return -1;
    let i = this.index.get(code);
    if (i === undefined) { i = this.codes.length; this.codes.push(code); this.index.set(code, i); }
    return i;
  }
}

export interface SupplyColumns {
  ok: boolean;
  domains: Vocab; processes: Vocab; organisms: Vocab; districts: Districts;
  dom: Int32Array; proc: Int32Array; org: Int32Array; orgAny: Uint8Array; cap: Uint8Array;
  volMin: Float64Array; reached: Float64Array; trl: Float64Array; district: Int16Array;
}

export function supplyColumns(items: readonly Supply[]): SupplyColumns {
  const n = items.length;
  const c: SupplyColumns = {
    ok: true, domains: new Vocab(), processes: new Vocab(), organisms: new Vocab(), districts: new Districts(),
    dom: new Int32Array(n), proc: new Int32Array(n), org: new Int32Array(n), orgAny: new Uint8Array(n), cap: new Uint8Array(n),
    volMin: new Float64Array(n), reached: new Float64Array(n), trl: new Float64Array(n), district: new Int16Array(n),
  };
  items.forEach((s, i) => {
    const domains = s.domains?.length ? s.domains : s.domain ? [s.domain] : [];
    for (const d of domains) c.dom[i] |= c.domains.add(d);
    for (const p of s.processes) c.proc[i] |= c.processes.add(p);
    for (const o of s.organisms) c.org[i] |= c.organisms.add(o);
    c.orgAny[i] = s.organisms.length ? 1 : 0;
    c.cap[i] = s.kind === 'capability' ? 1 : 0;
    c.volMin[i] = s.volumeMinL ?? 0;
    c.reached[i] = s.scaleReachedL ?? 0;
    c.trl[i] = s.trl ?? 0;
    c.district[i] = c.districts.add(s.districtCode);
  });
  c.ok = !(c.domains.overflow || c.processes.overflow || c.organisms.overflow);
  return c;
}

export interface DemandColumns {
  ok: boolean;
  domains: Vocab; processes: Vocab; organisms: Vocab; districts: Districts;
  dom: Int32Array; proc: Int32Array; procN: Uint8Array; org: Int32Array; orgNone: Uint8Array;
  scale: Float64Array; trlNeeded: Float64Array; district: Int16Array;
}

export function demandColumns(items: readonly Demand[]): DemandColumns {
  const n = items.length;
  const c: DemandColumns = {
    ok: true, domains: new Vocab(), processes: new Vocab(), organisms: new Vocab(), districts: new Districts(),
    dom: new Int32Array(n), proc: new Int32Array(n), procN: new Uint8Array(n), org: new Int32Array(n), orgNone: new Uint8Array(n),
    scale: new Float64Array(n), trlNeeded: new Float64Array(n), district: new Int16Array(n),
  };
  items.forEach((d, i) => {
    c.dom[i] = c.domains.add(d.domain);
    const unique = new Set(d.processes);
    for (const p of unique) c.proc[i] |= c.processes.add(p);
    c.procN[i] = Math.min(255, unique.size);
    c.orgNone[i] = d.organism === 'none' ? 1 : 0;
    c.org[i] = d.organism === 'none' ? 0 : c.organisms.add(d.organism);
    c.scale[i] = Math.max(1, d.scaleL);
    c.trlNeeded[i] = d.trlNeeded ?? 0;
    c.district[i] = c.districts.add(d.districtCode);
  });
  c.ok = !(c.domains.overflow || c.processes.overflow || c.organisms.overflow);
  return c;
}
