import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Unit, service and route tests. Browser tests live in e2e/ with their own config.
// Workspace packages are read from their TypeScript source (the `source` export condition).
export default defineConfig({
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    include: ['apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts', 'data/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
