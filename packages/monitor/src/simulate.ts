/**
 * A fed-batch fermentation simulator with injected faults, for demo data and for the monitoring
 * benchmark. A small mechanistic model in the spirit of PenSim (Birol, Ündey & Çınar 2002):
 * Monod growth limited by substrate and dissolved oxygen and shaped by temperature and pH,
 * Luedeking–Piret-like product formation with substrate inhibition, an oxygen balance with kLa
 * from agitation and aeration, metabolic heat against a jacket, acid production against a base
 * pump; with the plant's controllers (DO by agitation cascade, temperature by the jacket, pH by
 * base) and measurement noise. Everything is deterministic from the seed.
 *
 * Phases: `batch` (no feed, until the substrate is nearly spent) → `fedBatch` (a rising feed) →
 * `harvest` (feed off, broth cooled for the last hours).
 */

export const SIM_VARIABLES = [
  'temperature', 'pH', 'dissolvedOxygen', 'agitation', 'aeration',
  'offgasCO2', 'offgasO2', 'feedRate', 'weight', 'OD600',
] as const;
export type SimVariable = (typeof SIM_VARIABLES)[number];

/** Units of the simulated readings (what a plant historian would label them). */
export const SIM_UNITS: Record<SimVariable, string> = {
  temperature: '°C', pH: 'pH', dissolvedOxygen: '%', agitation: 'rpm', aeration: 'vvm',
  offgasCO2: '%', offgasO2: '%', feedRate: 'L/h', weight: 'kg', OD600: 'OD',
};

export const FAULT_KINDS = ['aerationStep', 'feedDrift', 'pHSensorBias', 'agitatorFailure', 'coolingFault'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A fault from `startHour` (hours after inoculation) to the end of the batch. `magnitude` is in
 * the fault's own terms (defaults in FAULT_DEFAULTS): aerationStep — fraction of the air flow
 * lost; feedDrift — fraction per hour by which the pump over-delivers; pHSensorBias — pH units
 * added to the probe's reading; agitatorFailure — fraction of speed lost, the drive then stuck at that speed; coolingFault —
 * fraction of the jacket's capacity lost.
 */
export interface FaultSpec { kind: FaultKind; startHour: number; magnitude?: number }

export const FAULT_DEFAULTS: Record<FaultKind, { magnitude: number; zh: string; en: string; variable: SimVariable }> = {
  aerationStep: { magnitude: 0.3, zh: '通气量阶跃下降', en: 'Step drop in aeration', variable: 'aeration' },
  feedDrift: { magnitude: 0.02, zh: '补料泵漂移', en: 'Feed pump drift', variable: 'feedRate' },
  pHSensorBias: { magnitude: 0.3, zh: 'pH 电极偏差', en: 'pH probe bias', variable: 'pH' },
  agitatorFailure: { magnitude: 0.3, zh: '搅拌故障', en: 'Agitator failure', variable: 'agitation' },
  coolingFault: { magnitude: 0.75, zh: '冷却故障', en: 'Cooling fault', variable: 'temperature' },
};

export interface SimulateOptions {
  seed: number;
  /** Inoculation time (default 2026-01-01T00:00:00Z). */
  start?: Date;
  /** Total length in hours (default 100). */
  durationHours?: number;
  /** Minutes between recorded readings (default 12). */
  sampleMinutes?: number;
  /** Length of the harvest phase at the end, hours (default 6). */
  harvestHours?: number;
  fault?: FaultSpec | null;
  /** Multiplies every measurement noise (default 1; 0 gives noise-free readings). */
  noise?: number;
}

export interface SimReading { variable: SimVariable; at: string; value: number }

export interface SimulatedBatch {
  seed: number;
  phases: { name: 'batch' | 'fedBatch' | 'harvest'; startedAt: string }[];
  /** Every reading, in time order, as a plant would send them. */
  readings: SimReading[];
  /** The same readings as a matrix: one row per sample time (hours since inoculation), columns in SIM_VARIABLES order. */
  hours: number[];
  values: number[][];
  /** Hidden states at each sample (for plots and checks): biomass, substrate, product g/L, volume L. */
  states: { biomass: number; substrate: number; product: number; volume: number }[];
  fault: FaultSpec | null;
  startedAt: string;
  endedAt: string;
}

/** mulberry32: a tiny seeded generator, so that a seed always gives the same batch. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) { const s = spare; spare = null; return s; }
    let u = 0;
    while (u === 0) u = rand();
    const v = rand();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** Standard deviations of the probes' noise. */
const NOISE: Record<SimVariable, number> = {
  temperature: 0.04, pH: 0.008, dissolvedOxygen: 0.6, agitation: 1.5, aeration: 0.008,
  offgasCO2: 0.02, offgasO2: 0.02, feedRate: 0.004, weight: 0.15, OD600: 0.25,
};

const O2_SAT = 0.0075; // g/L dissolved oxygen at saturation
const DT = 0.01; // h, integration step

export function simulateBatch(options: SimulateOptions): SimulatedBatch {
  const rand = seededRandom(options.seed);
  const gauss = gaussian(rand);
  const noiseScale = options.noise ?? 1;
  const start = options.start ?? new Date('2026-01-01T00:00:00Z');
  const duration = options.durationHours ?? 100;
  const sampleEvery = (options.sampleMinutes ?? 12) / 60;
  const harvestAt = duration - (options.harvestHours ?? 6);
  const fault = options.fault ? { ...options.fault, magnitude: options.fault.magnitude ?? FAULT_DEFAULTS[options.fault.kind].magnitude } : null;
  const vary = (x: number, rel: number) => x * (1 + rel * gauss());

  // Batch-to-batch variation: what differs between two good batches of one recipe.
  const p = {
    muMax: vary(0.16, 0.03), Ks: 0.15, Ko: 0.0005, Yxs: vary(0.45, 0.02), ms: 0.014,
    Yxo: 1.1, mo: 0.012, qpMax: vary(0.0055, 0.04), Kp: 0.1, Ki: 8, kd: 0.002,
    acid: 0.018, tOpt: 30, pHOpt: 6.8, feedConc: 500,
    feed0: vary(0.12, 0.03), feedGrowth: 0.01,
  };
  let X = vary(0.5, 0.05), S = vary(10, 0.03), P = 0, V = vary(70, 0.01);
  let C = O2_SAT, T = vary(30, 0.003), pH = vary(6.8, 0.003);
  const coolingCapacity = 0.35, Tw = 12;
  // Controllers' integral terms.
  let iDO = 0, iT = 0, iPH = 0;
  let phase: 'batch' | 'fedBatch' | 'harvest' = 'batch';
  const phases: SimulatedBatch['phases'] = [{ name: 'batch', startedAt: start.toISOString() }];
  let fedBatchSince = 0;
  let stalledAt: number | undefined;
  const readings: SimReading[] = [];
  const hours: number[] = [];
  const values: number[][] = [];
  const states: SimulatedBatch['states'] = [];
  let nextSample = 0;
  const active = (kind: FaultKind, t: number) => fault !== null && fault.kind === kind && t >= fault.startHour;
  const steps = Math.round(duration / DT);

  for (let step = 0; step <= steps; step++) {
    const t = step * DT;
    if (phase === 'batch' && (S < 0.5 || t > 40)) {
      phase = 'fedBatch'; fedBatchSince = t;
      phases.push({ name: 'fedBatch', startedAt: new Date(start.getTime() + t * 3600e3).toISOString() });
    } else if (phase === 'fedBatch' && t >= harvestAt) {
      phase = 'harvest';
      phases.push({ name: 'harvest', startedAt: new Date(start.getTime() + t * 3600e3).toISOString() });
    }

    // Controllers act on what the probes said last (a biased pH probe misleads the base pump).
    const DOpct = (C / O2_SAT) * 100;
    const pHMeasured = pH + (active('pHSensorBias', t) ? fault!.magnitude! : 0);
    const doError = 30 - DOpct;
    // Anti-windup: the integral stays where the agitator's range can use it.
    iDO = Math.min(Math.max(iDO + doError * DT, 0), 150);
    // A low proportional gain: DO follows agitation within one integration step, so a high gain would chatter.
    let agitation = Math.min(Math.max(300 + 2 * doError + 4 * iDO, 300), 900);
    if (active('agitatorFailure', t)) {
      // The drive stalls: it keeps a fraction of the speed it had and no longer obeys the controller.
      stalledAt ??= agitation * (1 - fault!.magnitude!);
      agitation = stalledAt;
    }
    let aeration = phase === 'harvest' ? 0.6 : 1.0;
    if (active('aerationStep', t)) aeration *= 1 - fault!.magnitude!;
    const tSet = phase === 'harvest' ? 22 : 30;
    const tError = T - tSet;
    iT = Math.min(Math.max(iT + tError * DT, -5), 5);
    const jacket = Math.min(Math.max(1.2 * tError + 0.8 * iT, -1), 1); // >0 cools, <0 heats
    const pHError = 6.8 - pHMeasured;
    iPH = Math.min(Math.max(iPH + pHError * DT, 0), 2);
    const base = Math.min(Math.max(4 * pHError + 1.5 * iPH, 0), 1);
    let feed = phase === 'fedBatch' ? p.feed0 * Math.exp(p.feedGrowth * (t - fedBatchSince)) : 0;
    const pumpDelivers = active('feedDrift', t) ? 1 + fault!.magnitude! * (t - fault!.startHour) : 1;
    feed *= pumpDelivers;

    // Kinetics.
    const fT = Math.exp(-(((T - p.tOpt) / 5) ** 2));
    const fpH = Math.exp(-(((pH - p.pHOpt) / 0.6) ** 2));
    const muNoO2 = p.muMax * (S / (p.Ks + S)) * fT * fpH;
    const kLa = 250 * (agitation / 500) ** 1.5 * aeration ** 0.5; // 1/h
    // Dissolved oxygen settles in seconds (kLa·dt ≫ 1), so it is taken at its quasi-steady value:
    // the C where transfer equals uptake (transfer falls and uptake rises with C: one root).
    let lo = 0, hi = O2_SAT;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      const uptake = ((muNoO2 * mid) / (p.Ko + mid) / p.Yxo + p.mo) * X;
      if (kLa * (O2_SAT - mid) > uptake) lo = mid; else hi = mid;
    }
    C = (lo + hi) / 2;
    const mu = muNoO2 * (C / (p.Ko + C));
    const qp = p.qpMax * (S / (p.Kp + S + (S * S) / p.Ki)) * fT * (C / (p.Ko + C));
    const OUR = (mu / p.Yxo + p.mo) * X; // g O2 / L / h
    const D = feed / V;

    if (step * DT >= nextSample - 1e-9) {
      const outOfAir = aeration * 60 / 22.4; // mol gas per L broth per h
      const o2Drop = OUR / 32 / outOfAir * 100; // percentage points
      const truth: Record<SimVariable, number> = {
        temperature: T,
        pH: pHMeasured,
        dissolvedOxygen: (C / O2_SAT) * 100,
        agitation,
        aeration,
        offgasCO2: 0.04 + 0.95 * o2Drop,
        offgasO2: 20.95 - o2Drop,
        feedRate: feed,
        weight: V * 1.03,
        OD600: X * 2.6,
      };
      const at = new Date(start.getTime() + Math.round(t * 3600e3)).toISOString();
      const row: number[] = [];
      for (const v of SIM_VARIABLES) {
        const noisy = truth[v] + noiseScale * NOISE[v] * gauss();
        // Probes read no negative flow or saturation.
        const value = Math.round((v === 'feedRate' || v === 'dissolvedOxygen' ? Math.max(noisy, 0) : noisy) * 1e4) / 1e4;
        row.push(value);
        readings.push({ variable: v, at, value });
      }
      hours.push(Math.round(t * 1e6) / 1e6);
      values.push(row);
      states.push({ biomass: X, substrate: S, product: P, volume: V });
      nextSample += sampleEvery;
    }

    // Euler step of the balances.
    const dX = mu * X - D * X - p.kd * X;
    const dS = -(mu / p.Yxs + p.ms) * X - D * S + D * p.feedConc;
    const dP = qp * X - 0.01 * P - D * P;
    const heat = 3.2 * OUR + 0.3 * (agitation / 500) ** 3; // °C/h: metabolism and stirring
    const capacity = coolingCapacity * (active('coolingFault', t) ? 1 - fault!.magnitude! : 1);
    const jacketFlux = jacket > 0 ? jacket * capacity * (T - Tw) : jacket * 4;
    const dT = heat - jacketFlux - 0.05 * (T - 20);
    const dpH = -p.acid * mu * X * 10 + 0.6 * base - 0.01 * (pH - 6.8);
    X = Math.max(X + dX * DT, 0);
    S = Math.max(S + dS * DT, 0);
    P = Math.max(P + dP * DT, 0);
    T += dT * DT;
    pH += dpH * DT;
    V += (feed - 0.0015 * V) * DT; // feed in, evaporation out
  }
  return {
    seed: options.seed, phases, readings, hours, values, states, fault,
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + duration * 3600e3).toISOString(),
  };
}

/** A simulated batch in the form align.ts takes: phase starts and series in epoch milliseconds. */
export function seriesOf(batch: SimulatedBatch): { phases: { name: string; start: number }[]; series: Record<string, [number, number][]>; end: number } {
  const start = Date.parse(batch.startedAt);
  const series: Record<string, [number, number][]> = {};
  SIM_VARIABLES.forEach((v, j) => { series[v] = batch.hours.map((h, i) => [start + Math.round(h * 3600e3), batch.values[i][j]]); });
  return { phases: batch.phases.map((p) => ({ name: p.name, start: Date.parse(p.startedAt) })), series, end: Date.parse(batch.endedAt) };
}
