// Reads a request body as raw bytes, giving up past a size limit instead of buffering whatever is sent.

/** Stripe's event payloads are far below this; a larger body is not from Stripe. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

/** The body's bytes, or null when it is larger than `limitBytes`. */
export async function readCappedBody(request: Request, limitBytes = WEBHOOK_BODY_LIMIT_BYTES): Promise<Buffer | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) return null;
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
