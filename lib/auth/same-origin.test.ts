import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './same-origin';

const post = (headers: Record<string, string>) => new Request('http://127.0.0.1:3100/disputes/dp_1/evidence-files', { method: 'POST', headers });

describe('same-origin check', () => {
  it('accepts a post from the dashboard’s own origin', () => {
    expect(isSameOriginRequest(post({ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3100', 'sec-fetch-site': 'same-origin' }))).toBe(true);
  });

  it('refuses a post whose Origin is another site, or that the browser marks cross-site', () => {
    expect(isSameOriginRequest(post({ host: '127.0.0.1:3100', origin: 'https://evil.example' }))).toBe(false);
    expect(isSameOriginRequest(post({ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3101' }))).toBe(false);
    expect(isSameOriginRequest(post({ host: '127.0.0.1:3100', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isSameOriginRequest(post({ host: '127.0.0.1:3100', origin: 'null' }))).toBe(false);
  });

  it('leaves a client that is not a browser (no Origin) to the session and role checks', () => {
    expect(isSameOriginRequest(post({ host: '127.0.0.1:3100' }))).toBe(true);
  });
});
