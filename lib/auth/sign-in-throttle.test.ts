import { describe, expect, it } from 'vitest';
import { createSignInThrottle, MAX_FAILURES, WINDOW_MS } from './sign-in-throttle';

describe('sign-in throttle', () => {
  it('blocks an address after repeated failures, whatever its case', () => {
    const throttle = createSignInThrottle(() => 0);
    for (let attempt = 0; attempt < MAX_FAILURES; attempt += 1) {
      expect(throttle.isBlocked('Admin@paydesk.test')).toBe(false);
      throttle.recordFailure('admin@paydesk.test');
    }
    expect(throttle.isBlocked('ADMIN@paydesk.test')).toBe(true);
    expect(throttle.isBlocked('support@paydesk.test')).toBe(false);
  });

  it('lets the address try again once the window has passed', () => {
    let time = 0;
    const throttle = createSignInThrottle(() => time);
    for (let attempt = 0; attempt < MAX_FAILURES; attempt += 1) throttle.recordFailure('a@b.co');
    time = WINDOW_MS + 1;
    expect(throttle.isBlocked('a@b.co')).toBe(false);
  });

  it('forgets earlier failures after a successful sign-in', () => {
    const throttle = createSignInThrottle(() => 0);
    for (let attempt = 0; attempt < MAX_FAILURES - 1; attempt += 1) throttle.recordFailure('a@b.co');
    throttle.recordSuccess('a@b.co');
    throttle.recordFailure('a@b.co');
    expect(throttle.isBlocked('a@b.co')).toBe(false);
  });
});
