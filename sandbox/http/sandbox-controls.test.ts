import { describe, expect, it } from 'vitest';
import { findControl, type ControlHandler, type ControlTable } from './sandbox-controls';

const handler: ControlHandler = () => ({ status: 200, body: {} });
const other: ControlHandler = () => ({ status: 201, body: {} });

describe('findControl', () => {
  it('matches exact routes first and fills {name} segments from the path', () => {
    const tables: ControlTable[] = [{ 'GET /_sandbox/faults': handler }, { 'POST /_sandbox/events/{event}/resend': other }];
    expect(findControl(tables, 'GET', '/_sandbox/faults')?.handler).toBe(handler);
    expect(findControl(tables, 'POST', '/_sandbox/events/evt_123/resend')).toEqual({ handler: other, pathParams: { event: 'evt_123' } });
  });

  it('needs the same method, the same number of segments and a non-empty parameter', () => {
    const tables: ControlTable[] = [{ 'POST /_sandbox/events/{event}/resend': handler }];
    expect(findControl(tables, 'GET', '/_sandbox/events/evt_1/resend')).toBeUndefined();
    expect(findControl(tables, 'POST', '/_sandbox/events//resend')).toBeUndefined();
    expect(findControl(tables, 'POST', '/_sandbox/events/evt_1/resend/now')).toBeUndefined();
    expect(findControl(tables, 'POST', '/v1/events/evt_1/resend')).toBeUndefined();
  });
});
