// A user's saved Payments filters: list, save (a name reused replaces its filter), delete. Each user sees only their own.
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parsePaymentListSearch, toPaymentListQuery } from './list-payments-filter';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/plain-text';

export type SavedViewDb = Pick<Db, 'paymentSavedView'>;

export interface SavedView {
  id: string;
  name: string;
  /** the list's search string, e.g. "status=succeeded&currency=usd" */
  query: string;
}

const MAX_VIEWS_PER_USER = 50;

/** A saved filter must read back as the same valid filter, so a view never opens on an error. */
const viewQuerySchema = z
  .string()
  .max(2000, 'This filter is too long to save.')
  .transform((query, context) => {
    const parsed = parsePaymentListSearch(new URLSearchParams(query));
    if (Object.keys(parsed.fieldErrors).length > 0) {
      context.addIssue({ code: 'custom', message: 'Fix the filter before saving it.' });
      return z.NEVER;
    }
    return toPaymentListQuery(parsed.params);
  });

export const saveViewSchema = z.object({
  name: z.string().trim().min(1, 'Name this view.').max(60, 'At most 60 characters.').refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE),
  query: viewQuerySchema,
});

export const deleteViewSchema = z.object({ viewId: z.string().min(1, 'That view no longer exists.').max(64, 'That view no longer exists.') });

export async function listSavedViews(options: { userId: string }, db: SavedViewDb): Promise<SavedView[]> {
  return db.paymentSavedView.findMany({
    where: { userId: options.userId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, query: true },
    take: MAX_VIEWS_PER_USER,
  });
}

export async function savePaymentView(options: { userId: string } & z.infer<typeof saveViewSchema>, db: SavedViewDb): Promise<SavedView> {
  return db.paymentSavedView.upsert({
    where: { userId_name: { userId: options.userId, name: options.name } },
    create: { userId: options.userId, name: options.name, query: options.query },
    update: { query: options.query },
    select: { id: true, name: true, query: true },
  });
}

/** True when the user had a view with this id; another user's id deletes nothing. */
export async function deletePaymentView(options: { userId: string; viewId: string }, db: SavedViewDb): Promise<boolean> {
  const { count } = await db.paymentSavedView.deleteMany({ where: { id: options.viewId, userId: options.userId } });
  return count === 1;
}
