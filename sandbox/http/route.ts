// What a resource module hands the server: one RouteDefinition per Stripe operation it serves.
import type { Account } from '../store/account';
import type { ParamObject } from '../params/validate-params';
import type { UploadedFile } from './request-body';

export interface RequestContext {
  account: Account;
  /** `req_…`, also sent as the `Request-Id` header and recorded in events' `request.id`. */
  requestId: string;
  idempotencyKey: string | null;
  method: string;
  /** The request path without the query string, e.g. `/v1/customers/cus_123`. */
  path: string;
  /** Validated, coerced parameters (query for GET/DELETE, body for POST). */
  params: ParamObject;
  /** Values of `{name}` segments of the operation's path. */
  pathParams: Record<string, string>;
  /** Files sent as multipart parts (`POST /v1/files`), by field name; their parameter holds the content's SHA-256. */
  uploads?: Record<string, UploadedFile>;
}

/** A JSON-serialisable API response: a Stripe object, list, search result or deleted stub. */
export type ApiResponse = { object: string };

export interface RouteDefinition {
  /** The operation exactly as in served-endpoints.ts, e.g. `GET /v1/customers/{customer}`. */
  operation: string;
  handle(context: RequestContext): ApiResponse | Promise<ApiResponse>;
}
