// Typed text's one rule beyond length: no control characters. Nobody means to type NUL or an escape, they hide what a
// value says, and PostgreSQL cannot store NUL in text (Stripe would keep an object the projection then fails to write).
// Tabs and line breaks stay allowed.
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]/u;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

export const CONTROL_CHARACTERS_MESSAGE = 'Remove the invisible control characters (such as NUL) from this text.';
