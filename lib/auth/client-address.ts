// The client's IP address for per-address limits, from the headers the server in front of the app sets.
import 'server-only';

/**
 * `next start` fills X-Forwarded-For from the socket only when the request has none, so a client can put its own
 * value there and escape the per-address limit (never the per-account one). In production run behind a proxy that
 * appends the address it saw: the last entry is then the one to trust, which is the one taken here.
 */
export function clientAddressOf(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? headers.get('x-real-ip') ?? null;
}
