// Stripe list pagination: limit, starting_after / ending_before cursors and `created` ranges, newest first.
import type Stripe from 'stripe';
import { invalidRequest, resourceMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import type { ParamObject } from '../params/validate-params';
import { readInteger, readObject, readString } from './read-params';

interface Listable {
  id: string;
  created: number;
}

export function readLimit(params: ParamObject): number {
  const limit = readInteger(params, 'limit') ?? 10;
  if (limit < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'limit' });
  if (limit > 100) throw invalidRequest('This value must be less than or equal to 100.', { param: 'limit' });
  return limit;
}

/** `created=N` or `created[gt|gte|lt|lte]=N`, as a predicate on an object's `created`. */
export function createdFilter(params: ParamObject): (created: number) => boolean {
  const exact = readInteger(params, 'created');
  if (exact !== undefined) return (created) => created === exact;
  const range = readObject(params, 'created');
  if (!range) return () => true;
  const { gt, gte, lt, lte } = range;
  return (created) =>
    (typeof gt !== 'number' || created > gt) &&
    (typeof gte !== 'number' || created >= gte) &&
    (typeof lt !== 'number' || created < lt) &&
    (typeof lte !== 'number' || created <= lte);
}

export interface ListOptions<T> {
  /** Stripe's word for the object in "No such …" errors about cursors, e.g. `customer`. */
  noun: string;
  /** Resource filters (e.g. customers' `email`); `created` and cursors are handled here. */
  filter?: (item: T) => boolean;
}

/** Pages `newestFirst` (already in Stripe's order) according to the request's list parameters. */
export function paginate<T extends Listable>(context: RequestContext, newestFirst: T[], options: ListOptions<T>): Stripe.ApiList<T> {
  const { params } = context;
  const limit = readLimit(params);
  const inRange = createdFilter(params);
  const items = newestFirst.filter((item) => inRange(item.created) && (options.filter?.(item) ?? true));
  // Cursors are positions in the unfiltered order, so a cursor outside the filter still works.
  const position = new Map(newestFirst.map((item, index) => [item.id, index]));
  const cursorIndex = (id: string, param: string): number => {
    const index = position.get(id);
    if (index === undefined) throw resourceMissing(options.noun, id, param);
    return index;
  };
  const startingAfter = readString(params, 'starting_after');
  const endingBefore = readString(params, 'ending_before');
  let data: T[];
  let hasMore: boolean;
  if (endingBefore) {
    const cursor = cursorIndex(endingBefore, 'ending_before');
    const newer = items.filter((item) => position.get(item.id)! < cursor);
    data = newer.slice(Math.max(0, newer.length - limit));
    hasMore = newer.length > limit;
  } else {
    const cursor = startingAfter ? cursorIndex(startingAfter, 'starting_after') : -1;
    const older = cursor < 0 ? items : items.filter((item) => position.get(item.id)! > cursor);
    data = older.slice(0, limit);
    hasMore = older.length > limit;
  }
  return { object: 'list', data, has_more: hasMore, url: context.path };
}
