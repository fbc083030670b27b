// The card form an Element renders in the page: labelled inputs, formatting, per-field errors.
// Inputs have no `name` and belong to no form (form="" points nowhere), so the page's own form
// submission can never carry the card number to the app's server.
import {
  checkCvc,
  checkExpiry,
  checkNumber,
  checkPostalCode,
  detectBrand,
  formatExpiry,
  formatNumber,
  numberLengths,
  onlyDigits,
  parseExpiry,
  type CardBrand,
  type FieldError,
} from './card-rules';
import { ensureStyles } from './styles';

export type CardField = 'number' | 'expiry' | 'cvc' | 'postalCode';

export interface CardFormState {
  empty: boolean;
  complete: boolean;
  /** The first error the customer can see (finished or left fields only). */
  error: FieldError | null;
  brand: CardBrand;
  postalCode: string;
}

export interface CardValues {
  number?: string;
  expMonth?: number;
  expYear?: number;
  cvc?: string;
  postalCode?: string;
}

interface FieldSpec {
  label: string;
  placeholder: string;
  autocomplete: string;
}

const SPECS: Record<CardField, FieldSpec> = {
  number: { label: 'Card number', placeholder: '1234 1234 1234 1234', autocomplete: 'cc-number' },
  expiry: { label: 'Expiration date (MM / YY)', placeholder: 'MM / YY', autocomplete: 'cc-exp' },
  cvc: { label: 'Security code (CVC)', placeholder: 'CVC', autocomplete: 'cc-csc' },
  postalCode: { label: 'ZIP / Postal code', placeholder: '12345', autocomplete: 'postal-code' },
};

const NEXT: Partial<Record<CardField, CardField>> = { number: 'expiry', expiry: 'cvc', cvc: 'postalCode' };

let formCount = 0;

export interface CardFormCallbacks {
  onChange(): void;
  onFocus(): void;
  onBlur(): void;
}

export class CardForm {
  private readonly root: HTMLDivElement;
  private readonly inputs = new Map<CardField, HTMLInputElement>();
  private readonly errors = new Map<CardField, HTMLParagraphElement>();
  /** Fields the customer has left (or the form was submitted): their unfinished values are errors. */
  private readonly finished = new Set<CardField>();

  constructor(
    private readonly fields: CardField[],
    private readonly callbacks: CardFormCallbacks,
    /** Lets a lone CVC field know the brand typed into a sibling number field. */
    private readonly brandHint: () => CardBrand = () => 'unknown',
  ) {
    const id = `paydesk-card-${++formCount}`;
    this.root = document.createElement('div');
    this.root.className = 'PaydeskSandboxCard';
    this.root.setAttribute('role', 'group');
    this.root.setAttribute('aria-label', 'Card details');
    for (const field of fields) this.root.append(this.buildField(field, `${id}-${field}`));
    // Focus and blur of the whole Element, not of each input inside it.
    this.root.addEventListener('focusin', (event) => {
      if (!this.root.contains(event.relatedTarget as Node | null)) callbacks.onFocus();
    });
    this.root.addEventListener('focusout', (event) => {
      if (!this.root.contains(event.relatedTarget as Node | null)) callbacks.onBlur();
    });
  }

  private buildField(field: CardField, id: string): HTMLDivElement {
    const spec = SPECS[field];
    const wrapper = document.createElement('div');
    wrapper.className = `PaydeskSandboxCard-field PaydeskSandboxCard-${field}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = spec.label;
    const input = document.createElement('input');
    input.id = id;
    input.type = 'text';
    input.inputMode = field === 'postalCode' ? 'text' : 'numeric';
    input.setAttribute('autocomplete', spec.autocomplete);
    input.placeholder = spec.placeholder;
    input.spellcheck = false;
    input.setAttribute('form', 'paydesk-sandbox-detached-card-field');
    input.setAttribute('aria-invalid', 'false');
    const error = document.createElement('p');
    error.id = `${id}-error`;
    // Always present and sized (see styles.ts): an error appearing on blur must not move the page's
    // buttons between mousedown and click.
    error.className = 'PaydeskSandboxCard-error';
    input.addEventListener('input', () => this.onInput(field));
    // Detached from the page's form, Enter would do nothing; Stripe's fields submit the enclosing form.
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.root.closest('form')?.requestSubmit();
      }
    });
    input.addEventListener('blur', () => {
      if (input.value !== '') this.finished.add(field);
      this.render();
      this.callbacks.onChange();
    });
    this.inputs.set(field, input);
    this.errors.set(field, error);
    wrapper.append(label, input, error);
    return wrapper;
  }

  private onInput(field: CardField): void {
    const input = this.inputs.get(field)!;
    if (field === 'number') {
      const digits = onlyDigits(input.value);
      input.value = formatNumber(digits.slice(0, Math.max(...numberLengths(detectBrand(digits)))));
    } else if (field === 'expiry') {
      // Let a deleted separator stay deleted instead of reformatting it back in.
      if (!/\s\/\s?$/.test(input.value) || onlyDigits(input.value).length > 2) input.value = formatExpiry(input.value);
    } else if (field === 'cvc') {
      input.value = onlyDigits(input.value).slice(0, 4);
    } else {
      input.value = input.value.slice(0, 10);
    }
    this.render();
    this.callbacks.onChange();
    const next = NEXT[field];
    if (next && this.inputs.has(next) && this.fieldComplete(field) && document.activeElement === input) this.inputs.get(next)!.focus();
  }

  private value(field: CardField): string {
    return this.inputs.get(field)?.value ?? '';
  }

  brand(): CardBrand {
    return this.inputs.has('number') ? detectBrand(onlyDigits(this.value('number'))) : this.brandHint();
  }

  private check(field: CardField, final: boolean): FieldError | null {
    const value = this.value(field);
    if (field === 'number') return checkNumber(onlyDigits(value), final);
    if (field === 'expiry') return checkExpiry(value, final);
    if (field === 'cvc') return checkCvc(value, this.brand(), final);
    return checkPostalCode(value, final);
  }

  private fieldComplete(field: CardField): boolean {
    return this.value(field) !== '' && this.check(field, true) === null;
  }

  private visibleError(field: CardField): FieldError | null {
    return this.check(field, this.finished.has(field));
  }

  private render(): void {
    for (const field of this.fields) {
      const error = this.visibleError(field);
      const input = this.inputs.get(field)!;
      const text = this.errors.get(field)!;
      input.setAttribute('aria-invalid', String(error !== null));
      if (error) input.setAttribute('aria-describedby', text.id);
      else input.removeAttribute('aria-describedby');
      text.textContent = error?.message ?? '';
    }
  }

  state(): CardFormState {
    const errors = this.fields.map((field) => this.visibleError(field));
    return {
      empty: this.fields.every((field) => this.value(field) === ''),
      complete: this.fields.every((field) => this.fieldComplete(field)),
      error: errors.find((error) => error !== null) ?? null,
      brand: this.brand(),
      postalCode: this.value('postalCode'),
    };
  }

  /** On submit: every field counts as finished; returns the first error, now shown. */
  validate(): FieldError | null {
    for (const field of this.fields) this.finished.add(field);
    this.render();
    this.callbacks.onChange();
    return this.state().error;
  }

  values(): CardValues {
    const expiry = this.inputs.has('expiry') ? parseExpiry(this.value('expiry')) : null;
    return {
      number: this.inputs.has('number') ? onlyDigits(this.value('number')) : undefined,
      expMonth: expiry?.month,
      expYear: expiry?.year,
      cvc: this.inputs.has('cvc') ? this.value('cvc') : undefined,
      postalCode: this.inputs.has('postalCode') ? this.value('postalCode').trim() : undefined,
    };
  }

  mount(container: HTMLElement): void {
    ensureStyles();
    container.append(this.root);
  }

  unmount(): void {
    this.root.remove();
  }

  focus(): void {
    this.inputs.get(this.fields[0]!)?.focus();
  }

  blur(): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && this.root.contains(active)) active.blur();
  }

  clear(): void {
    for (const input of this.inputs.values()) input.value = '';
    this.finished.clear();
    this.render();
    this.callbacks.onChange();
  }

  setDisabled(disabled: boolean): void {
    for (const input of this.inputs.values()) input.disabled = disabled;
  }

  applyStyle(style: { color?: string; fontSize?: string; fontFamily?: string }): void {
    // Only what the merchant set: assigning undefined would write the string "undefined".
    const given = Object.fromEntries(Object.entries(style).filter(([, value]) => value !== undefined));
    for (const input of this.inputs.values()) Object.assign(input.style, given);
  }
}
