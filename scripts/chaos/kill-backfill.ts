// Kills the backfill mid-run: starts it in a child process (on an empty database, or on the live one while the workload
// and its webhooks write), SIGKILLs it once it has written some pages, starts it again and lets it finish (it resumes
// from its stored cursors).
import { spawn, type ChildProcess } from 'node:child_process';
import type { Db } from '@/lib/db/client';
import { SYNC_OBJECT_TYPES } from '@/lib/sync/sync-object-types';
import type { SandboxControls } from './sandbox-controls';

export interface BackfillKillResult {
  /** pages written before the kill, and object types left unfinished (or not begun) by it */
  pagesBeforeKill: number;
  unfinishedAfterKill: number;
  objectsImported: number;
  /** resumed runs that ended in an error (e.g. SQLite's SQLITE_BUSY while other processes write) and were run again */
  failedRuns: string[];
}

const MAX_RUNS = 6;

function startBackfill(env: Record<string, string>): { child: ChildProcess; lines: string[]; errors: string[]; exited: Promise<number | null> } {
  // node itself with tsx's loader, not the tsx wrapper: the SIGKILL must reach the process that writes.
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/chaos/backfill-process.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const errors: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, errors, exited };
}

export async function killBackfillMidway(
  options: {
    databaseUrl: string;
    db: Db;
    secretKey: string;
    sandboxBase: string;
    killAfterPages: number;
    /** arms a few API faults before the second run (when no other fault injection is going on) */
    controls?: SandboxControls;
  },
): Promise<BackfillKillResult> {
  const env = { CHAOS_DATABASE_URL: options.databaseUrl, CHAOS_SECRET_KEY: options.secretKey, CHAOS_API_BASE: options.sandboxBase };
  const first = startBackfill(env);
  const pages = () => first.lines.filter((line) => line.startsWith('page ')).length;
  while (pages() < options.killAfterPages && first.child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
  if (first.child.exitCode !== null) throw new Error(`the backfill ended (${first.child.exitCode}) before it could be killed`);
  first.child.kill('SIGKILL');
  await first.exited;
  const pagesBeforeKill = pages();
  // A type's state row is made when its import starts, so a type not begun yet has none.
  const unfinishedAfterKill = SYNC_OBJECT_TYPES.length - (await options.db.syncState.count({ where: { status: 'done' } }));

  // The second run meets faults too: a 500 and 429s (the SDK retries the first, the backfill backs off on the others).
  const faults: Record<string, string>[] = [{ kind: 'rate_limit' }, { kind: 'api_error', path_prefix: '/v1/' }, { kind: 'rate_limit', mode: 'lock_timeout' }];
  for (const fault of options.controls ? faults : []) await options.controls?.call('POST', '/_sandbox/faults', fault);
  // Resumed until it finishes, as an operator runs `npm run sync` again after an error.
  const failedRuns: string[] = [];
  for (;;) {
    const resumed = startBackfill(env);
    const code = await resumed.exited;
    const finished = resumed.lines.find((line) => line.startsWith('finished '));
    if (code === 0 && finished) return { pagesBeforeKill, unfinishedAfterKill, objectsImported: Number(finished.split(' ')[1]), failedRuns };
    const output = resumed.errors.join('');
    const prismaError = /code: '(\w+)'[\s\S]*?modelName: '(\w+)'/.exec(output) ?? /code: '(\w+)'/.exec(output);
    const reason = prismaError ? prismaError.slice(1).join(' on ') : (output.split('\n').find((line) => line.trim()) ?? `exit ${code}`);
    failedRuns.push(reason);
    if (failedRuns.length >= MAX_RUNS) throw new Error(`the resumed backfill failed ${failedRuns.length} times: ${failedRuns.join(', ')}`);
  }
}
