// End-to-end tests in Debian's Chromium against `next start` and a fresh Stripe sandbox.
// scripts/test.ts runs this once per database (E2E_DATABASE_URL); locally it defaults to SQLite.
import { dirname } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

const isCI = !!process.env.CI;
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 12198);
const databaseUrl = process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db';
const sandboxDataDir = process.env.E2E_SANDBOX_DATA_DIR ?? 'data/e2e-sandbox';
export const baseURL = `http://127.0.0.1:${appPort}`;
/** The app server's stdout and stderr, kept for tests/e2e/security-secrets.teardown.ts to search for secrets. */
export const serverLogFile = process.env.E2E_SERVER_LOG ?? 'test-results/e2e-server.log';

// The app under test talks to the test sandbox only; these reach `next start` and `npm run seed`.
export const appEnv = {
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: databaseUrl,
  STRIPE_API_BASE: `http://127.0.0.1:${sandboxPort}`,
  BETTER_AUTH_URL: baseURL,
  BETTER_AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? 'e2e-only-secret-0123456789abcdef0123456789',
};

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  // Generous under CI: two cores run the app, the sandbox and Chromium together.
  timeout: isCI ? 60_000 : 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/, teardown: 'server logs' },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'] },
    // Runs once every test has finished: what the server logged during the run must hold no secret.
    { name: 'server logs', testMatch: /.*\.teardown\.ts/ },
  ],
  // Started in order: the sandbox must answer before the app is seeded.
  webServer: [
    {
      command: 'node_modules/.bin/tsx sandbox/main.ts',
      url: `http://127.0.0.1:${sandboxPort}/_sandbox/health`,
      env: { STRIPE_SANDBOX_PORT: String(sandboxPort), STRIPE_SANDBOX_DATA_DIR: sandboxDataDir },
      reuseExistingServer: !isCI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Everything the server prints goes to the log file and on to Playwright's stderr, as before.
      command: `mkdir -p ${dirname(serverLogFile)} && (npm run --silent db:migrate && npm run --silent seed && node_modules/.bin/next start -H 127.0.0.1 -p ${appPort}) 2>&1 | tee ${serverLogFile} >&2`,
      url: `${baseURL}/sign-in`,
      env: appEnv,
      reuseExistingServer: !isCI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
