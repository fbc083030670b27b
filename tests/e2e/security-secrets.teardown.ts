// Secrets never leave the server: after every other test has run, the client bundles of the build and the app
// server's log of this run are searched for keys, signing secrets, the session secret and AccountLink URLs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { appEnv, serverLogFile } from '../../playwright.config';
import { filesUnder, findSecrets, readText } from './fixtures/secret-patterns';

const literals = (): Record<string, string> => {
  const localSecretFile = join('data', '.auth-secret');
  return {
    'session secret': appEnv.BETTER_AUTH_SECRET,
    ...(existsSync(localSecretFile) ? { 'local session secret': readText(localSecretFile).trim() } : {}),
  };
};

test('the search finds each kind of secret (so finding none means something)', () => {
  const sample = 'key sk_test_51Habcdefgh whsec_abcdefgh1234 /_sandbox/connect/onboarding/acs_123 https://connect.stripe.com/setup/e/acct_1/abc';
  expect(findSecrets(`${sample} ${appEnv.BETTER_AUTH_SECRET}`, literals())).toHaveLength(5);
  expect(findSecrets('pk_test_paydesk_sandbox and the text "whsec_…"', literals())).toEqual([]);
});

test('the built client bundles hold no secret key, signing secret, session secret or AccountLink URL', () => {
  const files = filesUnder(join('.next', 'static')).filter((file) => /\.(js|css|json|txt|html|map)$/.test(file));
  expect(files.length).toBeGreaterThan(0);
  const leaks = files.flatMap((file) => findSecrets(readText(file), literals()).map((secret) => `${file}: ${secret}`));
  expect(leaks).toEqual([]);
});

test('the app server logged no secret during the run', () => {
  test.skip(!existsSync(serverLogFile), 'the app server was started outside this run (reused), so its log is not ours');
  const log = readText(serverLogFile);
  expect(log).toContain('Ready'); // the log is the server's, captured from its start
  expect(findSecrets(log, literals())).toEqual([]);
});
