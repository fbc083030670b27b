// `/_sandbox/faults`: arm (POST), inspect (GET) and clear (DELETE) the bearer key's faults.
import { invalidRequest } from '../http/stripe-error';
import { accountKey, type ControlRequest, type ControlTable } from '../http/sandbox-controls';
import type { FormObject } from '../http/form-value';
import { API_FAULT_KINDS, WEBHOOK_FAULT_KINDS, type FaultKind, type FaultRegistry, type FaultSpec } from './fault-registry';

const KINDS: readonly string[] = [...API_FAULT_KINDS, ...WEBHOOK_FAULT_KINDS];
const MODES: Partial<Record<FaultKind, string[]>> = {
  timeout: ['hold', 'close'],
  lost_response: ['500', 'drop'],
  rate_limit: ['rate_limit', 'lock_timeout'],
};

function readText(body: FormObject, name: string): string | null {
  const value = body[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw invalidRequest(`${name} must be a string`, { param: name });
  return value;
}

function readCount(body: FormObject, name: string, min: number, max: number): number | null {
  const text = readText(body, name);
  if (text === null) return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidRequest(`${name} must be an integer from ${min} to ${max}`, { param: name });
  }
  return value;
}

function readSpec(body: FormObject): FaultSpec {
  const kind = readText(body, 'kind');
  if (kind === null || !KINDS.includes(kind)) throw invalidRequest(`kind must be one of ${KINDS.join(', ')}`, { param: 'kind' });
  const faultKind = kind as FaultKind;
  const mode = readText(body, 'mode');
  const modes = MODES[faultKind];
  if (mode !== null && !modes?.includes(mode)) {
    throw invalidRequest(modes ? `mode for ${kind} must be one of ${modes.join(', ')}` : `${kind} takes no mode`, { param: 'mode' });
  }
  const method = readText(body, 'method')?.toUpperCase() ?? null;
  const pathPrefix = readText(body, 'path_prefix');
  if ((method !== null || pathPrefix !== null) && faultKind.startsWith('webhook_')) {
    throw invalidRequest('method and path_prefix apply to API faults only', { param: method !== null ? 'method' : 'path_prefix' });
  }
  const delay = readCount(body, 'delay_ms', 0, 600_000);
  if (faultKind === 'webhook_delay' && delay === null) throw invalidRequest('webhook_delay needs delay_ms', { param: 'delay_ms' });
  const count = readCount(body, 'count', 1, 10_000) ?? 1;
  if (faultKind === 'webhook_reorder' && count < 2) throw invalidRequest('webhook_reorder needs count of at least 2 to reorder', { param: 'count' });
  return {
    kind: faultKind,
    remaining: count,
    method,
    path_prefix: pathPrefix,
    mode: mode ?? modes?.[0] ?? null,
    hold_ms: readCount(body, 'hold_ms', 0, 600_000),
    retry_after: readCount(body, 'retry_after', 0, 3600),
    delay_ms: delay,
  };
}

export function faultControls(faults: FaultRegistry, onClear: (accountKey: string) => void): ControlTable {
  return {
    /** Arms a fault for the next `count` matching requests (or deliveries) of the key's account. */
    'POST /_sandbox/faults': (control: ControlRequest) => {
      const fault = faults.arm(accountKey(control), readSpec(control.body));
      return { status: 200, body: { object: 'sandbox_fault', ...fault } };
    },
    'GET /_sandbox/faults': (control) => ({ status: 200, body: { object: 'sandbox_faults', ...faults.describe(accountKey(control)) } }),
    /** Disarms everything, zeroes the counts and lets go of deliveries a reorder fault was holding. */
    'DELETE /_sandbox/faults': (control) => {
      const key = accountKey(control);
      faults.clear(key);
      onClear(key);
      return { status: 200, body: { object: 'sandbox_faults', armed: [], injected: {} } };
    },
  };
}
