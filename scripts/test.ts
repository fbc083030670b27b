// Runs every check in order and ends with one line `N passed, N failed`: typecheck, lint, unit tests,
// integration tests on SQLite and on PostgreSQL, a production build, end-to-end tests on both databases.
// A check that is not a test runner (typecheck, lint, build) counts as one test.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../sandbox/spawn-sandbox';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const bin = (name: string) => join('node_modules', '.bin', name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function record(name: string, tally: Tally): void {
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  lines.push(`${name.padEnd(28)} ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
}

async function check(name: string, command: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  console.log(`\n=== ${name} ===`);
  const code = await run(command, args, env);
  record(name, code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });
  return code === 0;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function vitest(name: string, project: string, env: Record<string, string> = {}): Promise<void> {
  console.log(`\n=== ${name} ===`);
  const report = join('test-results', `${name.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  const code = await run(
    bin('vitest'),
    ['run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile=${report}`],
    { SANDBOX_TEST_PORT: String(await freePort()), ...env },
  );
  const json = readJson(report) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | undefined;
  const tally = {
    passed: json?.numPassedTests ?? 0,
    failed: json?.numFailedTests ?? 0,
    skipped: (json?.numPendingTests ?? 0) + (json?.numTodoTests ?? 0),
  };
  // A crash outside any test (e.g. a failing global setup) still fails the run.
  if (code !== 0 && tally.failed === 0) tally.failed = 1;
  record(name, tally);
}

async function playwright(name: string, databaseUrl: string, configFile = 'playwright.config.ts'): Promise<void> {
  console.log(`\n=== ${name} ===`);
  const report = join('test-results', `${name.replace(/\W+/g, '-')}.json`);
  const sandboxDir = mkdtempSync(join(tmpdir(), 'paydesk-e2e-sandbox-'));
  rmSync(report, { force: true });
  const code = await run(bin('playwright'), ['test', '--config', configFile], {
    CI: process.env.CI ?? '1',
    E2E_DATABASE_URL: databaseUrl,
    E2E_SANDBOX_DATA_DIR: sandboxDir,
    E2E_JSON_REPORT: report,
    E2E_APP_PORT: String(await freePort()),
    E2E_SANDBOX_PORT: String(await freePort()),
  });
  rmSync(sandboxDir, { recursive: true, force: true });
  const stats = (readJson(report) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | undefined)?.stats;
  const tally = {
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
    skipped: stats?.skipped ?? 0,
  };
  if (code !== 0 && tally.failed === 0) tally.failed = 1;
  record(name, tally);
}

async function withPostgresDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const adminUrl = execFileSync(bin('tsx'), ['scripts/ensure-postgres.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const name = `paydesk_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync('test-results', { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'paydesk-test-'));
  const only = process.argv[2]; // optional: unit | integration | e2e, for local use

  try {
    if (!only) {
      await check('typecheck', bin('tsc'), ['--noEmit']);
      await check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
    }
    if (!only || only === 'unit') await vitest('unit', 'unit');
    if (!only || only === 'integration') {
      await vitest('integration (SQLite)', 'integration', { DATABASE_URL: `file:${join(scratch, 'integration.db')}` });
      await withPostgresDatabase((url) => vitest('integration (PostgreSQL)', 'integration', { DATABASE_URL: url }));
    }
    if (!only || only === 'e2e') {
      // The Stripe.js stand-in's browser tests need a sandbox only, no build and no database.
      await playwright('stripe.js (browser)', '', 'playwright.stripe-js.config.ts');
      const built = await check('build', bin('next'), ['build']);
      if (built) {
        await playwright('e2e (SQLite)', `file:${join(scratch, 'e2e.db')}`);
        await withPostgresDatabase((url) => playwright('e2e (PostgreSQL)', url));
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  console.log(`\n=== summary (${Math.round((Date.now() - started) / 1000)} s) ===`);
  for (const line of lines) console.log(line);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(total.failed === 0 && existsSync('test-results') ? 0 : 1);
}

await main();
