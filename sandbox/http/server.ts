// The HTTP front door: auth, parameter checking, idempotency, expansion and Stripe-shaped responses.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { applyExpand } from '../core/expand';
import { API_VERSION } from '../core/events';
import type { ObjectSchema } from '../params/param-schema';
import { validateParams } from '../params/validate-params';
import { newRequestId } from '../store/ids';
import type { SandboxStore } from '../store/sandbox-store';
import type { ArmedFault, FaultRegistry } from '../faults/fault-registry';
import { injectBeforeExecution, loseResponse } from '../faults/inject-api-fault';
import { CORS_HEADERS, serveBrowserRoute } from '../stripe-js/serve';
import { serveThreeDSecurePage } from '../hosted/three-d-secure-page';
import { serveConnectOnboardingPage } from '../hosted/connect-onboarding-page';
import { CONNECT_CONTROLS } from '../resources/connect-controls';
import { actingAccount, bindConnectStore } from '../resources/connect-store';
import { serveFileDownload } from '../hosted/file-downloads';
import { readApiKey } from './auth';
import { decodeForm } from './form-decode';
import { decodeRequestBody, readRequestBody } from './request-body';
import type { FormObject } from './form-value';
import { beginIdempotent, finishIdempotent, releaseIdempotent } from './idempotency';
import { assertPublishableAllowed, publishableErrorView, publishableView } from './publishable-key';
import type { RequestContext, RouteDefinition } from './route';
import { compileRoutes, matchRoute, type CompiledRoute } from './router';
import { CONTROLS, findControl, type ControlTable } from './sandbox-controls';
import { invalidRequest, StripeApiError, unrecognizedUrl } from './stripe-error';

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
  /** More `/_sandbox/…` controls (webhooks, faults) besides the built-in ones. */
  controls?: ControlTable[];
  /** Armed API faults, consulted once the request's account is known. */
  faults?: FaultRegistry;
}

export function createSandboxServer({ store, routes, paramTable, controls = [], faults }: SandboxServerOptions): Server {
  const compiled: CompiledRoute[] = compileRoutes(routes, paramTable);
  bindConnectStore(store);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const headers: Record<string, string> = { 'Request-Id': requestId, ...CORS_HEADERS };
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    const query = queryStart < 0 ? '' : url.slice(queryStart + 1);
    let idempotency: { account: RequestContext['account']; key: string } | undefined;
    // A `lost_response` fault: the request runs, then the client gets a 500 or a dropped socket instead.
    let lost: ArmedFault | undefined;
    let isPublishable = false;
    const reply = (status: number, body: string, extra: Record<string, string> = {}) => {
      if (loseResponse(lost, response, requestId, (lostStatus, lostBody) => send(response, lostStatus, lostBody, headers))) return;
      send(response, status, body, { ...headers, ...extra });
    };
    try {
      if (await serveBrowserRoute(request, response, path)) return;
      if (await serveThreeDSecurePage(store, request, response, path, query)) return;
      if (await serveConnectOnboardingPage(store, request, response, path)) return;
      if (serveFileDownload(store, request, response, path)) return;
      const requestBody = decodeRequestBody(request.headers['content-type'], method === 'GET' ? Buffer.alloc(0) : await readRequestBody(request));
      const decoded: FormObject = { ...decodeForm(query), ...requestBody.form };

      const control = findControl([CONTROLS, CONNECT_CONTROLS, ...controls], method, path);
      if (control) {
        const result = control.handler({ store, request, body: decoded, pathParams: control.pathParams });
        send(response, result.status, JSON.stringify(result.body), headers);
        return;
      }

      const apiKey = readApiKey(request.headers.authorization, decoded.key);
      isPublishable = apiKey.isPublishable;
      // Stripe.js sends its key as a parameter; it is not one of the endpoint's parameters.
      if (!request.headers.authorization) delete decoded.key;
      // `Stripe-Account`: a platform acting as one of its connected accounts.
      const account = actingAccount(store.account(apiKey.accountKey), request.headers['stripe-account']);
      const fault = faults?.takeApiFault(apiKey.accountKey, method, path);
      if (fault) {
        // Before any idempotency reservation: a request that never ran leaves its key free.
        const injected = injectBeforeExecution(fault, response, headers);
        if (injected === 'taken') return;
        if (injected) throw injected;
        lost = fault;
      }
      const match = matchRoute(compiled, method, path);
      if (!match) throw unrecognizedUrl(method, path);
      if (apiKey.isPublishable) {
        assertPublishableAllowed({
          operation: match.compiled.route.operation,
          pathParams: match.pathParams,
          params: decoded,
          storedClientSecret: (type, id) => account.get(type, id)?.client_secret,
        });
      }
      const params = validateParams(match.compiled.schema, decoded);

      const idempotencyKey = method === 'POST' ? (request.headers['idempotency-key'] as string | undefined) ?? null : null;
      if (idempotencyKey && idempotencyKey.length > 255) {
        throw invalidRequest('Idempotency-Key must be at most 255 characters long.');
      }
      if (idempotencyKey) {
        headers['Idempotency-Key'] = idempotencyKey;
        const decision = beginIdempotent(account, idempotencyKey, path, decoded);
        if (decision.kind === 'replay') {
          reply(decision.status, decision.body, { 'Idempotent-Replayed': 'true' });
          return;
        }
        idempotency = { account, key: idempotencyKey };
      }
      if (account.latencyMs > 0) await sleep(account.latencyMs);

      const context: RequestContext = { account, requestId, idempotencyKey, method, path, params, pathParams: match.pathParams, uploads: requestBody.uploads };
      const result = await match.compiled.route.handle(context);
      const expand = Array.isArray(params.expand) ? params.expand.filter((p): p is string => typeof p === 'string') : [];
      const expanded = expand.length > 0 ? applyExpand(account, result, expand) : result;
      const body = JSON.stringify(apiKey.isPublishable ? publishableView(expanded) : expanded);
      if (idempotency) finishIdempotent(idempotency.account, idempotency.key, 200, body);
      reply(200, body);
    } catch (error) {
      const apiError =
        error instanceof StripeApiError
          ? error
          : new StripeApiError(500, { type: 'api_error', message: 'An unknown error occurred on the sandbox. See its log for details.' });
      if (!(error instanceof StripeApiError)) console.error(`[sandbox] ${requestId} ${method} ${path}`, error);
      const body = JSON.stringify(isPublishable ? publishableErrorView(apiError.toBody(requestId)) : apiError.toBody(requestId));
      // Only failures after execution started are remembered; 401, 429 and validation never reach here
      // with a reservation, and rate limits must stay retryable with the same key.
      if (idempotency) {
        if (apiError.status === 429) releaseIdempotent(idempotency.account, idempotency.key);
        else finishIdempotent(idempotency.account, idempotency.key, apiError.status, body);
      }
      reply(apiError.status, body);
    }
  }

  return createServer((request, response) => {
    void handle(request, response);
  });
}
