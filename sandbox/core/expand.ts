// Generic `expand[]`: replaces id strings by the objects they name, along dotted paths
// (`customer`, `data.customer`, `latest_charge.balance_transaction`), as resources declare.
import { invalidRequest } from '../http/stripe-error';
import type { Account } from '../store/account';
import type { ObjectType } from '../store/object-types';

/** objectType → field → the object type its id names. Filled from each resource module's `expandable`. */
const expandable = new Map<string, Map<string, ObjectType>>();

export function registerExpandable(objectType: string, fields: Record<string, ObjectType>): void {
  const map = expandable.get(objectType) ?? new Map<string, ObjectType>();
  for (const [field, target] of Object.entries(fields)) map.set(field, target);
  expandable.set(objectType, map);
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

const cannotExpand = (path: string) => invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });

// Stripe refuses expansions deeper than four levels.
const MAX_DEPTH = 4;

/**
 * `owner` is the nearest enclosing Stripe object's type and `prefix` the dotted path from it, so a
 * nested field such as `invoice_settings.default_payment_method` is declared on `customer`.
 */
function expandPath(account: Account, node: Node, segments: string[], fullPath: string, owner: string, prefix: string): Node {
  const [field, ...rest] = segments as [string, ...string[]];
  const value = node[field];
  if (Array.isArray(value)) {
    // Lists (`data`) and other arrays of objects: expand inside every element.
    if (rest.length === 0) throw cannotExpand(fullPath);
    return { ...node, [field]: value.map((item) => (isNode(item) ? descend(account, item, rest, fullPath, owner, `${prefix}${field}.`) : item)) };
  }
  let child: unknown = value;
  if (typeof value === 'string') {
    const target = expandable.get(owner)?.get(`${prefix}${field}`);
    if (!target) throw cannotExpand(fullPath);
    // A deleted object expands to its `{deleted: true}` stub; an unknown id stays an id.
    child = account.get(target, value) ?? account.get('tombstone', value) ?? value;
  } else if (value !== null && value !== undefined && !isNode(value)) {
    throw cannotExpand(fullPath);
  } else if (value === undefined && !(field in node)) {
    throw cannotExpand(fullPath);
  }
  if (rest.length > 0 && isNode(child)) child = descend(account, child, rest, fullPath, owner, `${prefix}${field}.`);
  return { ...node, [field]: child };
}

function descend(account: Account, node: Node, segments: string[], fullPath: string, owner: string, prefix: string): Node {
  // Entering another Stripe object (it has its own `object`) starts a new owner; lists are containers.
  if (typeof node.object === 'string' && node.object !== 'list' && node.object !== 'search_result') {
    return expandPath(account, node, segments, fullPath, node.object, '');
  }
  return expandPath(account, node, segments, fullPath, owner, prefix);
}

/**
 * Returns a copy of `response` with every `expand[]` path applied. Stored objects are never mutated:
 * each expanded level is a shallow copy.
 */
export function applyExpand<T extends object>(account: Account, response: T, paths: string[]): T {
  let result: Node = { ...(response as Record<string, unknown>) };
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH) {
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, { param: 'expand' });
    }
    result = descend(account, result, segments, path, '', '');
  }
  // Expansion only swaps ids for the objects the SDK types already allow in those fields.
  return result as unknown as T;
}
