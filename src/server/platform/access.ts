import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify";
import type { Role } from "../../contracts/tenancy";
import { AppError } from "./errors";

/**
 * Who may call a route. Every route must say it (house rule 1); registering one without it
 * fails at start-up, so a forgotten declaration can never ship.
 * - "public": anyone, signed in or not.
 * - "development": only when NODE_ENV is not production (developer pages such as the outbox).
 * - "signed-in": any signed-in user, also a staff member who has not set up a second factor
 *   yet (the set-up page and "who am I" need this).
 * - { roles }: a signed-in user holding one of the roles, with a second factor if staff.
 */
export type Access = "public" | "development" | "signed-in" | { roles: readonly Role[] };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Routes that plugins register themselves (documentation UI and its assets); public by nature. */
const pluginOwnedPrefixes = ["/api/docs"];

export function accessOf(route: Pick<RouteOptions, "config">): Access | undefined {
  return (route.config as { access?: Access } | undefined)?.access;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route the app registered, with who may call it (for tests and audits). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? [];
}

export function enforceRouteAccessDeclarations(app: FastifyInstance): void {
  const list: DeclaredRoute[] = [];
  declared.set(app, list);
  app.addHook("onRoute", (route) => {
    const method = String(route.method);
    const access = accessOf(route);
    if (access) {
      list.push({ method, url: route.url, access });
      return;
    }
    // @fastify/static marks the routes it creates for the built web app with `rootPath`.
    const staticFile = typeof (route.config as { rootPath?: unknown } | undefined)?.rootPath === "string";
    if (staticFile || pluginOwnedPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...(route.config ?? {}), access: "public" } as typeof route.config;
      list.push({ method, url: route.url, access: "public" });
      return;
    }
    throw new Error(
      `Route ${String(route.method)} ${route.url} does not declare who may call it (config.access)`,
    );
  });
}

/** The signed-in user as the identity layer will provide it; null until then. */
export interface Principal {
  userId: string;
  roles: readonly Role[];
  /** Staff must use a second factor; until it is set up they reach only the set-up page. */
  needsTwoFactorSetup?: boolean;
}

export function principalOf(request: FastifyRequest): Principal | null {
  return (request as FastifyRequest & { principal?: Principal | null }).principal ?? null;
}

/** The signed-in caller of a route that needs one; 401 for visitors. */
export function requirePrincipal(request: FastifyRequest): Principal {
  const principal = principalOf(request);
  if (!principal) throw new AppError("unauthenticated");
  return principal;
}

export function authorise(request: FastifyRequest, access: Access, production: boolean): void {
  if (access === "public") return;
  if (access === "development") {
    if (production) throw new AppError("not_found");
    return;
  }
  const principal = principalOf(request);
  if (!principal) throw new AppError("unauthenticated");
  if (access === "signed-in") return;
  if (principal.needsTwoFactorSetup) throw new AppError("two_factor_required");
  if (!principal.roles.some((r) => access.roles.includes(r))) throw new AppError("forbidden");
}
