// One Element (payment, card, cardNumber, cardExpiry, cardCvc): mounting, events, options, validation.
import type { CardBrand, FieldError } from './card-rules';
import { CardForm, type CardField, type CardValues } from './card-form';
import { Emitter, type Handler } from './emitter';
import { IntegrationError, isRecord, type Options } from './types';

export const CARD_ELEMENT_TYPES = ['payment', 'card', 'cardNumber', 'cardExpiry', 'cardCvc'] as const;
export type CardElementType = (typeof CARD_ELEMENT_TYPES)[number];

export const isCardElementType = (type: string): type is CardElementType => (CARD_ELEMENT_TYPES as readonly string[]).includes(type);

/** The Payment Element drops the postal code with `fields.billingDetails` (or its `address`/`postalCode`) set to 'never'. */
function paymentElementAsksPostalCode(options: Options): boolean {
  const billing = isRecord(options.fields) ? options.fields.billingDetails : undefined;
  if (billing === 'never') return false;
  const address = isRecord(billing) ? billing.address : undefined;
  if (address === 'never') return false;
  return !(isRecord(address) && address.postalCode === 'never');
}

function fieldsOf(type: CardElementType, options: Options): CardField[] {
  if (type === 'cardNumber') return ['number'];
  if (type === 'cardExpiry') return ['expiry'];
  if (type === 'cardCvc') return ['cvc'];
  const withPostal = type === 'card' ? options.hidePostalCode !== true : paymentElementAsksPostalCode(options);
  return withPostal ? ['number', 'expiry', 'cvc', 'postalCode'] : ['number', 'expiry', 'cvc'];
}

function baseStyle(options: Options): { color?: string; fontSize?: string; fontFamily?: string } {
  const base = isRecord(options.style) && isRecord(options.style.base) ? options.style.base : {};
  const pick = (key: string) => (typeof base[key] === 'string' ? base[key] : undefined);
  return { color: pick('color'), fontSize: pick('fontSize'), fontFamily: pick('fontFamily') };
}

export interface ElementHost {
  /** Called when the Element is destroyed, so the group forgets it. */
  forget(element: SandboxElement): void;
  /** The brand typed into a sibling cardNumber Element (for a lone cardCvc). */
  siblingBrand(): CardBrand;
  /** Any change invalidates a previous `elements.submit()`. */
  changed(): void;
}

export class SandboxElement {
  private readonly events = new Emitter();
  private readonly form: CardForm;
  private options: Options;
  private container: HTMLElement | null = null;
  private isReady = false;
  private isDestroyed = false;

  constructor(
    readonly type: CardElementType,
    options: Options,
    private readonly host: ElementHost,
  ) {
    this.options = { ...options };
    this.form = new CardForm(fieldsOf(type, options), {
      onChange: () => {
        host.changed();
        this.events.emit('change', this.changeEvent());
      },
      onFocus: () => this.events.emit('focus', { elementType: type }),
      onBlur: () => this.events.emit('blur', { elementType: type }),
    }, () => host.siblingBrand());
    this.applyOptions();
  }

  private applyOptions(): void {
    this.form.setDisabled(this.options.disabled === true || this.options.readOnly === true);
    this.form.applyStyle(baseStyle(this.options));
  }

  changeEvent(): Record<string, unknown> {
    const state = this.form.state();
    const event: Record<string, unknown> = { elementType: this.type, empty: state.empty, complete: state.complete };
    if (state.error) event.error = { type: 'validation_error', code: state.error.code, message: state.error.message };
    if (this.type === 'payment') Object.assign(event, { collapsed: false, value: { type: 'card' } });
    if (this.type === 'card') Object.assign(event, { value: { postalCode: state.postalCode }, brand: state.brand });
    if (this.type === 'cardNumber') event.brand = state.brand;
    return event;
  }

  mount(target: unknown): void {
    if (this.isDestroyed) throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
    const container = typeof target === 'string' ? document.querySelector(target) : target;
    if (!(container instanceof HTMLElement)) {
      throw new IntegrationError(`Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.`);
    }
    if (this.container) throw new IntegrationError('This Element is already mounted. Use `unmount` to unmount the Element before re-mounting.');
    this.container = container;
    this.form.mount(container);
    if (this.type === 'payment') this.events.emit('loaderstart', { elementType: this.type });
    // Stripe's iframe takes a moment to load; firing later also lets React attach its listeners first.
    window.setTimeout(() => {
      if (!this.container || this.isReady) return;
      this.isReady = true;
      this.events.emit('ready', { elementType: this.type });
    }, 20);
  }

  unmount(): void {
    this.form.unmount();
    this.container = null;
  }

  destroy(): void {
    this.unmount();
    this.isDestroyed = true;
    this.events.clear();
    this.host.forget(this);
  }

  on(event: string, handler: Handler): this {
    this.events.on(event, handler);
    // A `ready` listener added after the Element became ready still hears about it once.
    if (event === 'ready' && this.isReady) window.setTimeout(() => handler({ elementType: this.type }), 0);
    return this;
  }

  off(event: string, handler?: Handler): this {
    this.events.off(event, handler);
    return this;
  }

  once(event: string, handler: Handler): this {
    this.events.once(event, handler);
    return this;
  }

  update(options: Options): void {
    this.options = { ...this.options, ...options };
    this.applyOptions();
  }

  focus(): void {
    this.form.focus();
  }

  blur(): void {
    this.form.blur();
  }

  clear(): void {
    this.form.clear();
  }

  /** The Payment Element's accordion; with one payment method there is nothing to collapse. */
  collapse(): this {
    return this;
  }

  // Used by the group and the confirm calls, not part of Stripe's public surface.
  validate(): FieldError | null {
    return this.form.validate();
  }

  values(): CardValues {
    return this.form.values();
  }

  brand(): CardBrand {
    return this.form.brand();
  }

  get mounted(): boolean {
    return this.container !== null;
  }
}
