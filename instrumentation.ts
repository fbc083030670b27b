// Next's start-up hook: runs once per server process (`next start` and `next dev`) before the first request.
// Webhook registration lives here rather than in a lazy first-request init because, with a lazy init,
// events made before anyone opened a page (or before the first webhook) would go to no endpoint at all.

export async function register(): Promise<void> {
  // Edge has no database driver; `next build` loads this file too but must not talk to a sandbox.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { registerSandboxWebhookAtStartup } = await import('./lib/webhooks/register-sandbox-webhook-at-startup');
  // Awaited so the endpoint exists before the server takes requests; it gives up (and leaves the retry to the
  // first delivery) if the sandbox is down for the whole back-off.
  await registerSandboxWebhookAtStartup();
}
