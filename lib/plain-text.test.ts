import { describe, expect, it } from 'vitest';
import { hasControlCharacters } from './plain-text';

describe('hasControlCharacters', () => {
  it('lets ordinary text through, tabs and line breaks included (evidence is written in paragraphs)', () => {
    for (const text of ['', 'Acme Corp', 'Line one\nLine two\r\n\tindented', '<script>alert(1)</script>', "'; DROP TABLE x; --", 'Größe 東京 😀']) {
      expect(hasControlCharacters(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('finds NUL, escape, delete and the other C0/C1 controls', () => {
    for (const text of ['Acme\u0000Corp', '\u001b[31mred', 'x\u007f', 'bell\u0007', 'c1\u0085']) {
      expect(hasControlCharacters(text), JSON.stringify(text)).toBe(true);
    }
  });
});
