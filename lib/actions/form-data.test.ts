import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom, formDataToObject } from './form-data';

describe('formDataToObject', () => {
  it('keeps single fields as strings and collects `name[]` fields into arrays, in order', () => {
    const data = new FormData();
    data.append('email', 'a@b.co');
    data.append('metadataKey[]', 'plan');
    data.append('metadataKey[]', 'region');
    expect(formDataToObject(data)).toEqual({ email: 'a@b.co', metadataKey: ['plan', 'region'] });
  });

  it("drops Next's own $ACTION fields and uploaded files", () => {
    const data = new FormData();
    data.append('$ACTION_ID_abc', '');
    data.append('$ACTION_KEY', 'k1');
    data.append('file', new Blob(['x']), 'x.txt');
    data.append('name', 'Ada');
    expect(formDataToObject(data)).toEqual({ name: 'Ada' });
  });
});

describe('fieldErrorsFrom', () => {
  it('keeps the first message per field path', () => {
    expect(fieldErrorsFrom([
      { path: ['metadata', 2, 'key'], message: 'first' },
      { path: ['metadata', 2, 'key'], message: 'second' },
      { path: [], message: 'whole form' },
    ])).toEqual({ 'metadata.2.key': 'first', form: 'whole form' });
  });
});
