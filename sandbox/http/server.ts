// The HTTP front door: auth, parameter checking, idempotency, expansion and Stripe-shaped responses.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { applyExpand } from '../core/expand';
import { API_VERSION } from '../core/events';
import type { ObjectSchema } from '../params/param-schema';
import { validateParams } from '../params/validate-params';
import { newRequestId } from '../store/ids';
import type { SandboxStore } from '../store/sandbox-store';
import { readSecretKey } from './auth';
import { decodeForm } from './form-decode';
import type { FormObject } from './form-value';
import { beginIdempotent, finishIdempotent, releaseIdempotent } from './idempotency';
import type { RequestContext, RouteDefinition } from './route';
import { compileRoutes, matchRoute, type CompiledRoute } from './router';
import { CONTROLS } from './sandbox-controls';
import { invalidRequest, StripeApiError, unrecognizedUrl } from './stripe-error';

const MAX_BODY_BYTES = 1 << 20;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new StripeApiError(413, { type: 'invalid_request_error', message: 'Request body too large.' }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'Stripe-Version': API_VERSION,
    ...headers,
  });
  response.end(body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SandboxServerOptions {
  store: SandboxStore;
  routes: RouteDefinition[];
  paramTable: Record<string, ObjectSchema>;
}

export function createSandboxServer({ store, routes, paramTable }: SandboxServerOptions): Server {
  const compiled: CompiledRoute[] = compileRoutes(routes, paramTable);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const headers: Record<string, string> = { 'Request-Id': requestId };
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    const query = queryStart < 0 ? '' : url.slice(queryStart + 1);
    let idempotency: { account: RequestContext['account']; key: string } | undefined;
    try {
      const rawBody = method === 'GET' ? '' : await readBody(request);
      const decoded: FormObject = { ...decodeForm(query), ...decodeForm(rawBody) };

      const control = CONTROLS[`${method} ${path}`];
      if (control) {
        const result = control({ store, request, body: decoded });
        send(response, result.status, JSON.stringify(result.body), headers);
        return;
      }

      const key = readSecretKey(request.headers.authorization);
      const account = store.account(key);
      const match = matchRoute(compiled, method, path);
      if (!match) throw unrecognizedUrl(method, path);
      const params = validateParams(match.compiled.schema, decoded);

      const idempotencyKey = method === 'POST' ? (request.headers['idempotency-key'] as string | undefined) ?? null : null;
      if (idempotencyKey && idempotencyKey.length > 255) {
        throw invalidRequest('Idempotency-Key must be at most 255 characters long.');
      }
      if (idempotencyKey) {
        headers['Idempotency-Key'] = idempotencyKey;
        const decision = beginIdempotent(account, idempotencyKey, path, decoded);
        if (decision.kind === 'replay') {
          send(response, decision.status, decision.body, { ...headers, 'Idempotent-Replayed': 'true' });
          return;
        }
        idempotency = { account, key: idempotencyKey };
      }
      if (account.latencyMs > 0) await sleep(account.latencyMs);

      const context: RequestContext = { account, requestId, idempotencyKey, method, path, params, pathParams: match.pathParams };
      const result = await match.compiled.route.handle(context);
      const expand = Array.isArray(params.expand) ? params.expand.filter((p): p is string => typeof p === 'string') : [];
      const body = JSON.stringify(expand.length > 0 ? applyExpand(account, result, expand) : result);
      if (idempotency) finishIdempotent(idempotency.account, idempotency.key, 200, body);
      send(response, 200, body, headers);
    } catch (error) {
      const apiError =
        error instanceof StripeApiError
          ? error
          : new StripeApiError(500, { type: 'api_error', message: 'An unknown error occurred on the sandbox. See its log for details.' });
      if (!(error instanceof StripeApiError)) console.error(`[sandbox] ${requestId} ${method} ${path}`, error);
      const body = JSON.stringify(apiError.toBody(requestId));
      // Only failures after execution started are remembered; 401, 429 and validation never reach here
      // with a reservation, and rate limits must stay retryable with the same key.
      if (idempotency) {
        if (apiError.status === 429) releaseIdempotent(idempotency.account, idempotency.key);
        else finishIdempotent(idempotency.account, idempotency.key, apiError.status, body);
      }
      send(response, apiError.status, body, headers);
    }
  }

  return createServer((request, response) => {
    void handle(request, response);
  });
}
