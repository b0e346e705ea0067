import type { Core } from '@strapi/strapi';
import { createMultipartParser, type UploadKind } from './multipart';

/**
 * The routes that take files, ours and Strapi's media library. Only these parse multipart, with
 * their own limits and after authentication and policies (a route middleware runs after both:
 * @strapi/core compose-endpoint.js); everywhere else a multipart body is refused unread.
 */
interface FileRoute {
  readonly plugin: string;
  readonly router: Core.RouterType;
  readonly method: Core.HTTPMethod;
  readonly path: string;
  readonly uploads: UploadKind;
}

export const FILE_ROUTES: readonly FileRoute[] = [
  { plugin: 'segnalazioni', router: 'content-api', method: 'POST', path: '/reports', uploads: 'photos' },
  { plugin: 'segnalazioni', router: 'content-api', method: 'PUT', path: '/my/reports/:documentId', uploads: 'photos' },
  { plugin: 'segnalazioni', router: 'admin', method: 'POST', path: '/reports/desk', uploads: 'photos' },
  { plugin: 'upload', router: 'admin', method: 'POST', path: '/', uploads: 'media' },
  { plugin: 'upload', router: 'admin', method: 'POST', path: '/files', uploads: 'media' },
  { plugin: 'upload', router: 'admin', method: 'POST', path: '/files/:id/replace', uploads: 'media' },
  { plugin: 'upload', router: 'content-api', method: 'POST', path: '/', uploads: 'media' },
];

/** A plugin's routers as Strapi holds them before routing starts: objects, or factories called then. */
type RouterEntry = Core.RouterInput | ((params: { strapi: Core.Strapi }) => Core.RouterInput);

const routeKey = (method: string, path: string) => `${method} ${path}`;

/** The path the router serves a route at: the REST prefix for the content API, then the plugin's. */
function fullPath(strapi: Core.Strapi, route: FileRoute): string {
  const api = route.router === 'content-api' ? (strapi.config.get('api.rest.prefix', '/api') as string) : '';
  return `${api}/${route.plugin}${route.path === '/' ? '' : route.path}`;
}

/** `METHOD /full/path` of every route that takes files. */
export const fileEndpoints = (strapi: Core.Strapi): ReadonlySet<string> => new Set(FILE_ROUTES.map((route) => routeKey(route.method, fullPath(strapi, route))));

/**
 * The parsers given to routes. Route objects are module state, shared by every Strapi started in
 * one process (tests start several): a new Strapi's parser replaces the last one's.
 */
const parsers = new WeakSet<Core.MiddlewareHandler>();

/** In `register()`: gives each route that takes files its parser, as a route middleware. */
export function attachMultipartParsers(strapi: Core.Strapi): void {
  const decorate = (plugin: string, routerName: string, router: Core.RouterInput): Core.RouterInput => {
    for (const route of router.routes) {
      const fileRoute = FILE_ROUTES.find(
        (candidate) => candidate.plugin === plugin && candidate.router === routerName && candidate.method === route.method && candidate.path === route.path,
      );
      if (!fileRoute) continue;
      const others = (route.config?.middlewares ?? []).filter((middleware) => typeof middleware === 'string' || !parsers.has(middleware));
      const parser = createMultipartParser(strapi, fileRoute.uploads);
      parsers.add(parser);
      route.config = { ...route.config, middlewares: [...others, parser] };
    }
    return router;
  };
  for (const plugin of new Set(FILE_ROUTES.map((route) => route.plugin))) {
    // Strapi types a plugin's routers as objects; the upload plugin's content API is a factory.
    const routers = strapi.plugin(plugin).routes as unknown as Record<string, RouterEntry>;
    for (const [name, entry] of Object.entries(routers)) {
      routers[name] = typeof entry === 'function' ? (params) => decorate(plugin, name, entry(params)) : decorate(plugin, name, entry);
    }
  }
}

/** After routing is set up: every route listed exists, or the server does not start. */
export function assertFileRoutesExist(strapi: Core.Strapi): void {
  const served = new Set(
    [strapi.server.api('content-api'), strapi.server.api('admin')].flatMap((api) =>
      api.listRoutes().flatMap((layer: { path: string; methods: string[] }) => layer.methods.map((method) => routeKey(method, layer.path))),
    ),
  );
  const missing = [...fileEndpoints(strapi)].filter((endpoint) => !served.has(endpoint));
  if (missing.length > 0) throw new Error(`segnalazioni: routes that take files not found: ${missing.join(', ')}`);
}

/** Whether the route this request is routed to takes files. */
export function routeTakesFiles(strapi: Core.Strapi, endpoints: ReadonlySet<string>, method: string, path: string): boolean {
  const matched: { pathAndMethod: Array<{ path: string; methods: string[] }> } = strapi.server.router.match(path, method);
  const route = matched.pathAndMethod.find((layer) => layer.methods.length > 0);
  return route !== undefined && endpoints.has(routeKey(method, route.path));
}
