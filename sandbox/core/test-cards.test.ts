import { describe, expect, it } from 'vitest';
import { brandOfNumber, findTestCardByMagicId, findTestCardByNumber, passesLuhn, TEST_CARDS } from './test-cards';

describe('test cards table', () => {
  it('holds valid, unique numbers and magic ids whose brand matches the number', () => {
    expect(new Set(TEST_CARDS.map((card) => card.number)).size).toBe(TEST_CARDS.length);
    expect(new Set(TEST_CARDS.map((card) => card.magicId)).size).toBe(TEST_CARDS.length);
    for (const card of TEST_CARDS) {
      expect(passesLuhn(card.number), card.number).toBe(true);
      expect(brandOfNumber(card.number), card.number).toBe(card.brand);
      expect(card.magicId).toMatch(/^pm_card_/);
    }
  });

  it('finds a card by number (spaces allowed) and by magic id', () => {
    expect(findTestCardByNumber('4000 0000 0000 9995')?.magicId).toBe('pm_card_visa_chargeDeclinedInsufficientFunds');
    expect(findTestCardByMagicId('pm_card_authenticationRequired')?.number).toBe('4000002760003184');
    expect(findTestCardByMagicId('pm_card_nope')).toBeUndefined();
  });

  it('fails the Luhn check for a mistyped number', () => {
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('42')).toBe(false);
  });
});
