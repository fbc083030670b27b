// Decodes Stripe-style form encoding (`a[b][0][c]=v`, `expand[]=x`) into a value tree.
import { isFormObject, type FormObject, type FormValue } from './form-value';
import { invalidRequest } from './stripe-error';

/** Splits `items[0][price]` into `['items', '0', 'price']`; `expand[]` gives `['expand', '']`. */
export function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open < 0) return [key];
  const parts = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  pattern.lastIndex = open;
  for (let match = pattern.exec(key); match; match = pattern.exec(key)) parts.push(match[1] ?? '');
  return parts;
}

function assign(target: FormObject | FormValue[], parts: string[], value: string): void {
  const [head, ...rest] = parts as [string, ...string[]];
  if (Array.isArray(target)) {
    // `[]` appends; a nested `x[][k]=v` starts a new element each time its key repeats.
    if (rest.length === 0) {
      target.push(value);
      return;
    }
    const last = target[target.length - 1];
    const child = isFormObject(last) && !(rest[0]! in last) ? last : {};
    if (child !== last) target.push(child);
    assign(child, rest, value);
    return;
  }
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const existing = target[head];
  const wantsArray = rest[0] === '';
  if (wantsArray) {
    const array = Array.isArray(existing) ? existing : [];
    target[head] = array;
    assign(array, rest.slice(1).length === 0 ? [''] : rest.slice(1), value);
    return;
  }
  const child = isFormObject(existing) ? existing : {};
  target[head] = child;
  assign(child, rest, value);
}

function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw invalidRequest(`Invalid URL encoding: ${raw.slice(0, 40)}`);
  }
}

/** Decodes `application/x-www-form-urlencoded` text (also used for query strings). */
export function decodeForm(text: string): FormObject {
  const result: FormObject = {};
  if (text.length === 0) return result;
  for (const pair of text.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = decodeComponent(rawKey);
    const value = decodeComponent(rawValue);
    assign(result, splitKey(key), value);
  }
  return result;
}
