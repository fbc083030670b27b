// The webhook delivery loop: queues (event, endpoint) deliveries, signs and POSTs them in order per
// endpoint, retries with backoff, keeps events' pending_webhooks right, and applies webhook faults.
import type Stripe from 'stripe';
import type { ArmedFault, FaultRegistry } from '../faults/fault-registry';
import type { Account } from '../store/account';
import { newId, nowSeconds } from '../store/ids';
import type { SandboxStore } from '../store/sandbox-store';
import { DEFAULT_DELIVERY_CONFIG, retryDelayMs, type DeliveryConfig } from './delivery-config';
import { shouldReceive } from './match-event';
import type { DeliveryAttempt, WebhookDelivery } from './object-types';
import { postDelivery, type PostOutcome } from './post-delivery';
import { signatureHeader } from './sign-payload';

/** One endpoint's queue: delivery ids in event order, at most one attempt in flight. */
interface Lane {
  accountKey: string;
  endpointId: string;
  queue: string[];
  busy: boolean;
}

const laneKey = (accountKey: string, endpointId: string) => `${accountKey}\u0000${endpointId}`;
const eventKey = (accountKey: string, eventId: string) => `${accountKey}\u0000${eventId}`;
/** Deliveries Stripe has not yet got a 2xx for; canceled and fault-dropped ones no longer count. */
const countsAsPending = (delivery: WebhookDelivery) => delivery.status === 'pending' || delivery.status === 'failed';

export interface WebhookDispatcherOptions {
  store: SandboxStore;
  faults: FaultRegistry;
  config?: Partial<DeliveryConfig>;
}

export class WebhookDispatcher {
  private readonly store: SandboxStore;
  private readonly faults: FaultRegistry;
  private readonly defaults: DeliveryConfig;
  private readonly accountConfig = new Map<string, Partial<DeliveryConfig>>();
  private readonly lanes = new Map<string, Lane>();
  /** Delivery ids per event, to recount pending_webhooks without scanning the account. */
  private readonly byEvent = new Map<string, string[]>();
  /** Deliveries a fault already shaped (faults touch a delivery once) and the fault to note on its attempt. */
  private readonly faulted = new Map<string, DeliveryAttempt['fault']>();
  /** Reorder faults: deliveries held back per fault id until the fault's count is reached. */
  private readonly held = new Map<string, { lane: Lane; deliveryId: string }[]>();
  private readonly heldIds = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private pumpQueued = false;
  private stopped = false;

  constructor({ store, faults, config }: WebhookDispatcherOptions) {
    this.store = store;
    this.faults = faults;
    this.defaults = { ...DEFAULT_DELIVERY_CONFIG, ...config };
  }

  /** The onEvent listener: runs inside the API request, so it only records deliveries and wakes the loop. */
  readonly onEvent = (account: Account, event: Stripe.Event): void => {
    try {
      this.enqueue(account, event, 'automatic');
    } catch (error) {
      // A listener must not fail the request that recorded the event.
      console.error(`[sandbox] could not queue webhooks for ${event.id}`, error);
    }
  };

  configFor(accountKey: string): DeliveryConfig {
    return { ...this.defaults, ...this.accountConfig.get(accountKey) };
  }

  setAccountConfig(accountKey: string, config: Partial<DeliveryConfig>): DeliveryConfig {
    this.accountConfig.set(accountKey, { ...this.accountConfig.get(accountKey), ...config });
    return this.configFor(accountKey);
  }

  /**
   * Records one pending delivery per enabled endpoint that wants the event (or only `endpointId`), in the
   * store so they survive a restart, then raises the event's pending_webhooks.
   */
  enqueue(account: Account, event: Stripe.Event, reason: WebhookDelivery['reason'], endpointId?: string): WebhookDelivery[] {
    const endpoints = account
      .all('webhook_endpoint')
      .reverse()
      .filter((endpoint) => (endpointId ? endpoint.id === endpointId : true) && shouldReceive(endpoint, event.type));
    if (endpoints.length === 0) return [];
    const now = Date.now();
    const deliveries = endpoints.map((endpoint) =>
      account.put('webhook_delivery', {
        id: newId('whdel'),
        object: 'webhook_delivery',
        created: nowSeconds(),
        event: event.id,
        event_type: event.type,
        webhook_endpoint: endpoint.id,
        reason,
        status: 'pending',
        attempts: [],
        next_attempt_at: now,
      }),
    );
    for (const delivery of deliveries) this.track(account.key, delivery);
    this.recountPending(account, event.id);
    this.wake();
    return deliveries;
  }

  /** Rebuilds lanes from the store at start-up: deliveries still pending are retried where they left off. */
  restore(): number {
    let pending = 0;
    for (const account of this.store.allAccounts()) {
      // all() is newest first; lanes want creation order.
      for (const delivery of account.all('webhook_delivery').reverse()) {
        this.track(account.key, delivery);
        if (delivery.status === 'pending') pending += 1;
      }
    }
    this.wake();
    return pending;
  }

  private track(accountKey: string, delivery: WebhookDelivery): void {
    const key = eventKey(accountKey, delivery.event);
    const ids = this.byEvent.get(key);
    if (ids) ids.push(delivery.id);
    else this.byEvent.set(key, [delivery.id]);
    if (delivery.status !== 'pending') return;
    const lk = laneKey(accountKey, delivery.webhook_endpoint);
    let lane = this.lanes.get(lk);
    if (!lane) {
      lane = { accountKey, endpointId: delivery.webhook_endpoint, queue: [], busy: false };
      this.lanes.set(lk, lane);
    }
    lane.queue.push(delivery.id);
  }

  /** Stores the event again with the number of its deliveries that have not succeeded yet. */
  private recountPending(account: Account, eventId: string): void {
    const event = account.get('event', eventId);
    if (!event) return;
    const ids = this.byEvent.get(eventKey(account.key, eventId)) ?? [];
    const pending = ids.map((id) => account.get('webhook_delivery', id)).filter((d) => d !== undefined && countsAsPending(d)).length;
    if (event.pending_webhooks !== pending) account.put('event', { ...event, pending_webhooks: pending });
  }

  deliveriesOf(account: Account, filter: { event?: string; webhook_endpoint?: string }): WebhookDelivery[] {
    return account
      .all('webhook_delivery')
      .filter((d) => (!filter.event || d.event === filter.event) && (!filter.webhook_endpoint || d.webhook_endpoint === filter.webhook_endpoint));
  }

  /** On a reset: drops the account's retry settings and held deliveries (its deliveries went with the store). */
  forgetAccount(accountKey: string | null): void {
    if (accountKey === null) this.accountConfig.clear();
    else this.accountConfig.delete(accountKey);
    this.dropHeld(accountKey);
  }

  /** Releases deliveries held by reorder faults (when the faults are cleared), in their original order. */
  releaseHeld(accountKey: string): void {
    this.dropHeld(accountKey);
    this.wake();
  }

  private dropHeld(accountKey: string | null): void {
    for (const [faultId, group] of this.held) {
      if (accountKey !== null && group[0]?.lane.accountKey !== accountKey) continue;
      this.held.delete(faultId);
      for (const { deliveryId } of group) this.heldIds.delete(deliveryId);
    }
  }

  /** Stops scheduling; attempts in flight finish or are retried after the next start (they stay pending). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private wake(): void {
    if (this.pumpQueued || this.stopped) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Starts the first due delivery of every idle lane and sets the timer for the next one coming due. */
  private pump(): void {
    if (this.stopped) return;
    const now = Date.now();
    let nextDue = Infinity;
    for (const [key, lane] of this.lanes) {
      if (lane.busy) continue;
      const account = this.store.account(lane.accountKey);
      let started = false;
      for (let index = 0; index < lane.queue.length; index += 1) {
        const id = lane.queue[index]!;
        const delivery = account.get('webhook_delivery', id);
        if (!delivery || delivery.status !== 'pending') {
          lane.queue.splice(index, 1);
          index -= 1;
          continue;
        }
        if (this.heldIds.has(id)) continue;
        const due = delivery.next_attempt_at ?? now;
        // A delivery waiting for its retry does not hold back later events for the same endpoint.
        if (due > now) {
          nextDue = Math.min(nextDue, due);
          continue;
        }
        started = true;
        lane.busy = true;
        void this.attempt(lane, account, delivery);
        break;
      }
      if (!started && lane.queue.length === 0) this.lanes.delete(key);
    }
    this.schedule(nextDue);
  }

  private schedule(at: number): void {
    if (at === Infinity || at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timerAt = Infinity;
      this.timer = undefined;
      this.pump();
    }, Math.max(0, at - Date.now()));
    this.timer.unref();
  }

  private finishLane(lane: Lane): void {
    lane.busy = false;
    this.wake();
  }

  private async attempt(lane: Lane, account: Account, delivery: WebhookDelivery): Promise<void> {
    try {
      await this.deliver(lane, account, delivery);
    } catch (error) {
      console.error(`[sandbox] webhook delivery ${delivery.id} crashed`, error);
    } finally {
      this.finishLane(lane);
    }
  }

  private async deliver(lane: Lane, account: Account, delivery: WebhookDelivery): Promise<void> {
    const endpoint = account.get('webhook_endpoint', delivery.webhook_endpoint);
    const event = account.get('event', delivery.event);
    // Stripe stops retrying for an endpoint that is disabled or deleted meanwhile.
    if (!endpoint || endpoint.status !== 'enabled' || !endpoint.secret || !event) {
      this.settle(account, { ...delivery, status: 'canceled', next_attempt_at: null });
      return;
    }
    const fault = this.faulted.has(delivery.id) ? undefined : this.faults.takeWebhookFault(account.key);
    if (fault && this.applyFault(fault, lane, account, delivery)) return;

    const config = this.configFor(account.key);
    const payload = JSON.stringify(event, null, 2);
    // Each attempt is signed anew: a retry hours later must still pass the receiver's timestamp tolerance.
    const signature = signatureHeader(payload, endpoint.secret, nowSeconds());
    const at = Date.now();
    const outcome = await postDelivery(endpoint.url, payload, signature, config.timeoutMs);
    const attempts = [...delivery.attempts, this.attemptOf(at, outcome, this.faulted.get(delivery.id) ?? null)];
    if (this.faulted.get(delivery.id) === 'duplicate') {
      const again = Date.now();
      attempts.push(this.attemptOf(again, await postDelivery(endpoint.url, payload, signature, config.timeoutMs), 'duplicate'));
    }
    this.faulted.delete(delivery.id);
    const succeeded = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    // The account may have been reset while the request was out: then its old object must not be written
    // to, or the journal would bring the delivery back at the next start.
    if (this.store.account(account.key) !== account) return;
    const current = account.get('webhook_delivery', delivery.id);
    if (!current) return;
    if (succeeded) {
      this.settle(account, { ...current, attempts, status: 'succeeded', next_attempt_at: null });
    } else if (attempts.length >= config.maxAttempts) {
      this.settle(account, { ...current, attempts, status: 'failed', next_attempt_at: null });
    } else {
      const nextAt = Date.now() + retryDelayMs(config, attempts.length);
      account.put('webhook_delivery', { ...current, attempts, next_attempt_at: nextAt });
      this.schedule(nextAt);
    }
  }

  private attemptOf(at: number, outcome: PostOutcome, fault: DeliveryAttempt['fault']): DeliveryAttempt {
    return { at, duration_ms: outcome.durationMs, status_code: outcome.statusCode, error: outcome.error, fault };
  }

  private settle(account: Account, delivery: WebhookDelivery): void {
    account.put('webhook_delivery', delivery);
    this.recountPending(account, delivery.event);
  }

  /** Returns true when the fault replaces this attempt (drop, delay, reorder hold). */
  private applyFault(fault: ArmedFault, lane: Lane, account: Account, delivery: WebhookDelivery): boolean {
    switch (fault.kind) {
      case 'webhook_drop': {
        const attempt: DeliveryAttempt = { at: Date.now(), duration_ms: 0, status_code: null, error: 'dropped by fault injection', fault: 'drop' };
        this.settle(account, { ...delivery, attempts: [...delivery.attempts, attempt], status: 'dropped', next_attempt_at: null });
        return true;
      }
      case 'webhook_duplicate':
        this.faulted.set(delivery.id, 'duplicate');
        return false;
      case 'webhook_delay': {
        // Deferred without blocking the lane: later events may overtake it, as a slow network would allow.
        this.faulted.set(delivery.id, 'delay');
        const nextAt = Date.now() + (fault.delay_ms ?? 0);
        account.put('webhook_delivery', { ...delivery, next_attempt_at: nextAt });
        this.schedule(nextAt);
        return true;
      }
      case 'webhook_reorder': {
        this.faulted.set(delivery.id, 'reorder');
        this.hold(fault, lane, delivery.id);
        return true;
      }
      default:
        return false;
    }
  }

  /** Holds a delivery back; once the fault's last use arrives, its lanes get the group in a shuffled order. */
  private hold(fault: ArmedFault, lane: Lane, deliveryId: string): void {
    const group = this.held.get(fault.id) ?? [];
    group.push({ lane, deliveryId });
    this.held.set(fault.id, group);
    this.heldIds.add(deliveryId);
    if (fault.remaining > 0) return;
    this.held.delete(fault.id);
    const shuffled = shuffleDifferently(group);
    for (const { deliveryId: id } of group) this.heldIds.delete(id);
    // Move the group to the front of each lane in the shuffled order, so they go out before anything newer.
    for (const target of new Set(shuffled.map((item) => item.lane))) {
      const ids = shuffled.filter((item) => item.lane === target).map((item) => item.deliveryId);
      target.queue = [...ids, ...target.queue.filter((id) => !ids.includes(id))];
    }
  }
}

/** A random permutation that differs from the input whenever it has two or more items. */
function shuffleDifferently<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.length > 1 && out.every((item, index) => item === items[index])) out.reverse();
  return out;
}
