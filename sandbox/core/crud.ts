// Shared lookups for resource modules: fetch-or-404 and delete-with-tombstone, in Stripe's words.
import { resourceMissing } from '../http/stripe-error';
import type { Account } from '../store/account';
import type { ObjectType, ObjectTypes, Tombstone } from '../store/object-types';

/** Stripe's noun for an object type in "No such …" messages. */
const nounOf = (type: ObjectType): string => type;

export function findOr404<K extends ObjectType>(account: Account, type: K, id: string, param = 'id'): ObjectTypes[K] {
  const found = account.get(type, id);
  if (!found) throw resourceMissing(nounOf(type), id, param);
  return found;
}

/** For retrieve: a live object, or the `{deleted: true}` stub Stripe answers for a deleted id. */
export function findOrTombstone<K extends ObjectType>(account: Account, type: K, id: string): ObjectTypes[K] | Tombstone {
  const found = account.get(type, id);
  if (found) return found;
  const tombstone = account.get('tombstone', id);
  if (tombstone && tombstone.object === type) return tombstone;
  throw resourceMissing(nounOf(type), id);
}

/** Removes an object and leaves the tombstone later retrieves answer with. */
export function deleteWithTombstone(account: Account, type: ObjectType, id: string): Tombstone {
  account.remove(type, id);
  return account.put('tombstone', { id, object: type, deleted: true });
}
