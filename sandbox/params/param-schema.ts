// The compact request-parameter schema the sandbox validates against (distilled from Stripe's OpenAPI).

/** `empty: true` means Stripe accepts `""` here (an attempt to unset the field). */
export type ParamSchema =
  | { t: 'string'; enum?: string[]; max?: number; empty?: true }
  | { t: 'integer' | 'number' | 'boolean'; empty?: true }
  | { t: 'object'; props?: Record<string, ParamSchema>; required?: string[]; values?: ParamSchema; empty?: true }
  | { t: 'array'; items: ParamSchema; empty?: true }
  | { t: 'anyOf'; of: ParamSchema[]; empty?: true }
  | { t: 'any' };

export type ObjectSchema = Extract<ParamSchema, { t: 'object' }>;

/** Keyed by operation, e.g. `GET /v1/customers/{customer}`. Path parameters are not part of it. */
export type EndpointParamTable = Record<string, ObjectSchema>;
