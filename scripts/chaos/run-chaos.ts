// The chaos run: a mixed workload (payments, refunds, disputes with evidence, quotes and their invoices, credit
// notes, a Connect seller's destination charges) through the app's own domain functions while the sandbox injects
// API and webhook faults, then a backfill killed midway; then proof that nothing was lost, doubled or left different.
import { randomBytes, randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import type { SessionUser } from '@/lib/auth/require-role';
import { createDb, type Db } from '@/lib/db/client';
import { findMissedEvents } from '@/lib/webhooks/find-missed-events';
import { ingestMissedEvents } from '@/lib/webhooks/ingest-missed-events';
import { checkLedger } from './check-ledger';
import { compareProjection, type ComparedType } from './compare-projection';
import { connectStory, onboardSeller } from './connect-story';
import { disputeStory } from './dispute-story';
import { killBackfillMidway, type BackfillKillResult } from './kill-backfill';
import { paymentStory, type PaymentStory } from './payment-story';
import { quoteCancelStory, quotePaidStory } from './quote-story';
import { CHAOS_FAULTS, sandboxControls, type SandboxControls } from './sandbox-controls';
import { emptyLedger, sleep, type StoryContext, type SubmitOptions } from './story-context';
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
  /** stories, of every kind in turn; each is 3–10 operations */
  stories: number;
  parallel: number;
  /**
   * Serve webhooks from a child process killed (SIGKILL) and started again every `everyMs` while the workload runs;
   * needs the database's URL. Otherwise an in-process listener serves them.
   */
  restartListener?: { databaseUrl: string; everyMs: number };
  /** an empty, migrated database for the backfill that is killed midway; no backfill without it */
  backfillDatabaseUrl?: string;
  /**
   * Also backfill into the run's own database while the workload and its webhooks write, killed midway and resumed
   * (needs `restartListener`'s URL; only for a throw-away database, as it leaves sync state behind).
   */
  backfillWhileRunning?: boolean;
  log?: (line: string) => void;
}

export interface ChaosSummary {
  operationsAttempted: number;
  /** form submissions by action */
  operationsByKind: Record<string, number>;
  storiesByKind: Record<string, number>;
  /** calls of an operation beyond its first: double-clicks and retries after an error, same nonce */
  retries: number;
  operationsFailed: number;
  faultsInjected: Record<string, number>;
  /** counted by the in-process listener only */
  webhookDeliveriesReceived: number | null;
  /** the endpoint's deliveries at the end, by status (failed: every attempt met a killed listener or an error) */
  webhookDeliveries: Record<string, number>;
  listenerRestarts: number;
  /** how long the listener was down in all: from the kill until the restarted one listens */
  listenerDownMs: number;
  /** events Stripe made in the run, and those the missed-event check found not applied and applied */
  eventsChecked: number;
  missedEventsApplied: number;
  compared: Partial<Record<ComparedType, number>>;
  backfill: (BackfillKillResult & { compared: Partial<Record<ComparedType, number>> }) | null;
  backfillWhileRunning: BackfillKillResult | null;
  differences: string[];
  durationMs: number;
}

export type StoryKind = PaymentStory | 'dispute' | 'quote_paid' | 'quote_cancel' | 'connect';
export const STORY_KINDS: StoryKind[] = ['refund_twice', 'dispute', 'capture_then_refund', 'quote_paid', 'connect', 'capture_part', 'quote_cancel', 'cancel', 'connect', 'dispute', 'quote_paid'];

interface DoneOperation {
  action: string;
  idempotencyKey: string;
}

const MAX_ATTEMPTS = 8;
const MAX_ARMED_FAULTS = 3;
/** actions that move money: each completed one must have exactly one audit entry, and no entry may be unexplained */
const MONEY_ACTIONS = ['confirm-payment-intent', 'capture-payment-intent', 'create-refund', 'pay-invoice', 'create-credit-note', 'refund-order-charge', 'submit-dispute-evidence', 'accept-quote'];

async function runStory(context: StoryContext, kind: StoryKind, index: number): Promise<void> {
  switch (kind) {
    case 'dispute':
      return disputeStory(context, index);
    case 'quote_paid':
      return quotePaidStory(context, index);
    case 'quote_cancel':
      return quoteCancelStory(context, index);
    case 'connect':
      return connectStory(context, index);
    default:
      return paymentStory(context, index, kind);
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosSummary> {
  const started = Date.now();
  const { stripe, db, actor } = options;
  const log = options.log ?? (() => {});
  const controls = sandboxControls(options.sandboxBase, options.secretKey);
  const summary: ChaosSummary = {
    operationsAttempted: 0,
    operationsByKind: {},
    storiesByKind: {},
    retries: 0,
    operationsFailed: 0,
    faultsInjected: {},
    webhookDeliveriesReceived: null,
    webhookDeliveries: {},
    listenerRestarts: 0,
    listenerDownMs: 0,
    eventsChecked: 0,
    missedEventsApplied: 0,
    compared: {},
    backfill: null,
    backfillWhileRunning: null,
    differences: [],
    durationMs: 0,
  };
  const done: DoneOperation[] = [];
  const ledger = emptyLedger();

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
  // Stripe retries for days; here eight attempts over ~20 s, enough to outlast a restart of the listener (its start
  // takes seconds on a busy machine), so the missed-event check has only the dropped deliveries left to find.
  await controls.call('POST', '/_sandbox/webhooks/config', { retry_base_ms: 150, max_attempts: 8, timeout_ms: 5000 });

  /**
   * One form submission: sometimes double-clicked (two calls at once), retried with the same nonce after
   * any error, as the browser or the user would.
   */
  async function submit<T>(action: string, run: (nonce: string) => Promise<T>, submitOptions: SubmitOptions = {}): Promise<T> {
    const nonce = submitOptions.nonce ?? randomUUID();
    const idempotencyKey = submissionIdempotencyKey({ action, actor, nonce, objectId: submitOptions.objectId });
    summary.operationsAttempted += 1;
    summary.operationsByKind[action] = (summary.operationsByKind[action] ?? 0) + 1;
    for (let attempt = 1; ; attempt += 1) {
      if (attempt > 1) summary.retries += 1;
      try {
        const doubleClick = attempt === 1 && Math.random() < 0.2;
        if (!doubleClick) {
          const result = await run(nonce);
          done.push({ action, idempotencyKey });
          return result;
        }
        summary.retries += 1;
        const settled = await Promise.allSettled([run(nonce), run(nonce)]);
        const fulfilled = settled.find((outcome) => outcome.status === 'fulfilled');
        if (!fulfilled) throw (settled[0] as PromiseRejectedResult).reason;
        done.push({ action, idempotencyKey });
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

  let seller: Promise<string> | undefined;
  const context: StoryContext = {
    stripe,
    db,
    actor,
    ledger,
    submit,
    setup,
    sellerAccount: () =>
      (seller ??= onboardSeller(context, (count) => {
        summary.missedEventsApplied += count;
      })),
  };

  // Faults: a new one every ~60 ms while the workload runs, but never more than a few waiting, or the last
  // few requests of the run would meet the whole backlog at once.
  let workloadRunning = true;
  let next = 0;
  // It stops once the last stories have started: a lone last story would otherwise meet every fault alone.
  const injector = (async () => {
    while (workloadRunning && next < options.stories) {
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
      const killedAt = Date.now();
      await child.kill();
      await sleep(300);
      await child.start();
      summary.listenerRestarts += 1;
      summary.listenerDownMs += Date.now() - killedAt;
    }
  })();

  // A third of the way in, the backfill runs into the live projection too: killed after its first page, resumed.
  const liveBackfill = (async () => {
    if (!options.backfillWhileRunning || !restart) return;
    while (next < options.stories / 3) await sleep(100);
    try {
      summary.backfillWhileRunning = await killBackfillMidway({ databaseUrl: restart.databaseUrl, db, secretKey: options.secretKey, sandboxBase: options.sandboxBase, killAfterPages: 1 });
    } catch (error) {
      summary.differences.push(`backfill while running: ${error instanceof Error ? error.message : String(error)}`);
    }
  })();

  const worker = async () => {
    while (next < options.stories) {
      const index = next++;
      const kind = STORY_KINDS[index % STORY_KINDS.length] ?? 'refund_twice';
      summary.storiesByKind[kind] = (summary.storiesByKind[kind] ?? 0) + 1;
      await runStory(context, kind, index).catch((error: unknown) => {
        summary.differences.push(`${kind} story ${index} stopped: ${error instanceof Error ? error.message : String(error)}`);
        log(`${kind} story ${index} stopped: ${error instanceof Error ? error.message : String(error)}`);
      });
      if (index % 20 === 19) log(`${index + 1}/${options.stories} stories`);
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
  await liveBackfill;
  workloadRunning = false;
  await injector;
  await killer;
  const workloadFaults = await disarmFaults(controls);

  log('waiting for pending webhook deliveries');
  summary.webhookDeliveries = await waitForDeliveries(controls, endpoint.id);
  summary.webhookDeliveriesReceived = listener?.received() ?? null;

  const missed = await ingestMissedEvents({ days: 1 }, { stripe, db });
  summary.eventsChecked = missed.checked;
  summary.missedEventsApplied += missed.missed.length;
  for (const event of missed.missed.filter((entry) => entry.result === 'failed')) summary.differences.push(`missed event ${event.id} (${event.type}) could not be applied`);
  const left = await findMissedEvents({ days: 1 }, { stripe, db });
  for (const event of left.missed) summary.differences.push(`event ${event.id} (${event.type}) still missing after the missed-event check`);

  const comparison = await compareProjection({ stripe, db });
  summary.compared = comparison.compared;
  summary.differences.push(...comparison.differences);
  summary.differences.push(...(await checkLedger(stripe, ledger)));
  summary.differences.push(...(await checkAuditEntries(db, actor, done)));

  await stripe.webhookEndpoints.del(endpoint.id).catch(() => {});
  await listener?.close();
  await child?.kill();

  if (options.backfillDatabaseUrl) {
    log('backfill into an empty database, killed midway and resumed');
    const backfillDb = createDb(options.backfillDatabaseUrl);
    try {
      const result = await killBackfillMidway({ databaseUrl: options.backfillDatabaseUrl, db: backfillDb, secretKey: options.secretKey, sandboxBase: options.sandboxBase, killAfterPages: 2, controls });
      const backfilled = await compareProjection({ stripe, db: backfillDb });
      summary.backfill = { ...result, compared: backfilled.compared };
      summary.differences.push(...backfilled.differences.map((difference) => `backfill: ${difference}`));
      if (result.unfinishedAfterKill === 0) summary.differences.push('backfill: the kill came after every type had finished, so nothing was resumed');
    } catch (error) {
      summary.differences.push(`backfill: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await backfillDb.$disconnect();
    }
  }
  const backfillFaults = await disarmFaults(controls);
  for (const [kind, count] of Object.entries({ ...workloadFaults })) summary.faultsInjected[kind] = count;
  for (const [kind, count] of Object.entries(backfillFaults)) summary.faultsInjected[kind] = (summary.faultsInjected[kind] ?? 0) + count;
  summary.durationMs = Date.now() - started;
  return summary;
}

/** The faults injected so far, by kind; disarms what is left. */
async function disarmFaults(controls: SandboxControls): Promise<Record<string, number>> {
  const faults = await controls.call('GET', '/_sandbox/faults');
  await controls.call('DELETE', '/_sandbox/faults');
  return faults.injected as Record<string, number>;
}

/**
 * Until no delivery to the endpoint is pending (a reorder's held ones were released by the disarm), or 30 s; the
 * deliveries by status then.
 */
async function waitForDeliveries(controls: SandboxControls, endpointId: string): Promise<Record<string, number>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const deliveries = (await controls.call('GET', '/_sandbox/webhook_deliveries', { webhook_endpoint: endpointId })).data as { status: string; attempts: { error?: string | null; status_code?: number | null }[] }[];
    const byStatus: Record<string, number> = {};
    for (const delivery of deliveries) {
      const last = delivery.attempts.at(-1);
      const why = delivery.status === 'failed' ? ` (${last?.status_code ?? last?.error ?? '?'} after ${delivery.attempts.length} attempts)` : '';
      byStatus[`${delivery.status}${why}`] = (byStatus[`${delivery.status}${why}`] ?? 0) + 1;
    }
    if (!deliveries.some((delivery) => delivery.status === 'pending') || Date.now() > deadline) return byStatus;
    await sleep(250);
  }
}

/**
 * Every completed submission has exactly one audit entry under its idempotency key (a refund's key also carries the
 * amount asked for, after the form's nonce); and every audit entry of a money move belongs to a completed submission.
 */
async function checkAuditEntries(db: Db, actor: SessionUser, done: DoneOperation[]): Promise<string[]> {
  const differences: string[] = [];
  for (const operation of done) {
    const entries = await db.auditEntry.count({
      where: { action: operation.action, OR: [{ idempotencyKey: operation.idempotencyKey }, { idempotencyKey: { startsWith: `${operation.idempotencyKey}:` } }] },
    });
    if (entries !== 1) differences.push(`${operation.action} ${operation.idempotencyKey}: ${entries} audit entries, expected 1`);
  }
  const moneyMoves = await db.auditEntry.findMany({ where: { actorId: actor.id, action: { in: MONEY_ACTIONS } }, select: { action: true, idempotencyKey: true } });
  const doneKeys = new Set(done.map((operation) => `${operation.action} ${operation.idempotencyKey}`));
  for (const entry of moneyMoves) {
    const key = entry.idempotencyKey ?? '';
    const isDone = doneKeys.has(`${entry.action} ${key}`) || doneKeys.has(`${entry.action} ${key.slice(0, key.lastIndexOf(':'))}`);
    if (!isDone) differences.push(`${entry.action} ${key}: an audit entry no completed submission explains`);
  }
  return differences;
}

/** A fresh sandbox account for one run, so its faults and objects meet no one else's. */
export const chaosSecretKey = (): string => `sk_test_chaos_${randomBytes(8).toString('hex')}`;

const listOf = (counts: Record<string, number | undefined>) =>
  Object.entries(counts)
    .map(([kind, count]) => `${kind} ${count ?? 0}`)
    .join(', ') || 'none';

const failedRuns = (result: BackfillKillResult) => (result.failedRuns.length ? ` (${result.failedRuns.length} resumed runs failed and were run again: ${result.failedRuns.join(', ')})` : '');

export function formatChaosSummary(summary: ChaosSummary): string {
  const backfill = summary.backfill;
  return [
    `stories: ${listOf(summary.storiesByKind)}`,
    `operations attempted: ${summary.operationsAttempted} (failed after retries: ${summary.operationsFailed})`,
    `operations by kind: ${listOf(summary.operationsByKind)}`,
    `retries (double-clicks and resubmissions, same nonce): ${summary.retries}`,
    `faults injected: ${listOf(summary.faultsInjected)}`,
    `webhook deliveries by status: ${listOf(summary.webhookDeliveries)}${summary.webhookDeliveriesReceived === null ? '' : ` (${summary.webhookDeliveriesReceived} requests received)`}; listener killed and restarted: ${summary.listenerRestarts} times, down ${(summary.listenerDownMs / 1000).toFixed(1)} s in all`,
    `events: ${summary.eventsChecked}; missed (never applied) and applied by the missed-event check: ${summary.missedEventsApplied}`,
    `compared object by object: ${listOf(summary.compared)}`,
    backfill
      ? `backfill into an empty database: killed after ${backfill.pagesBeforeKill} pages (${backfill.unfinishedAfterKill} types unfinished), resumed${failedRuns(backfill)} and finished: ${backfill.objectsImported} objects; compared: ${listOf(backfill.compared)}`
      : 'backfill: not run',
    summary.backfillWhileRunning
      ? `backfill into the live projection while the workload ran: killed after ${summary.backfillWhileRunning.pagesBeforeKill} page(s) (${summary.backfillWhileRunning.unfinishedAfterKill} types unfinished), resumed${failedRuns(summary.backfillWhileRunning)} and finished: ${summary.backfillWhileRunning.objectsImported} objects`
      : null,
    `differences: ${summary.differences.length}`,
    ...summary.differences.slice(0, 50).map((difference) => `  - ${difference}`),
    `took ${(summary.durationMs / 1000).toFixed(1)} s`,
  ]
    .filter((line) => line !== null)
    .join('\n');
}
