// The parameter table the server validates with: the distilled spec plus the SDK overrides.
import spec from './endpoint-params.json';
import type { EndpointParamTable } from './param-schema';
import { applyOverrides } from './sdk-overrides';

// The JSON was written by scripts/extract-params.ts in exactly the EndpointParamTable shape.
export const ENDPOINT_PARAMS: EndpointParamTable = applyOverrides(spec as unknown as EndpointParamTable);
