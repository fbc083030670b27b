// GET /payments/export?<the list's filter>: every matching payment as a CSV download, streamed in keyset batches.
import { can } from '@/lib/auth/permissions';
import { currentUser } from '@/lib/auth/require-role';
import { db } from '@/lib/db/client';
import { exportFileName, exportPaymentsCsv } from '@/lib/payments/export-payments-csv';
import { parsePaymentListSearch } from '@/lib/payments/list-payments-filter';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: 'Sign in to export payments.' }, { status: 401 });
  if (!can(user.role, 'payments:view-merchant')) return Response.json({ error: 'Your role does not allow this.' }, { status: 403 });
  const { filter, fieldErrors } = parsePaymentListSearch(new URL(request.url).searchParams);
  if (Object.keys(fieldErrors).length > 0) return Response.json({ error: 'Check the filter.', fieldErrors }, { status: 400 });

  const chunks = exportPaymentsCsv({ filter }, db);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // Pull-driven: the next batch is read only when the client has taken the previous one.
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error('[payments export] failed mid-stream', { userId: user.id, error });
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName()}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
