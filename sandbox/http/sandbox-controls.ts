// Test-only controls under `/_sandbox/…`: health, reset (one account or all), per-account latency, and
// how control routes (`METHOD /_sandbox/path/{param}`) are matched; webhooks and faults bring their own tables.
import type { IncomingMessage } from 'node:http';
import type { SandboxStore } from '../store/sandbox-store';
import { readSecretKey } from './auth';
import type { FormObject } from './form-value';
import { invalidRequest } from './stripe-error';

export interface ControlRequest {
  store: SandboxStore;
  request: IncomingMessage;
  body: FormObject;
  /** Values of `{name}` segments of the control's path. */
  pathParams: Record<string, string>;
}

export type ControlHandler = (control: ControlRequest) => { status: number; body: unknown };
export type ControlTable = Record<string, ControlHandler>;

/** Controls act on the account of the bearer key, so parallel tests with their own keys never interfere. */
export const accountKey = (control: ControlRequest) => readSecretKey(control.request.headers.authorization);

/** Finds the control for `METHOD path` in the tables; `{name}` segments match one path segment. */
export function findControl(
  tables: ControlTable[],
  method: string,
  path: string,
): { handler: ControlHandler; pathParams: Record<string, string> } | undefined {
  if (!path.startsWith('/_sandbox/')) return undefined;
  const segments = path.split('/');
  for (const table of tables) {
    const exact = table[`${method} ${path}`];
    if (exact) return { handler: exact, pathParams: {} };
    for (const [pattern, handler] of Object.entries(table)) {
      const [patternMethod, patternPath = ''] = pattern.split(' ');
      if (patternMethod !== method || !patternPath.includes('{')) continue;
      const parts = patternPath.split('/');
      if (parts.length !== segments.length) continue;
      const pathParams: Record<string, string> = {};
      const matches = parts.every((part, index) => {
        const segment = segments[index]!;
        if (part.startsWith('{') && part.endsWith('}')) {
          pathParams[part.slice(1, -1)] = decodeURIComponent(segment);
          return segment !== '';
        }
        return part === segment;
      });
      if (matches) return { handler, pathParams };
    }
  }
  return undefined;
}

const resetListeners = new Set<(accountKey: string | null) => void>();

/** Test state kept outside the store (armed faults, webhook settings) forgets an account on reset; null = all. */
export function onReset(listener: (accountKey: string | null) => void): () => void {
  resetListeners.add(listener);
  return () => resetListeners.delete(listener);
}

export const CONTROLS: ControlTable = {
  'GET /_sandbox/health': () => ({ status: 200, body: { ok: true } }),

  /** With a key: that account only. Without one, `all=true` is required so a missing header cannot wipe everything. */
  'POST /_sandbox/reset': (control) => {
    if (control.request.headers.authorization) {
      const key = accountKey(control);
      control.store.resetAccount(key);
      for (const listener of resetListeners) listener(key);
      return { status: 200, body: { ok: true, reset: 'account' } };
    }
    if (control.body.all !== 'true') throw invalidRequest('Send a bearer key to reset one account, or all=true to reset every account.');
    control.store.resetAll();
    for (const listener of resetListeners) listener(null);
    return { status: 200, body: { ok: true, reset: 'all' } };
  },

  /** Delays every API request of the account by `ms` before it executes (for concurrency tests). */
  'POST /_sandbox/latency': (control) => {
    const ms = Number(control.body.ms);
    if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) throw invalidRequest('ms must be an integer from 0 to 60000', { param: 'ms' });
    control.store.account(accountKey(control)).latencyMs = ms;
    return { status: 200, body: { ok: true, ms } };
  },
};
