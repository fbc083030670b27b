// Distils the request parameters of the endpoints the sandbox serves from Stripe's 2023 OpenAPI file
// into sandbox/params/endpoint-params.json, and lists parameters the SDK's (newer) types add that are
// neither in the spec nor in sdk-overrides.ts, so the overrides list stays honest.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EndpointParamTable, ObjectSchema, ParamSchema } from '../params/param-schema';
import { SERVED_ENDPOINTS } from '../params/served-endpoints';
import { SDK_PARAM_OVERRIDES } from '../params/sdk-overrides';

const sandboxDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(sandboxDir, '..');
const specPath = resolve(repoRoot, '..', 'shared', 'stripe-openapi', 'spec3.2023-08-16.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function field(node: JsonObject, key: string): JsonObject {
  const value = node[key];
  if (!isObject(value)) throw new Error(`expected an object at ${key}`);
  return value;
}

function convert(node: Json | undefined): ParamSchema {
  if (!isObject(node)) return { t: 'any' };
  if (Array.isArray(node.anyOf)) {
    const alternatives = node.anyOf.filter(isObject);
    const isEmptyMarker = (alt: JsonObject) => Array.isArray(alt.enum) && alt.enum.length === 1 && alt.enum[0] === '';
    const rest = alternatives.filter((alt) => !isEmptyMarker(alt)).map(convert);
    const acceptsEmpty = rest.length < alternatives.length;
    const single = rest.length === 1 ? rest[0] : undefined;
    if (single && single.t !== 'any') return acceptsEmpty ? { ...single, empty: true } : single;
    return acceptsEmpty ? { t: 'anyOf', of: rest, empty: true } : { t: 'anyOf', of: rest };
  }
  switch (node.type) {
    case 'string': {
      const schema: ParamSchema = { t: 'string' };
      if (Array.isArray(node.enum)) schema.enum = node.enum.filter((v): v is string => typeof v === 'string');
      if (typeof node.maxLength === 'number') schema.max = node.maxLength;
      return schema;
    }
    case 'integer':
    case 'number':
    case 'boolean':
      return { t: node.type };
    case 'array':
      return { t: 'array', items: convert(node.items) };
    case 'object': {
      const schema: ObjectSchema = { t: 'object' };
      if (isObject(node.properties)) {
        schema.props = {};
        for (const [name, child] of Object.entries(node.properties)) schema.props[name] = convert(child);
      }
      if (Array.isArray(node.required) && node.required.length > 0) {
        schema.required = node.required.filter((v): v is string => typeof v === 'string');
      }
      if (isObject(node.additionalProperties)) schema.values = convert(node.additionalProperties);
      else if (!schema.props) schema.values = { t: 'any' };
      return schema;
    }
    default:
      return { t: 'any' };
  }
}

function extract(spec: JsonObject, operation: string): ObjectSchema {
  const [method, path] = operation.split(' ') as [string, string];
  const pathItem = field(field(spec, 'paths'), path);
  const op = field(pathItem, method.toLowerCase());
  const result: ObjectSchema = { t: 'object', props: {} };
  const required: string[] = [];
  const parameters = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [];
  for (const parameter of parameters) {
    if (parameter.in !== 'query' || typeof parameter.name !== 'string') continue;
    result.props![parameter.name] = convert(parameter.schema);
    if (parameter.required === true) required.push(parameter.name);
  }
  const body = isObject(op.requestBody) ? op.requestBody : undefined;
  const form = body && isObject(body.content) ? (body.content['application/x-www-form-urlencoded'] ?? body.content['multipart/form-data']) : undefined;
  if (isObject(form) && isObject(form.schema)) {
    const converted = convert(form.schema);
    if (converted.t === 'object') {
      Object.assign(result.props!, converted.props ?? {});
      required.push(...(converted.required ?? []));
    }
  }
  if (required.length > 0) result.required = required;
  return result;
}

/** Top-level parameter names of an SDK params interface, read from the .d.ts text (best effort). */
function sdkParamNames(dts: string, interfaceName: string): string[] {
  const start = dts.indexOf(`export interface ${interfaceName} `);
  if (start < 0) return [];
  const names: string[] = [];
  let depth = 0;
  for (const line of dts.slice(dts.indexOf('{', start)).split('\n')) {
    if (depth === 1) {
      const match = /^\s+([a-z_0-9]+)\??:/.exec(line);
      if (match?.[1]) names.push(match[1]);
    }
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (depth <= 0 && names.length + 1 > 0 && line.includes('}')) break;
  }
  return names;
}

const SDK_INTERFACES: Record<string, [string, string]> = {
  'POST /v1/customers': ['Customers', 'CustomerCreateParams'],
  'POST /v1/customers/{customer}': ['Customers', 'CustomerUpdateParams'],
  'POST /v1/products': ['Products', 'ProductCreateParams'],
  'POST /v1/products/{id}': ['Products', 'ProductUpdateParams'],
  'POST /v1/prices': ['Prices', 'PriceCreateParams'],
  'POST /v1/prices/{price}': ['Prices', 'PriceUpdateParams'],
  'POST /v1/payment_links': ['PaymentLinks', 'PaymentLinkCreateParams'],
  'POST /v1/payment_links/{payment_link}': ['PaymentLinks', 'PaymentLinkUpdateParams'],
};

const spec = JSON.parse(readFileSync(specPath, 'utf8')) as JsonObject;
const table: EndpointParamTable = {};
for (const operation of SERVED_ENDPOINTS) table[operation] = extract(spec, operation);
writeFileSync(resolve(sandboxDir, 'params', 'endpoint-params.json'), JSON.stringify(table) + '\n');
console.log(`wrote ${SERVED_ENDPOINTS.length} endpoints to sandbox/params/endpoint-params.json`);

for (const [operation, [file, name]] of Object.entries(SDK_INTERFACES)) {
  const dtsPath = resolve(repoRoot, 'node_modules', 'stripe', 'esm', 'resources', `${file}.d.ts`);
  if (!existsSync(dtsPath)) continue;
  const known = new Set([...Object.keys(table[operation]?.props ?? {}), ...Object.keys(SDK_PARAM_OVERRIDES[operation] ?? {})]);
  const missing = sdkParamNames(readFileSync(dtsPath, 'utf8'), name).filter((param) => !known.has(param));
  if (missing.length > 0) console.log(`${operation}: the SDK also takes ${missing.join(', ')} (add to sdk-overrides.ts if served)`);
}
