import { describe, expect, it } from 'vitest';
import { describeRequirement, describeRequirements } from './describe-requirement';

describe('requirements in words', () => {
  it('names what Stripe asks a new Express seller for', () => {
    expect(describeRequirement('external_account')).toBe('Bank account for payouts');
    expect(describeRequirement('individual.first_name')).toBe('Your first name');
    expect(describeRequirement('representative.dob.year')).toBe("The representative's date of birth");
    expect(describeRequirement('individual.verification.document')).toBe('Your identity document');
  });

  it('lists a requirement Stripe splits into fields once', () => {
    expect(describeRequirements(['individual.dob.day', 'individual.dob.month', 'individual.dob.year', 'tos_acceptance.date', 'tos_acceptance.ip'])).toEqual([
      'Your date of birth',
      'Acceptance of the Stripe Connected Account Agreement',
    ]);
  });

  it('still says something readable for a field it does not know', () => {
    expect(describeRequirement('company.ownership_declaration.date')).toBe('Company › ownership declaration › date');
  });
});
