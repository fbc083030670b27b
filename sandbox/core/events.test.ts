import { describe, expect, it } from 'vitest';
import { previousAttributes } from './events';

describe('previousAttributes', () => {
  it('gives the old value of each changed field and nothing for unchanged ones', () => {
    expect(previousAttributes({ name: 'A', email: 'x' }, { name: 'B', email: 'x' })).toEqual({ name: 'A' });
  });

  it('lists only the changed keys of a nested hash, with null for keys that are new', () => {
    expect(previousAttributes({ metadata: { a: '1', b: '2' } }, { metadata: { a: '9', b: '2', c: '3' } })).toEqual({
      metadata: { a: '1', c: null },
    });
  });
});
