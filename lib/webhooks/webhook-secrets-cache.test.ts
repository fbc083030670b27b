import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetCachedWebhookSecrets, readThroughSecretsCache } from './webhook-secrets-cache';

function counter(complete = true) {
  let reads = 0;
  return {
    read: async () => ({ secrets: [`whsec_${(reads += 1)}`], complete }),
    reads: () => reads,
  };
}

describe('the webhook secrets cache', () => {
  afterEach(() => {
    forgetCachedWebhookSecrets();
    vi.useRealTimers();
  });

  it('reads the secrets once for every delivery within a few seconds, then again', async () => {
    vi.useFakeTimers();
    const secrets = counter();
    expect(await readThroughSecretsCache(secrets.read)).toEqual(['whsec_1']);
    vi.advanceTimersByTime(4_000);
    expect(await readThroughSecretsCache(secrets.read)).toEqual(['whsec_1']);
    vi.advanceTimersByTime(1_000);
    expect(await readThroughSecretsCache(secrets.read)).toEqual(['whsec_2']);
    expect(secrets.reads()).toBe(2);
  });

  it('keeps no list that lacks the sandbox endpoint secret, so the next delivery reads again', async () => {
    const secrets = counter(false);
    await readThroughSecretsCache(secrets.read);
    expect(await readThroughSecretsCache(secrets.read)).toEqual(['whsec_2']);
  });

  it('reads again right after this process stored a new endpoint secret', async () => {
    const secrets = counter();
    await readThroughSecretsCache(secrets.read);
    forgetCachedWebhookSecrets();
    expect(await readThroughSecretsCache(secrets.read)).toEqual(['whsec_2']);
  });
});
