import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    // Sized for a slow, busy 2-core machine (CI, other work running): a PostgreSQL test that takes
    // 3 s idle took 6.5 s at load 13. Longer tests (property, replicas, fuzz) set their own budgets.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'server/**/*.test.ts', 'bench/lib/**/*.test.ts'],
  },
});
