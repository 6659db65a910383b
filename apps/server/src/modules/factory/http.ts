import type { Role } from '../../platform/access/model.js';

/**
 * Who may call the smart-factory routes. Factories are enterprises' sites; the services decide
 * which events, batches and alarms each caller sees (a factory sees its own, and a trading
 * partner's events that name its EPCs; overseers see all).
 */
/** Oversee every factory: the task force and the responsible units, and districts. */
export const OVERSEERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district'];
/** Run factories and post their data: enterprises (and pilot bases that produce). */
export const OPERATORS: readonly Role[] = ['enterprise', 'pilotBase'];
export const FACTORY_READERS: readonly Role[] = [...OVERSEERS, ...OPERATORS];
/** Scopes machines use (API tokens). */
export const SCOPES = {
  capture: 'epcis:capture',
  query: 'epcis:query',
  read: 'factory:read',
  ingest: 'factory:ingest',
} as const;
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPES.read });

/** Routes anyone may call (the factories' public list, the EPCIS interface's settings). */
export const PUBLIC = { allow: 'public' as const };
/** Who captures EPCIS events: a factory's own systems and people, and administrators (for their organisation). */
export const CAPTURERS: readonly Role[] = [...OPERATORS, 'admin'];
