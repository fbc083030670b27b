// A minimal event emitter with Stripe Element semantics: on/off/once, handlers called with one event.

export type Handler = (event: unknown) => void;

export class Emitter {
  private readonly handlers = new Map<string, Set<Handler>>();

  on(event: string, handler: Handler): void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler);
  }

  /** Without a handler, removes every handler of the event, as Stripe's `off` does. */
  off(event: string, handler?: Handler): void {
    if (handler) this.handlers.get(event)?.delete(handler);
    else this.handlers.delete(event);
  }

  once(event: string, handler: Handler): void {
    const wrapped: Handler = (payload) => {
      this.off(event, wrapped);
      handler(payload);
    };
    this.on(event, wrapped);
  }

  emit(event: string, payload: unknown): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) {
      try {
        handler(payload);
      } catch (error) {
        // A merchant handler that throws must not stop the others or break the field.
        console.error(error);
      }
    }
  }

  clear(): void {
    this.handlers.clear();
  }
}
