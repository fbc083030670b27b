// One sandbox account (one `sk_test_…` key): its objects by type and its idempotency records.
import { IDEMPOTENCY_TTL_MS, type IdempotencyRecord } from '../http/idempotency';
import type { Journal } from './journal';
import type { ObjectType, ObjectTypes } from './object-types';

type AnyStored = ObjectTypes[ObjectType];

export class Account {
  // Map keeps insertion order, which is creation order: lists walk it backwards for newest first,
  // and it breaks ties between objects created in the same second.
  private readonly collections = new Map<ObjectType, Map<string, AnyStored>>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** Test control: milliseconds to wait before executing each API request (see /_sandbox/latency). */
  latencyMs = 0;

  constructor(
    readonly key: string,
    private readonly journal: Journal | undefined,
  ) {}

  private collection<K extends ObjectType>(type: K): Map<string, ObjectTypes[K]> {
    let map = this.collections.get(type);
    if (!map) {
      map = new Map();
      this.collections.set(type, map);
    }
    // Each map only ever receives values of its own type through put().
    return map as Map<string, ObjectTypes[K]>;
  }

  get<K extends ObjectType>(type: K, id: string): ObjectTypes[K] | undefined {
    return this.collection(type).get(id);
  }

  /** Stores (creates or replaces) an object and journals it. */
  put<K extends ObjectType>(type: K, object: ObjectTypes[K]): ObjectTypes[K] {
    this.collection(type).set(object.id, object);
    this.journal?.append({ k: this.key, put: type, o: object });
    return object;
  }

  remove(type: ObjectType, id: string): void {
    this.collection(type).delete(id);
    this.journal?.append({ k: this.key, del: type, id });
  }

  /** All objects of a type, newest first. */
  all<K extends ObjectType>(type: K): ObjectTypes[K][] {
    return [...this.collection(type).values()].reverse();
  }

  saveIdempotency(key: string, record: IdempotencyRecord): void {
    this.idempotency.set(key, record);
    this.journal?.append({ k: this.key, idem: key, v: record });
  }

  /** Replays a journal entry without journaling it again. */
  restore(entry: { put: string; o: unknown } | { del: string; id: string } | { idem: string; v: unknown }): void {
    if ('put' in entry) {
      const object = entry.o as AnyStored;
      this.collection(entry.put as ObjectType).set(object.id, object);
    } else if ('del' in entry) {
      this.collection(entry.del as ObjectType).delete(entry.id);
    } else {
      this.idempotency.set(entry.idem, entry.v as IdempotencyRecord);
    }
  }

  clear(): void {
    this.collections.clear();
    this.idempotency.clear();
  }

  /** The journal lines that recreate this account (for compaction). */
  *snapshot(): Generator<{ k: string; put: string; o: unknown } | { k: string; idem: string; v: unknown }> {
    for (const [type, map] of this.collections) for (const object of map.values()) yield { k: this.key, put: type, o: object };
    // Expired keys are dropped here, at compaction, rather than on every request.
    const cutoff = Date.now() - IDEMPOTENCY_TTL_MS;
    for (const [key, record] of this.idempotency) {
      if (!record.inFlight && record.createdAt > cutoff) yield { k: this.key, idem: key, v: record };
    }
  }
}
