import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query';

describe('parseSearchQuery', () => {
  it('reads exact, substring, metadata and numeric clauses joined by AND', () => {
    expect(parseSearchQuery(`email:'a@b.com' AND name~"Ja" AND metadata['tier']:'gold' AND created>=100`)).toEqual({
      join: 'AND',
      clauses: [
        { field: 'email', comparator: ':', value: 'a@b.com', negated: false },
        { field: 'name', comparator: '~', value: 'Ja', negated: false },
        { field: 'metadata', metadataKey: 'tier', comparator: ':', value: 'gold', negated: false },
        { field: 'created', comparator: '>=', value: 100, negated: false },
      ],
    });
  });

  it('reads negation and OR', () => {
    expect(parseSearchQuery(`-status:'canceled' OR amount<500`)).toMatchObject({
      join: 'OR',
      clauses: [{ field: 'status', negated: true }, { field: 'amount', comparator: '<', value: 500 }],
    });
  });

  it('refuses a query that mixes AND and OR', () => {
    expect(() => parseSearchQuery(`a:'1' AND b:'2' OR c:'3'`)).toThrow(/cannot combine AND and OR/);
  });

  it('refuses text it cannot parse', () => {
    expect(() => parseSearchQuery(`email = 'x'`)).toThrow(/Invalid query/);
  });
});
