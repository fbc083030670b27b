import { describe, expect, it } from 'vitest';
import { describeMissedEvents } from './describe-missed-events';

describe('describeMissedEvents', () => {
  it('says every event was received when nothing was missing', () => {
    expect(describeMissedEvents({ checked: 1, missed: [] }, 30)).toBe('Checked 1 event Stripe made in the last 30 days: every one was received.');
  });

  it('counts the outcomes and names the events it ingested', () => {
    const text = describeMissedEvents(
      {
        checked: 12,
        missed: [
          { id: 'evt_1', type: 'customer.created', created: 1, result: 'applied' },
          { id: 'evt_2', type: 'invoice.paid', created: 2, result: 'ignored' },
        ],
      },
      30,
    );
    expect(text).toBe('Checked 12 events Stripe made in the last 30 days: 2 had not been received and were ingested now (1 applied, 1 ignored): evt_1 (customer.created), evt_2 (invoice.paid).');
  });
});
