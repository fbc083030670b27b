// A throw-away web server for the Stripe.js tests: serves the checkout test app (bundled from
// checkout-app.tsx with esbuild) on a page that loads the sandbox's Stripe.js, and records every
// request it receives so tests can prove card numbers never reach the merchant's server.
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { CheckoutConfig } from './checkout-app';

export interface TestPageServer {
  url: string;
  /** Method, URL and body of every request the page sent to this server. */
  requests: string[];
  pageUrl(config: CheckoutConfig): string;
  close(): Promise<void>;
}

async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./checkout-app.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const page = (sandboxUrl: string, config: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Checkout test</title>
<script src="${sandboxUrl}/v3/stripe.js"></script></head>
<body><main id="root"></main>
<script>window.checkoutConfig = ${config};</script>
<script src="/app.js"></script></body></html>`;

export async function startTestPageServer(sandboxUrl: string): Promise<TestPageServer> {
  const app = await bundleApp();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push(`${request.method} ${request.url} ${Buffer.concat(chunks).toString()}`);
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/app.js') {
        response.writeHead(200, { 'Content-Type': 'application/javascript' }).end(app);
      } else if (url.pathname === '/checkout') {
        // JSON inside a script: escape `<` so a value can never close the tag.
        const config = (url.searchParams.get('config') ?? '{}').replace(/</g, '\\u003c');
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(sandboxUrl, config));
      } else if (url.pathname === '/returned') {
        // Where Stripe.js (or the 3-D Secure page) sends the customer back with the intent's outcome.
        const outcome = `${url.searchParams.get('payment_intent')} ${url.searchParams.get('redirect_status')}`;
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Returned</title><p role="status">Returned: ${outcome.replace(/[^\w ]/g, '')}</p>`);
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    pageUrl: (config) => `${url}/checkout?config=${encodeURIComponent(JSON.stringify(config))}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
