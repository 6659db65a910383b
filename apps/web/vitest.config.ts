import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure helpers (no browser): npm test -w apps/web.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
