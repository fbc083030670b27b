import { describe, expect, it } from 'vitest';
import { describeTimeLeft, dueUrgency } from './due-urgency';

const HOUR = 3_600;
const now = 1_900_000_000;

describe('dueUrgency', () => {
  it.each([
    ['an hour past the due date', now - HOUR, 'overdue'],
    ['exactly 48 hours left', now + 48 * HOUR, 'within_48_hours'],
    ['48 hours and a second left', now + 48 * HOUR + 1, 'within_5_days'],
    ['exactly 5 days left', now + 120 * HOUR, 'within_5_days'],
    ['a week left', now + 168 * HOUR, 'later'],
  ])('calls a dispute waiting for a response with %s %s', (_label, dueBy, urgency) => {
    expect(dueUrgency('needs_response', dueBy, now)).toBe(urgency);
    expect(dueUrgency('warning_needs_response', dueBy, now)).toBe(urgency);
  });

  it('never calls a submitted or closed dispute urgent, nor one without a due date', () => {
    for (const status of ['under_review', 'warning_under_review', 'won', 'lost', 'warning_closed']) expect(dueUrgency(status, now - HOUR, now)).toBe('none');
    expect(dueUrgency('needs_response', null, now)).toBe('none');
  });
});

describe('describeTimeLeft', () => {
  it('says days and hours left, hours alone under a day, minutes under an hour, and how overdue', () => {
    expect(describeTimeLeft(now + 3 * 24 * HOUR + 4 * HOUR + 59, now)).toBe('3 days 4 hours left');
    expect(describeTimeLeft(now + 24 * HOUR, now)).toBe('1 day left');
    expect(describeTimeLeft(now + 5 * HOUR, now)).toBe('5 hours left');
    expect(describeTimeLeft(now + 90, now)).toBe('1 minute left');
    expect(describeTimeLeft(now - 2 * 24 * HOUR, now)).toBe('overdue by 2 days');
  });
});
