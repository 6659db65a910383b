/**
 * The sensor variables a fermentation batch reports (传感器变量), with their names and units.
 * A reading of any other variable is rejected (`unknownVariable`): a typo in a factory's tag
 * map must show up as a counted rejection, not as a new series nobody charts.
 */
export interface VariableInfo { zh: string; en: string; unit: string }

export const VARIABLES = {
  temperature: { zh: '温度', en: 'Temperature', unit: '°C' },
  pH: { zh: 'pH', en: 'pH', unit: '' },
  dissolvedOxygen: { zh: '溶氧', en: 'Dissolved oxygen', unit: '%' },
  agitation: { zh: '搅拌转速', en: 'Agitation', unit: 'rpm' },
  aeration: { zh: '通气量', en: 'Aeration', unit: 'vvm' },
  airflow: { zh: '空气流量', en: 'Air flow', unit: 'L/min' },
  offgasCO2: { zh: '尾气 CO₂', en: 'Off-gas CO₂', unit: '%' },
  offgasO2: { zh: '尾气 O₂', en: 'Off-gas O₂', unit: '%' },
  feedRate: { zh: '补料速率', en: 'Feed rate', unit: 'L/h' },
  weight: { zh: '罐重', en: 'Weight', unit: 'kg' },
  volume: { zh: '液量', en: 'Volume', unit: 'L' },
  OD600: { zh: '菌体浓度 OD600', en: 'OD600', unit: '' },
  pressure: { zh: '罐压', en: 'Pressure', unit: 'kPa' },
  substrate: { zh: '残糖', en: 'Residual substrate', unit: 'g/L' },
  product: { zh: '产物浓度', en: 'Product titre', unit: 'g/L' },
  baseAdded: { zh: '累计加碱量', en: 'Base added', unit: 'L' },
  foam: { zh: '泡沫', en: 'Foam level', unit: '%' },
} as const satisfies Record<string, VariableInfo>;

export type Variable = keyof typeof VARIABLES;
export const VARIABLE_CODES = Object.keys(VARIABLES) as Variable[];
export const isVariable = (x: unknown): x is Variable => typeof x === 'string' && Object.hasOwn(VARIABLES, x);

/** A variable with its labels, as the pages and charts read it. */
export const describeVariable = (v: string) => ({ variable: v, ...(isVariable(v) ? VARIABLES[v] : { zh: v, en: v, unit: '' }) });
