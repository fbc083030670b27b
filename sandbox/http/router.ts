// Matches `METHOD /path` to a route and its path parameters; literal segments win over `{params}`.
import type { ObjectSchema } from '../params/param-schema';
import type { RouteDefinition } from './route';

export interface CompiledRoute {
  route: RouteDefinition;
  method: string;
  pattern: RegExp;
  names: string[];
  schema: ObjectSchema;
}

export interface RouteMatch {
  compiled: CompiledRoute;
  pathParams: Record<string, string>;
}

export function compileRoutes(routes: RouteDefinition[], table: Record<string, ObjectSchema>): CompiledRoute[] {
  const compiled = routes.map((route) => {
    const [method, path] = route.operation.split(' ') as [string, string];
    const schema = table[route.operation];
    if (!schema) throw new Error(`no parameter schema for ${route.operation}: add it to sandbox/params/served-endpoints.ts and run extract-params`);
    const names: string[] = [];
    // Stripe paths hold only letters, underscores, slashes and `{name}`: nothing else to escape.
    const source = path.replace(/\{([a-z_]+)\}/g, (_all, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route, method, pattern: new RegExp(`^${source}$`), names, schema };
  });
  // Fewer parameters first, so `/v1/customers/search` is tried before `/v1/customers/{customer}`.
  return compiled.sort((a, b) => a.names.length - b.names.length);
}

export function matchRoute(routes: CompiledRoute[], method: string, path: string): RouteMatch | undefined {
  for (const compiled of routes) {
    if (compiled.method !== method) continue;
    const match = compiled.pattern.exec(path);
    if (!match) continue;
    const pathParams: Record<string, string> = {};
    compiled.names.forEach((name, index) => {
      pathParams[name] = decodeURIComponent(match[index + 1]!);
    });
    return { compiled, pathParams };
  }
  return undefined;
}
