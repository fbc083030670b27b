// Armed faults and injection counts per account key: what the next N API requests or webhook deliveries suffer.
import { randomAlphanumeric } from '../store/ids';

export const API_FAULT_KINDS = ['api_error', 'timeout', 'rate_limit', 'lost_response'] as const;
export const WEBHOOK_FAULT_KINDS = ['webhook_drop', 'webhook_duplicate', 'webhook_delay', 'webhook_reorder'] as const;
export type ApiFaultKind = (typeof API_FAULT_KINDS)[number];
export type WebhookFaultKind = (typeof WEBHOOK_FAULT_KINDS)[number];
export type FaultKind = ApiFaultKind | WebhookFaultKind;

export interface ArmedFault {
  id: string;
  kind: FaultKind;
  /** How many more requests (or deliveries) it applies to. */
  remaining: number;
  /** API faults only: restrict to this HTTP method and/or path prefix. */
  method: string | null;
  path_prefix: string | null;
  /** `timeout`: `hold` (answer nothing for hold_ms, then close) or `close` (reset the socket at once).
   *  `lost_response`: `500` (api_error after the work is done) or `drop` (close the socket instead of answering). */
  mode: string | null;
  hold_ms: number | null;
  /** `rate_limit`: seconds for a Retry-After header (Stripe itself sends none), or null. */
  retry_after: number | null;
  /** `webhook_delay`: how long each delivery waits before its first attempt. */
  delay_ms: number | null;
}

export type FaultSpec = Omit<ArmedFault, 'id'>;

interface AccountFaults {
  armed: ArmedFault[];
  injected: Partial<Record<FaultKind, number>>;
}

const isApiKind = (kind: FaultKind): kind is ApiFaultKind => (API_FAULT_KINDS as readonly string[]).includes(kind);

export class FaultRegistry {
  private readonly accounts = new Map<string, AccountFaults>();

  private of(accountKey: string): AccountFaults {
    let faults = this.accounts.get(accountKey);
    if (!faults) {
      faults = { armed: [], injected: {} };
      this.accounts.set(accountKey, faults);
    }
    return faults;
  }

  arm(accountKey: string, spec: FaultSpec): ArmedFault {
    const fault: ArmedFault = { id: `flt_${randomAlphanumeric(14)}`, ...spec };
    this.of(accountKey).armed.push(fault);
    return fault;
  }

  /** Consumes one use of the first armed fault (in arming order) that matches, and counts it as injected. */
  private take(accountKey: string, matches: (fault: ArmedFault) => boolean): ArmedFault | undefined {
    const faults = this.accounts.get(accountKey);
    if (!faults) return undefined;
    const index = faults.armed.findIndex(matches);
    if (index < 0) return undefined;
    const fault = faults.armed[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults.armed.splice(index, 1);
    faults.injected[fault.kind] = (faults.injected[fault.kind] ?? 0) + 1;
    return { ...fault };
  }

  takeApiFault(accountKey: string, method: string, path: string): ArmedFault | undefined {
    return this.take(
      accountKey,
      (fault) =>
        isApiKind(fault.kind) &&
        (fault.method === null || fault.method === method) &&
        (fault.path_prefix === null || path.startsWith(fault.path_prefix)),
    );
  }

  takeWebhookFault(accountKey: string): ArmedFault | undefined {
    return this.take(accountKey, (fault) => !isApiKind(fault.kind));
  }

  describe(accountKey: string): { armed: ArmedFault[]; injected: Partial<Record<FaultKind, number>> } {
    const faults = this.accounts.get(accountKey);
    return { armed: faults?.armed.map((fault) => ({ ...fault })) ?? [], injected: { ...faults?.injected } };
  }

  clear(accountKey: string): void {
    this.accounts.delete(accountKey);
  }

  clearAll(): void {
    this.accounts.clear();
  }
}
