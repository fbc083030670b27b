// The chaos run: a mixed workload through the app's own domain functions while the sandbox injects API and
// webhook faults, then proof that nothing was lost, doubled or left different.
import { randomBytes, randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import type { SessionUser } from '@/lib/auth/require-role';
import { createCustomer } from '@/lib/customers/create-customer';
import type { Db } from '@/lib/db/client';
import { cancelPaymentIntent } from '@/lib/payments/cancel-payment-intent';
import { capturePaymentIntent } from '@/lib/payments/capture-payment-intent';
import { confirmPaymentIntent } from '@/lib/payments/confirm-payment-intent';
import { createPaymentIntent } from '@/lib/payments/create-payment-intent';
import { createRefund } from '@/lib/payments/create-refund';
import { findMissedEvents } from '@/lib/webhooks/find-missed-events';
import { ingestMissedEvents } from '@/lib/webhooks/ingest-missed-events';
import { compareProjection, type ComparedType } from './compare-projection';
import { CHAOS_FAULTS, sandboxControls } from './sandbox-controls';
import { freePort } from '../../sandbox/spawn-sandbox';
import { listenerChild } from './listener-child';
import { startWebhookListener } from './webhook-listener';

export interface ChaosOptions {
  stripe: Stripe;
  /** the sandbox account the run owns: faults are armed for it alone */
  secretKey: string;
  sandboxBase: string;
  db: Db;
  actor: SessionUser;
  /** payment stories; each is 4–6 operations */
  payments: number;
  parallel: number;
  /**
   * Serve webhooks from a child process killed (SIGKILL) and started again every `listenerRestartMs` while the
   * workload runs; needs the database's URL. Otherwise an in-process listener serves them.
   */
  restartListener?: { databaseUrl: string; everyMs: number };
  log?: (line: string) => void;
}

export interface ChaosSummary {
  operationsAttempted: number;
  /** calls of an operation beyond its first: double-clicks and retries after an error, same nonce */
  retries: number;
  operationsFailed: number;
  faultsInjected: Record<string, number>;
  /** counted by the in-process listener only */
  webhookDeliveriesReceived: number | null;
  listenerRestarts: number;
  missedEventsApplied: number;
  compared: Record<ComparedType, number>;
  differences: string[];
  durationMs: number;
}

type Story = 'refund_twice' | 'capture_then_refund' | 'capture_part' | 'cancel';
const STORIES: Story[] = ['refund_twice', 'capture_then_refund', 'capture_part', 'cancel'];

/** What one payment should end as, from the operations that were asked for. */
interface IntendedPayment {
  paymentIntentId: string;
  status: 'succeeded' | 'canceled';
  amountReceived: number;
  refunds: number[];
}

interface DoneOperation {
  action: string;
  nonce: string;
}

const MAX_ATTEMPTS = 8;
const MAX_ARMED_FAULTS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChaos(options: ChaosOptions): Promise<ChaosSummary> {
  const started = Date.now();
  const { stripe, db, actor } = options;
  const log = options.log ?? (() => {});
  const controls = sandboxControls(options.sandboxBase, options.secretKey);
  const summary: ChaosSummary = {
    operationsAttempted: 0,
    retries: 0,
    operationsFailed: 0,
    faultsInjected: {},
    webhookDeliveriesReceived: null,
    listenerRestarts: 0,
    missedEventsApplied: 0,
    compared: { customer: 0, payment_intent: 0, charge: 0, refund: 0 },
    differences: [],
    durationMs: 0,
  };
  const done: DoneOperation[] = [];
  const intended: IntendedPayment[] = [];

  const restart = options.restartListener;
  const listenerPort = await freePort();
  const listener = restart ? null : await startWebhookListener(db, stripe);
  const endpoint = await stripe.webhookEndpoints.create({ url: listener?.url ?? `http://127.0.0.1:${listenerPort}/api/webhooks/stripe`, enabled_events: ['*'] });
  listener?.useSecret(endpoint.secret ?? '');
  const child = restart
    ? listenerChild({
        CHAOS_DATABASE_URL: restart.databaseUrl,
        CHAOS_SECRET_KEY: options.secretKey,
        CHAOS_API_BASE: options.sandboxBase,
        CHAOS_WEBHOOK_SECRET: endpoint.secret ?? '',
        CHAOS_PORT: String(listenerPort),
      })
    : null;
  await child?.start();
  await controls.call('POST', '/_sandbox/webhooks/config', { retry_base_ms: 150, max_attempts: 6, timeout_ms: 5000 });

  /**
   * One form submission: sometimes double-clicked (two calls at once), retried with the same nonce after
   * any error, as the browser or the user would.
   */
  async function submit<T>(action: string, run: (nonce: string) => Promise<T>): Promise<T> {
    const nonce = randomUUID();
    summary.operationsAttempted += 1;
    for (let attempt = 1; ; attempt += 1) {
      if (attempt > 1) summary.retries += 1;
      try {
        const doubleClick = attempt === 1 && Math.random() < 0.2;
        if (!doubleClick) {
          const result = await run(nonce);
          done.push({ action, nonce });
          return result;
        }
        summary.retries += 1;
        const settled = await Promise.allSettled([run(nonce), run(nonce)]);
        const fulfilled = settled.find((outcome) => outcome.status === 'fulfilled');
        if (!fulfilled) throw (settled[0] as PromiseRejectedResult).reason;
        done.push({ action, nonce });
        return fulfilled.value;
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS) {
          summary.operationsFailed += 1;
          summary.differences.push(`${action} failed ${MAX_ATTEMPTS} times: ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
        await sleep(50 * attempt);
      }
    }
  }

  /** A setup call that is not a dashboard action (attaching a test card), retried the same way. */
  async function setup<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await run();
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS) throw error;
        await sleep(50 * attempt);
      }
    }
  }

  async function paymentStory(index: number): Promise<void> {
    const story = STORIES[index % STORIES.length];
    const deps = { stripe, db };
    const customer = await submit('create-customer', (nonce) =>
      createCustomer({ email: `buyer${index}@chaos.test`, name: `Chaos buyer ${index}`, metadata: { chaos: String(index) }, idempotencyNonce: nonce, actor }, deps),
    );
    const card = await setup(() => stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id }));
    const amount = 5000 + index;
    const manual = story !== 'refund_twice';
    const created = await submit('create-payment-intent', (nonce) =>
      createPaymentIntent(
        { amount, currency: 'usd', customerId: customer.id, metadata: { chaos: String(index) }, captureMethod: manual ? 'manual' : 'automatic', confirmationMode: 'server', idempotencyNonce: nonce, actor },
        deps,
      ),
    );
    const paymentIntentId = created.id;
    await submit('confirm-payment-intent', (nonce) => confirmPaymentIntent({ paymentIntentId, paymentMethodId: card.id, idempotencyNonce: nonce, actor }, deps));
    const refund = (major: string) => submit('create-refund', (nonce) => createRefund({ paymentIntentId, amount: major, reason: 'requested_by_customer', idempotencyNonce: nonce, actor }, deps));
    const capture = (major?: string) => submit('capture-payment-intent', (nonce) => capturePaymentIntent({ paymentIntentId, amount: major, idempotencyNonce: nonce, actor }, deps));
    switch (story) {
      case 'refund_twice':
        await refund('10.00');
        await refund('5.00');
        intended.push({ paymentIntentId, status: 'succeeded', amountReceived: amount, refunds: [1000, 500] });
        break;
      case 'capture_then_refund':
        await capture();
        await refund('20.00');
        intended.push({ paymentIntentId, status: 'succeeded', amountReceived: amount, refunds: [2000] });
        break;
      case 'capture_part':
        await capture('30.00');
        intended.push({ paymentIntentId, status: 'succeeded', amountReceived: 3000, refunds: [] });
        break;
      case 'cancel':
        await submit('cancel-payment-intent', (nonce) => cancelPaymentIntent({ paymentIntentId, reason: 'requested_by_customer', idempotencyNonce: nonce, actor }, deps));
        intended.push({ paymentIntentId, status: 'canceled', amountReceived: 0, refunds: [] });
        break;
    }
  }

  // Faults: a new one every ~60 ms while the workload runs, but never more than a few waiting, or the last
  // few requests of the run would meet the whole backlog at once.
  let workloadRunning = true;
  let next = 0;
  // It stops once the last stories have started: a lone last story would otherwise meet every fault alone.
  const injector = (async () => {
    while (workloadRunning && next < options.payments) {
      const state = await controls.call('GET', '/_sandbox/faults').catch(() => ({ armed: [] }));
      if ((state.armed as unknown[]).length < MAX_ARMED_FAULTS) {
        const fault = CHAOS_FAULTS[Math.floor(Math.random() * CHAOS_FAULTS.length)];
        await controls.call('POST', '/_sandbox/faults', fault).catch(() => {});
      }
      await sleep(60);
    }
  })();

  const killer = (async () => {
    if (!child || !restart) return;
    while (workloadRunning) {
      await sleep(restart.everyMs);
      if (!workloadRunning) break;
      await child.kill();
      await sleep(300);
      await child.start();
      summary.listenerRestarts += 1;
    }
  })();

  const worker = async () => {
    while (next < options.payments) {
      const index = next++;
      await paymentStory(index).catch((error: unknown) => log(`payment story ${index} stopped: ${error instanceof Error ? error.message : String(error)}`));
      if (index % 10 === 9) log(`${index + 1}/${options.payments} payment stories`);
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
  workloadRunning = false;
  await injector;
  await killer;

  const faults = await controls.call('GET', '/_sandbox/faults');
  summary.faultsInjected = faults.injected as Record<string, number>;
  await controls.call('DELETE', '/_sandbox/faults');

  log('waiting for pending webhook deliveries');
  await waitForDeliveries(controls, endpoint.id);
  summary.webhookDeliveriesReceived = listener?.received() ?? null;

  const missed = await ingestMissedEvents({ days: 1 }, { stripe, db });
  summary.missedEventsApplied = missed.missed.length;
  for (const event of missed.missed.filter((entry) => entry.result === 'failed')) summary.differences.push(`missed event ${event.id} (${event.type}) could not be applied`);
  const left = await findMissedEvents({ days: 1 }, { stripe, db });
  for (const event of left.missed) summary.differences.push(`event ${event.id} (${event.type}) still missing after the missed-event check`);

  const comparison = await compareProjection({ stripe, db });
  summary.compared = comparison.compared;
  summary.differences.push(...comparison.differences);
  summary.differences.push(...(await checkMoneyMoves(stripe, intended)));
  summary.differences.push(...(await checkAuditEntries(db, actor, done)));

  await stripe.webhookEndpoints.del(endpoint.id).catch(() => {});
  await listener?.close();
  await child?.kill();
  summary.durationMs = Date.now() - started;
  return summary;
}

/** Until no delivery to the endpoint is pending (a reorder's held ones were released by the disarm). */
async function waitForDeliveries(controls: ReturnType<typeof sandboxControls>, endpointId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const deliveries = await controls.call('GET', '/_sandbox/webhook_deliveries', { webhook_endpoint: endpointId });
    const pending = (deliveries.data as { status: string }[]).filter((delivery) => delivery.status === 'pending');
    if (pending.length === 0) return;
    await sleep(250);
  }
}

/** Each payment ended as asked: captured once for the asked amount, each asked refund exactly once, no other. */
async function checkMoneyMoves(stripe: Stripe, intended: IntendedPayment[]): Promise<string[]> {
  const differences: string[] = [];
  for (const payment of intended) {
    const intent = await stripe.paymentIntents.retrieve(payment.paymentIntentId);
    if (intent.status !== payment.status) differences.push(`${intent.id}: status ${intent.status}, asked ${payment.status}`);
    if (intent.amount_received !== payment.amountReceived) differences.push(`${intent.id}: received ${intent.amount_received}, asked ${payment.amountReceived}`);
    const charges = await stripe.charges.list({ payment_intent: intent.id, limit: 100 });
    const captured = charges.data.filter((charge) => charge.captured);
    if (payment.status === 'succeeded' && captured.length !== 1) differences.push(`${intent.id}: ${captured.length} captured charges, asked 1`);
    const refunds = await stripe.refunds.list({ payment_intent: intent.id, limit: 100 });
    const refunded = refunds.data.map((refund) => refund.amount).sort((a, b) => a - b);
    const asked = [...payment.refunds].sort((a, b) => a - b);
    if (JSON.stringify(refunded) !== JSON.stringify(asked)) differences.push(`${intent.id}: refunds ${JSON.stringify(refunded)}, asked ${JSON.stringify(asked)}`);
  }
  return differences;
}

/**
 * Every completed submission has exactly one audit entry under its idempotency key (a refund's key also carries the
 * amount asked for, after the form's nonce).
 */
async function checkAuditEntries(db: Db, actor: SessionUser, done: DoneOperation[]): Promise<string[]> {
  const differences: string[] = [];
  for (const operation of done) {
    const idempotencyKey = submissionIdempotencyKey({ action: operation.action, actor, nonce: operation.nonce });
    const entries = await db.auditEntry.count({
      where: { action: operation.action, OR: [{ idempotencyKey }, { idempotencyKey: { startsWith: `${idempotencyKey}:` } }] },
    });
    if (entries !== 1) differences.push(`${operation.action} ${operation.nonce}: ${entries} audit entries, expected 1`);
  }
  return differences;
}

/** A fresh sandbox account for one run, so its faults and objects meet no one else's. */
export const chaosSecretKey = (): string => `sk_test_chaos_${randomBytes(8).toString('hex')}`;

export function formatChaosSummary(summary: ChaosSummary): string {
  const faults = Object.entries(summary.faultsInjected)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const compared = Object.entries(summary.compared)
    .map(([type, count]) => `${count} ${type}`)
    .join(', ');
  return [
    `operations attempted: ${summary.operationsAttempted} (failed after retries: ${summary.operationsFailed})`,
    `retries (double-clicks and resubmissions, same nonce): ${summary.retries}`,
    `faults injected: ${faults || 'none'}`,
    `webhook deliveries received: ${summary.webhookDeliveriesReceived ?? 'in the child listener'}; listener killed and restarted: ${summary.listenerRestarts} times; missed events applied by the check: ${summary.missedEventsApplied}`,
    `compared object by object: ${compared}`,
    `differences: ${summary.differences.length}`,
    ...summary.differences.slice(0, 50).map((difference) => `  - ${difference}`),
    `took ${(summary.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
