// Stripe's requirement field names (requirements.currently_due) in words a seller understands.

const EXACT: Record<string, string> = {
  business_type: 'Business type',
  'business_profile.mcc': 'Industry',
  'business_profile.url': 'Business website',
  'business_profile.name': 'Business name',
  'business_profile.product_description': 'Description of what you sell',
  external_account: 'Bank account for payouts',
  'tos_acceptance.date': 'Acceptance of the Stripe Connected Account Agreement',
  'tos_acceptance.ip': 'Acceptance of the Stripe Connected Account Agreement',
  'company.name': 'Company name',
  'company.tax_id': 'Company tax ID',
  'company.address.line1': 'Company address',
  'company.phone': 'Company phone number',
};

const PERSON_FIELDS: Record<string, string> = {
  first_name: 'first name',
  last_name: 'last name',
  'dob.day': 'date of birth',
  'dob.month': 'date of birth',
  'dob.year': 'date of birth',
  email: 'email address',
  phone: 'phone number',
  ssn_last_4: 'last 4 digits of the Social Security number',
  id_number: 'ID number',
  'address.line1': 'home address',
  'address.city': 'home address',
  'address.postal_code': 'home address',
  'address.state': 'home address',
  'verification.document': 'identity document',
};

const PERSON_PREFIXES: Record<string, string> = { individual: 'Your', representative: "The representative's" };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function describeRequirement(name: string): string {
  const exact = EXACT[name];
  if (exact) return exact;
  const [prefix, ...rest] = name.split('.');
  const personPrefix = prefix ? PERSON_PREFIXES[prefix] : undefined;
  const personField = PERSON_FIELDS[rest.join('.')];
  if (personPrefix && personField) return `${personPrefix} ${personField}`;
  return capitalise(name.replaceAll('.', ' › ').replaceAll('_', ' '));
}

/** The requirements in words, each once (date of birth is three fields at Stripe). */
export function describeRequirements(names: readonly string[]): string[] {
  return [...new Set(names.map(describeRequirement))];
}
