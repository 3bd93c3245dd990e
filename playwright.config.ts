import { defineConfig } from '@playwright/test';

// E2E: Debian Chromium with the built extension (.output/chrome-mv3) against the demo feeds served
// under the real host names (tests/e2e/fixture-server.ts). The browser is launched by the fixtures
// in tests/e2e/fixtures.ts, so no Playwright browser download is needed (never `playwright install`).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/playwright',
  forbidOnly: !!process.env.CI,
  use: { trace: 'off', screenshot: 'only-on-failure' },
});
