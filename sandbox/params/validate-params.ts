// Checks a decoded request against an endpoint's parameter schema and coerces strings to their types.
import { isFormObject, type FormValue } from '../http/form-value';
import {
  invalidRequest,
  parameterInvalidEmpty,
  parameterInvalidInteger,
  parameterMissing,
  parameterUnknown,
  StripeApiError,
} from '../http/stripe-error';
import type { ObjectSchema, ParamSchema } from './param-schema';

/** A validated parameter value. `''` survives only where the schema allows unsetting. */
export type ParamValue = string | number | boolean | ParamValue[] | ParamObject;
export interface ParamObject {
  [key: string]: ParamValue;
}

const childName = (parent: string, key: string) => (parent ? `${parent}[${key}]` : key);

/** Stripe's wording: "now or unchanged", "day, month, week, or year". */
function listWords(values: string[]): string {
  if (values.length <= 1) return values.join('');
  if (values.length === 2) return `${values[0]} or ${values[1]}`;
  return `${values.slice(0, -1).join(', ')}, or ${values[values.length - 1]}`;
}

/** The form encoder sends arrays as `x[0]=…&x[1]=…`; an object with only index keys is an array. */
function asArray(value: FormValue): FormValue[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isFormObject(value)) return undefined;
  const keys = Object.keys(value);
  if (!keys.every((key) => /^\d+$/.test(key))) return undefined;
  return keys.sort((a, b) => Number(a) - Number(b)).map((key) => value[key]!);
}

function validateValue(schema: ParamSchema, value: FormValue, name: string): ParamValue {
  if (value === '' && schema.t !== 'any') {
    if (schema.empty || (schema.t === 'string' && schema.enum?.includes(''))) return '';
    throw parameterInvalidEmpty(name);
  }
  switch (schema.t) {
    case 'any':
      return value;
    case 'string':
      if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${JSON.stringify(value)}`, { param: name });
      if (schema.enum && !schema.enum.includes(value)) {
        throw invalidRequest(`Invalid ${name}: must be one of ${listWords(schema.enum)}`, { param: name });
      }
      if (schema.max !== undefined && value.length > schema.max) {
        throw invalidRequest(`Invalid string: ${value.slice(0, 20)}...; must be at most ${schema.max} characters`, { param: name });
      }
      return value;
    case 'integer':
      if (typeof value !== 'string' || !/^-?\d+$/.test(value)) throw parameterInvalidInteger(name, String(value));
      return Number(value);
    case 'number':
      if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) {
        throw invalidRequest(`Invalid decimal: ${String(value)}`, { code: 'parameter_invalid_decimal', param: name });
      }
      return Number(value);
    case 'boolean':
      if (value !== 'true' && value !== 'false') throw invalidRequest(`Invalid boolean: ${String(value)}`, { param: name });
      return value === 'true';
    case 'array': {
      const items = asArray(value);
      if (!items) throw invalidRequest('Invalid array', { param: name });
      return items.map((item, index) => validateValue(schema.items, item, `${name}[${index}]`));
    }
    case 'object':
      if (!isFormObject(value)) throw invalidRequest('Invalid object', { param: name });
      return validateObject(schema, value, name);
    case 'anyOf': {
      let firstError: StripeApiError | undefined;
      for (const alternative of schema.of) {
        try {
          return validateValue(alternative, value, name);
        } catch (error) {
          if (!(error instanceof StripeApiError)) throw error;
          firstError ??= error;
        }
      }
      throw firstError ?? invalidRequest(`Invalid ${name}`, { param: name });
    }
  }
}

function validateObject(schema: ObjectSchema, value: Record<string, FormValue>, prefix: string): ParamObject {
  const result: ParamObject = {};
  for (const [key, child] of Object.entries(value)) {
    const name = childName(prefix, key);
    const declared = schema.props?.[key];
    const childSchema = declared ?? schema.values;
    if (!childSchema) throw parameterUnknown(name);
    // In free-form maps (metadata) an empty value unsets that key, so it is always allowed.
    result[key] = !declared && child === '' ? '' : validateValue(childSchema, child, name);
  }
  for (const key of schema.required ?? []) {
    if (!(key in value)) throw parameterMissing(childName(prefix, key));
  }
  return result;
}

/** Validates the whole request (query or body) of one operation. */
export function validateParams(schema: ObjectSchema, params: Record<string, FormValue>): ParamObject {
  return validateObject(schema, params, '');
}
