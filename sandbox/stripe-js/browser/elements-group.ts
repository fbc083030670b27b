// `stripe.elements(options)`: creates and finds Elements, holds the client secret or deferred-intent
// options, validates on `submit()`, and gathers the card details a confirmation sends to the sandbox.
import type { CardBrand } from './card-rules';
import type { CardValues } from './card-form';
import { isCardElementType, SandboxElement } from './element';
import { IntegrationError, isRecord, type Options, type StripeJsError } from './types';

export interface CardDetails {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
  postalCode?: string;
}

export type CollectedCard = { ok: true; card: CardDetails } | { ok: false; error: StripeJsError };

/** Which group made an Element, so `{card: element}` can be read together with its split siblings. */
const OWNERS = new WeakMap<SandboxElement, ElementsGroup>();
export const groupOf = (element: SandboxElement): ElementsGroup | undefined => OWNERS.get(element);

const validationError = (code: string, message: string): StripeJsError => ({ type: 'validation_error', code, message });

export class ElementsGroup {
  private readonly elements = new Map<string, SandboxElement>();
  private options: Options;
  /** Set by a successful `submit()`, cleared by any later change to a field. */
  private submitted = false;

  constructor(options: Options = {}) {
    this.options = { ...options };
    if (options.mode !== undefined && !['payment', 'setup', 'subscription'].includes(String(options.mode))) {
      throw new IntegrationError(`Invalid value for elements(): mode should be one of the following strings: payment, setup, subscription. You specified: ${String(options.mode)}.`);
    }
  }

  get clientSecret(): string | undefined {
    return typeof this.options.clientSecret === 'string' ? this.options.clientSecret : undefined;
  }

  /** Created with `mode` (and no client secret): the intent is made after the form, so `submit()` comes first. */
  get isDeferred(): boolean {
    return this.clientSecret === undefined && this.options.mode !== undefined;
  }

  get wasSubmitted(): boolean {
    return this.submitted;
  }

  create(type: string, options: Options = {}): SandboxElement {
    if (!isCardElementType(type)) {
      throw new IntegrationError(`The Paydesk sandbox's Stripe.js stand-in does not support the '${type}' Element; it offers payment, card, cardNumber, cardExpiry and cardCvc.`);
    }
    if (this.elements.has(type)) throw new IntegrationError(`Can only create one Element of type ${type}.`);
    const element = new SandboxElement(type, options, {
      forget: (gone) => {
        if (this.elements.get(gone.type) === gone) this.elements.delete(gone.type);
      },
      siblingBrand: (): CardBrand => this.elements.get('cardNumber')?.brand() ?? 'unknown',
      changed: () => {
        this.submitted = false;
      },
    });
    this.elements.set(type, element);
    OWNERS.set(element, this);
    return element;
  }

  /** Takes a type, or a @stripe/react-stripe-js component, which carries its type as `__elementType`. */
  getElement(type: unknown): SandboxElement | null {
    const carried: unknown = typeof type === 'function' || isRecord(type) ? Reflect.get(type, '__elementType') : type;
    return typeof carried === 'string' ? (this.elements.get(carried) ?? null) : null;
  }

  async update(options: Options): Promise<void> {
    this.options = { ...this.options, ...options };
  }

  async fetchUpdates(): Promise<Record<string, never>> {
    return {};
  }

  /** Validates every mounted field, showing its errors, as Stripe's `elements.submit()` does. */
  async submit(): Promise<{ error: StripeJsError } | { selectedPaymentMethod: string }> {
    const payment = this.elements.get('payment');
    if (!payment) {
      throw new IntegrationError('elements.submit() requires a mounted Payment Element in this Elements group.');
    }
    const error = payment.validate();
    if (error) return { error: validationError(error.code, error.message) };
    this.submitted = true;
    return { selectedPaymentMethod: 'card' };
  }

  /** The Element a confirmation reads from: the Payment Element, else the card Element(s). */
  primaryElement(): SandboxElement | null {
    return this.elements.get('payment') ?? this.elements.get('card') ?? this.elements.get('cardNumber') ?? null;
  }

  /** Validates and reads the card: from one Element, or from the split cardNumber/cardExpiry/cardCvc trio. */
  collectCard(from: SandboxElement): CollectedCard {
    const parts = from.type === 'cardNumber' || from.type === 'cardExpiry' || from.type === 'cardCvc'
      ? (['cardNumber', 'cardExpiry', 'cardCvc'] as const).map((type) => this.elements.get(type))
      : [from];
    let card: CardValues = {};
    for (const part of parts) {
      if (!part || !part.mounted) {
        return { ok: false, error: { type: 'invalid_request_error', message: 'We could not retrieve data from the specified Element. Please make sure the Element you are attempting to use is still mounted.' } };
      }
      const error = part.validate();
      if (error) return { ok: false, error: validationError(error.code, error.message) };
      const read = part.values();
      card = {
        number: read.number ?? card.number,
        expMonth: read.expMonth ?? card.expMonth,
        expYear: read.expYear ?? card.expYear,
        cvc: read.cvc ?? card.cvc,
        postalCode: read.postalCode ?? card.postalCode,
      };
    }
    if (!card.number || !card.expMonth || !card.expYear || !card.cvc) {
      return { ok: false, error: validationError('incomplete_number', 'Your card number is incomplete.') };
    }
    return {
      ok: true,
      card: { number: card.number, exp_month: card.expMonth, exp_year: card.expYear, cvc: card.cvc, postalCode: card.postalCode },
    };
  }

  /** Options the group was created with that a deferred confirmation needs (e.g. `paymentMethodCreation`). */
  option(name: string): unknown {
    return this.options[name];
  }
}

export const isElementsGroup = (value: unknown): value is ElementsGroup => value instanceof ElementsGroup;
export const isSandboxElement = (value: unknown): value is SandboxElement => value instanceof SandboxElement;
