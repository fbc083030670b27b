// Connect parameters the SDK's types accept that the 2023 spec lacks (merged in params/sdk-overrides.ts).
import type { ParamSchema } from '../params/param-schema';

const anything: ParamSchema = { t: 'any' };

/** Controller properties: the newer way to say what `type=express|custom|standard` said. */
const controller: ParamSchema = {
  t: 'object',
  props: {
    fees: { t: 'object', props: { payer: { t: 'string', enum: ['account', 'application'] } } },
    losses: { t: 'object', props: { payments: { t: 'string', enum: ['application', 'stripe'] } } },
    requirement_collection: { t: 'string', enum: ['application', 'stripe'] },
    stripe_dashboard: { t: 'object', props: { type: { t: 'string', enum: ['express', 'full', 'none'] } } },
  },
};

export const CONNECT_PARAM_OVERRIDES: Record<string, Record<string, ParamSchema>> = {
  'POST /v1/accounts': { controller, groups: anything },
  'POST /v1/accounts/{account}': { groups: anything },
  'POST /v1/account_links': { collection_options: anything },
};
