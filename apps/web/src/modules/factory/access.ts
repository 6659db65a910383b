import type { Role } from '../../app/session';

/** Who may do what in the factory module, as the server's routes name it (modules/factory/http.ts). */
export const OVERSEERS: Role[] = ['admin', 'taskforce', 'unit', 'district'];
export const OPERATORS: Role[] = ['enterprise', 'pilotBase'];
export const FACTORY_READERS: Role[] = [...OVERSEERS, ...OPERATORS];
