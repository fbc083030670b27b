// Builds the browser stand-in (browser/index.ts) into one script with esbuild, once per process.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./browser/index.ts', import.meta.url));

let cached: Promise<string> | undefined;

/** The served JavaScript; the first call builds it (~50 ms), later calls share that result. */
export function stripeJsBundle(): Promise<string> {
  cached ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the Stripe.js stand-in');
    return `/* Paydesk Stripe sandbox: a local stand-in for Stripe.js (see sandbox/README.md). */\n${file.text}`;
  });
  // A failed build is retried on the next request rather than cached.
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
