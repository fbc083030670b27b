// Typed reads of validated parameters for handlers (the validator already checked the types).
import type { ParamObject, ParamValue } from '../params/validate-params';

export const readString = (params: ParamObject, key: string): string | undefined => {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
};

export const readInteger = (params: ParamObject, key: string): number | undefined => {
  const value = params[key];
  return typeof value === 'number' ? value : undefined;
};

export const readBoolean = (params: ParamObject, key: string): boolean | undefined => {
  const value = params[key];
  return typeof value === 'boolean' ? value : undefined;
};

export const readObject = (params: ParamObject, key: string): ParamObject | undefined => {
  const value = params[key];
  return typeof value === 'object' && !Array.isArray(value) ? value : undefined;
};

export const readArray = (params: ParamObject, key: string): ParamValue[] | undefined => {
  const value = params[key];
  return Array.isArray(value) ? value : undefined;
};

export const readStringArray = (params: ParamObject, key: string): string[] =>
  (readArray(params, key) ?? []).filter((item): item is string => typeof item === 'string');

/** Has the caller sent this key at all (including `""`, which means "unset")? */
export const has = (params: ParamObject, key: string): boolean => key in params;

/** A string field that `""` unsets to null (Stripe's rule for optional text fields). */
export const readNullableString = (params: ParamObject, key: string): string | null | undefined => {
  if (!has(params, key)) return undefined;
  const value = readString(params, key);
  return value === '' || value === undefined ? null : value;
};
