// The contract of a resource module (sandbox/resources/*.ts) and how the server installs them.
import type { RouteDefinition } from '../http/route';
import type { ObjectType } from '../store/object-types';
import { registerExpandable } from './expand';

export interface ResourceModule {
  routes: RouteDefinition[];
  /** Per object type: which fields hold an id that `expand[]` may replace, and the type it names. */
  expandable?: Record<string, Record<string, ObjectType>>;
}

export function installModules(modules: ResourceModule[]): RouteDefinition[] {
  for (const resource of modules) {
    for (const [objectType, fields] of Object.entries(resource.expandable ?? {})) registerExpandable(objectType, fields);
  }
  return modules.flatMap((resource) => resource.routes);
}
