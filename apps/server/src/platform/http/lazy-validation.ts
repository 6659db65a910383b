import { AjvCompiler } from '@fastify/ajv-compiler';

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
type RouteSchema = { schema: unknown; method: string; url: string; httpPart?: string };

/**
 * Fastify's own validator factory (the same @fastify/ajv-compiler, options and per-plugin
 * shared schemas), but each route's validator compiles on its first request instead of at
 * start-up: compiling some 250 routes' schemas up front was a large part of a cold start.
 * Fastify reads a failed validation's `errors` from the function it was given, so the wrapper
 * carries them over.
 */
export function lazyValidators() {
  const build = AjvCompiler();
  return {
    buildValidator(externalSchemas: Record<string, unknown>, ajvOptions: Parameters<ReturnType<typeof AjvCompiler>>[1]) {
      let compile: ((s: RouteSchema) => Validate) | null = null;
      return (route: RouteSchema) => {
        let validate: Validate | null = null;
        const wrapper: Validate = (data) => {
          validate ??= (compile ??= build(externalSchemas as never, ajvOptions) as unknown as (s: RouteSchema) => Validate)(route);
          const ok = validate(data);
          wrapper.errors = validate.errors;
          return ok;
        };
        return wrapper;
      };
    },
  };
}
