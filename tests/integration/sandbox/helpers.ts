// Raw HTTP access to the test sandbox for what the SDK hides (headers, replays, concurrency, 401 bodies).
import { sandboxBase } from '../../support/sandbox';

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function rawRequest(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { key?: string; form?: string; headers?: Record<string, string>; base?: string } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  if (options.form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(`${options.base ?? sandboxBase()}${path}`, { method, headers, body: options.form });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
