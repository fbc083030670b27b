// Test-only controls under `/_sandbox/…`: health, reset (one account or all), per-account latency.
// Phase 2 (fault injection, webhook inspection) adds its controls to CONTROLS.
import type { IncomingMessage } from 'node:http';
import type { SandboxStore } from '../store/sandbox-store';
import { readSecretKey } from './auth';
import type { FormObject } from './form-value';
import { invalidRequest } from './stripe-error';

export interface ControlRequest {
  store: SandboxStore;
  request: IncomingMessage;
  body: FormObject;
}

export type ControlHandler = (control: ControlRequest) => { status: number; body: unknown };

const accountKey = (control: ControlRequest) => readSecretKey(control.request.headers.authorization);

export const CONTROLS: Record<string, ControlHandler> = {
  'GET /_sandbox/health': () => ({ status: 200, body: { ok: true } }),

  /** With a key: that account only. Without one, `all=true` is required so a missing header cannot wipe everything. */
  'POST /_sandbox/reset': (control) => {
    if (control.request.headers.authorization) {
      control.store.resetAccount(accountKey(control));
      return { status: 200, body: { ok: true, reset: 'account' } };
    }
    if (control.body.all !== 'true') throw invalidRequest('Send a bearer key to reset one account, or all=true to reset every account.');
    control.store.resetAll();
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
