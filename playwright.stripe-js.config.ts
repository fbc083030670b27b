// Browser tests of the sandbox's Stripe.js stand-in: Debian's Chromium, a throw-away test page, and
// a sandbox of their own — no app, no database. scripts/test.ts runs it before the e2e suites, with
// the same E2E_* variables (free sandbox port, scratch data dir, JSON report path).
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isCI = !!process.env.CI;
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 12196);
// Read by the spec (workers inherit the environment of the process that loaded this config).
process.env.STRIPE_API_BASE = `http://127.0.0.1:${sandboxPort}`;

export default defineConfig({
  testDir: 'tests/stripe-js',
  outputDir: 'test-results/stripe-js',
  fullyParallel: true,
  workers: 2,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/stripe-js.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: 'node_modules/.bin/tsx sandbox/main.ts',
    url: `http://127.0.0.1:${sandboxPort}/_sandbox/health`,
    env: {
      STRIPE_SANDBOX_PORT: String(sandboxPort),
      STRIPE_SANDBOX_DATA_DIR: process.env.E2E_SANDBOX_DATA_DIR ?? join(tmpdir(), `paydesk-stripe-js-sandbox-${sandboxPort}`),
    },
    reuseExistingServer: !isCI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
