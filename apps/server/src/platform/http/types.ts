import type { AccessRule, Principal } from '../access/model.js';
import type { Ctx } from '../context/ctx.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. A route without it answers 403 to everyone (deny by default). */
    access?: AccessRule;
    /** Cookie-authenticated writes need X-CSRF-Token unless a route opts out (login). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
    ctx: Ctx;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: AccessRule | undefined;
}
