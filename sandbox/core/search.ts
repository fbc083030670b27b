// Generic `/v1/<resource>/search`: evaluates a parsed query over a resource's declared search fields.
import type Stripe from 'stripe';
import { invalidRequest } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { readLimit } from './list';
import { readString } from './read-params';
import { parseSearchQuery, type SearchClause } from './search-query';

/** How each search field reads its value from an object. */
export type SearchFields<T> = Record<string, (item: T) => string | number | boolean | null | undefined>;

export interface SearchOptions<T> {
  /** Stripe's resource name in its errors, e.g. `customers`. */
  resource: string;
  fields: SearchFields<T>;
  /** Enables `metadata['key']:'value'` clauses. */
  metadata?: (item: T) => Stripe.Metadata;
}

function matches<T>(item: T, clause: SearchClause, options: SearchOptions<T>): boolean {
  let actual: string | number | boolean | null | undefined;
  if (clause.field === 'metadata') {
    if (!options.metadata || clause.metadataKey === undefined) throw unsupported(clause.field, options.resource);
    actual = options.metadata(item)[clause.metadataKey];
  } else {
    const read = options.fields[clause.field];
    if (!read) throw unsupported(clause.field, options.resource);
    actual = read(item);
  }
  const result = compare(actual ?? null, clause);
  return clause.negated ? !result : result;
}

function compare(actual: string | number | boolean | null, clause: SearchClause): boolean {
  const expected = clause.value;
  switch (clause.comparator) {
    case ':':
      if (expected === null) return actual === null || actual === '';
      return actual !== null && String(actual).toLowerCase() === String(expected).toLowerCase();
    case '~':
      return actual !== null && String(actual).toLowerCase().includes(String(expected).toLowerCase());
    default: {
      if (typeof actual !== 'number' || typeof expected !== 'number') return false;
      if (clause.comparator === '>') return actual > expected;
      if (clause.comparator === '<') return actual < expected;
      if (clause.comparator === '>=') return actual >= expected;
      return actual <= expected;
    }
  }
}

const unsupported = (field: string, resource: string) =>
  invalidRequest(
    `Field \`${field}\` is an unsupported search field for resource \`${resource}\`. See https://stripe.com/docs/search#query-fields-for-${resource.replace(/_/g, '-')} for a list of supported fields.`,
    { param: 'query' },
  );

/** The `page` cursor is opaque to clients; here it is the offset into the result set. */
const encodePage = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
function decodePage(page: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(page, 'base64url').toString());
  if (!match) throw invalidRequest(`Invalid page: ${page}`, { param: 'page' });
  return Number(match[1]);
}

export function search<T>(context: RequestContext, newestFirst: T[], options: SearchOptions<T>): Stripe.ApiSearchResult<T> {
  const query = readString(context.params, 'query') ?? '';
  const parsed = parseSearchQuery(query);
  // Fields are checked before any object is read, so an empty account still reports a bad field.
  for (const clause of parsed.clauses) {
    const known = clause.field === 'metadata' ? options.metadata !== undefined : clause.field in options.fields;
    if (!known) throw unsupported(clause.field, options.resource);
  }
  const limit = readLimit(context.params);
  const page = readString(context.params, 'page');
  const offset = page ? decodePage(page) : 0;
  const test = (item: T) =>
    parsed.join === 'AND'
      ? parsed.clauses.every((clause) => matches(item, clause, options))
      : parsed.clauses.some((clause) => matches(item, clause, options));
  const hits = newestFirst.filter(test);
  const data = hits.slice(offset, offset + limit);
  const hasMore = hits.length > offset + limit;
  return {
    object: 'search_result',
    data,
    has_more: hasMore,
    next_page: hasMore ? encodePage(offset + limit) : null,
    url: context.path,
  };
}
