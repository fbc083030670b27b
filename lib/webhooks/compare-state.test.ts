import { describe, expect, it } from 'vitest';
import { idOf, isOlderState } from './compare-state';

describe('isOlderState', () => {
  it('lets anything through when nothing is stored yet', () => {
    expect(isOlderState({ eventCreated: 1, rank: [0] }, null)).toBe(false);
  });

  it('refuses an event created in an earlier second, whatever its rank', () => {
    expect(isOlderState({ eventCreated: 99, rank: [9] }, { eventCreated: 100, rank: [0] })).toBe(true);
    expect(isOlderState({ eventCreated: 101, rank: [0] }, { eventCreated: 100, rank: [9] })).toBe(false);
  });

  it('orders events of the same second by rank, left to right, and applies equal ranks', () => {
    expect(isOlderState({ eventCreated: 100, rank: [1, 0] }, { eventCreated: 100, rank: [1, 500] })).toBe(true);
    expect(isOlderState({ eventCreated: 100, rank: [1, 600] }, { eventCreated: 100, rank: [1, 500] })).toBe(false);
    expect(isOlderState({ eventCreated: 100, rank: [2] }, { eventCreated: 100, rank: [2] })).toBe(false);
  });
});

describe('idOf', () => {
  it('reads the id of a bare or expanded field', () => {
    expect(idOf('cus_1')).toBe('cus_1');
    expect(idOf({ id: 'cus_2' })).toBe('cus_2');
    expect(idOf(null)).toBeNull();
  });
});
