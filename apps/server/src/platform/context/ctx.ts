import type { Principal } from '../access/model.js';

/** What a use case knows of the request that called it. */
export interface Ctx {
  principal: Principal | null;
  requestId: string;
  ip?: string;
}

/** For start-up work (migrations, seed) and command-line tools: the platform acting itself. */
export const systemCtx = (requestId = 'system'): Ctx => ({ principal: null, requestId });
