// Parses Stripe's search query language subset: `field:'v'`, `field~'v'`, `metadata['k']:'v'`,
// `field>N` (and <, >=, <=), `-field:'v'` negation, `null`, joined by AND or by OR (never both).
import { invalidRequest } from '../http/stripe-error';

export type Comparator = ':' | '~' | '>' | '<' | '>=' | '<=';

export interface SearchClause {
  field: string;
  /** Set for `metadata['key']` clauses. */
  metadataKey?: string;
  comparator: Comparator;
  value: string | number | null;
  negated: boolean;
}

export interface SearchQuery {
  clauses: SearchClause[];
  join: 'AND' | 'OR';
}

const invalidQuery = (query: string, detail: string) =>
  invalidRequest(`Invalid query: ${detail} (query: ${query})`, { param: 'query' });

const CLAUSE =
  /^(-)?([a-z_][a-z0-9_.]*)(?:\[(?:'([^']*)'|"([^"]*)")\])?(>=|<=|:|~|>|<)(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?)|(null))/;

export function parseSearchQuery(query: string): SearchQuery {
  const clauses: SearchClause[] = [];
  const joins = new Set<'AND' | 'OR'>();
  let rest = query.trim();
  if (rest.length === 0) throw invalidQuery(query, 'the query is empty');
  while (rest.length > 0) {
    const match = CLAUSE.exec(rest);
    if (!match) throw invalidQuery(query, `could not parse "${rest.slice(0, 40)}"`);
    const [whole, negation, field, singleKey, doubleKey, comparator, single, double, number, nullWord] = match;
    const metadataKey = singleKey ?? doubleKey;
    if (metadataKey !== undefined && field !== 'metadata') throw invalidQuery(query, `only metadata takes a key, not ${field}`);
    const text = single ?? double;
    clauses.push({
      field: field!,
      ...(metadataKey !== undefined ? { metadataKey } : {}),
      comparator: comparator as Comparator,
      value: nullWord ? null : text !== undefined ? text.replace(/\\(.)/g, '$1') : Number(number),
      negated: negation === '-',
    });
    rest = rest.slice(whole.length).trimStart();
    if (rest.length === 0) break;
    const join = /^(AND|OR)\s+/.exec(rest);
    if (!join) throw invalidQuery(query, `expected AND or OR before "${rest.slice(0, 40)}"`);
    joins.add(join[1] as 'AND' | 'OR');
    rest = rest.slice(join[0].length);
  }
  if (joins.size > 1) throw invalidQuery(query, 'a query cannot combine AND and OR clauses');
  if (clauses.length > 10) throw invalidQuery(query, 'a query can have at most 10 clauses');
  return { clauses, join: joins.has('OR') ? 'OR' : 'AND' };
}
