import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Role } from "../../../contracts/tenancy";
import { type Principal, principalOf } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { OrgScope, PlatformScope, PortalScope, SelfScope } from "../../platform/scope";
import { mint } from "../../platform/scope-mint";
import {
  candidateIdsOfUser,
  employersKeptBy,
  type MembershipFact,
  membershipFactsOf,
} from "./caller.repository";
import type { PortalRow } from "./tenancy.repository";

export type { MembershipFact };

/** Staff roles that look at candidates through a portal (decision 0011). */
const PORTAL_STAFF_ROLES: readonly Role[] = ["org_admin", "account_manager", "employer_contact"];
const TEAM_ROLES: readonly Role[] = ["account_manager", "org_admin"];

/**
 * Who is calling (decision 0014): resolved once per request and cached on it. Every scope a
 * service passes to a repository comes from here, derived from the caller's own memberships;
 * nothing else can make one.
 */
export interface Caller {
  readonly principal: Principal | null;
  /** The portal the request's host resolves to (null on an unknown subdomain). */
  readonly portal: PortalRow | null;
  readonly isPlatformAdmin: boolean;
  /** The signed-in user's id; 401 for a visitor. */
  userId(): string;
  hasRole(...roles: readonly Role[]): boolean;
  memberships(): Promise<readonly MembershipFact[]>;
  /**
   * The organisation families where the caller holds one of the roles, optionally only the
   * memberships that pass `where` (e.g. contacts who may manage vacancies).
   */
  organisationsAs(
    roles: readonly Role[],
    where?: ((m: MembershipFact) => boolean) | null,
  ): Promise<readonly string[]>;
  /**
   * A scope over those organisations, plus (with `teamEmployers`) the employers the caller's team
   * keeps ("kept") or also those the portal's sharing rule shows ("shared"); the platform
   * administrator's is the named platform scope.
   */
  scopeAs(
    roles: readonly Role[],
    where?: ((m: MembershipFact) => boolean) | null,
    options?: { teamEmployers?: "kept" | "shared" },
  ): Promise<OrgScope | PlatformScope>;
  /** The organisations (families) where the caller is account manager or org admin. */
  team(): Promise<readonly string[]>;
  /**
   * The employers the caller's team keeps (managed by the team or looked after by one of its
   * account managers); with `includeShared`, also those the portal's sharing rule shows.
   */
  teamEmployers(options: { includeShared: boolean }): Promise<readonly string[]>;
  /** A scope over exactly these organisations, each of which must be in `allowed` (else 403). */
  narrow(allowed: OrgScope | PlatformScope, organisationIds: readonly string[]): OrgScope | PlatformScope;
  /** The caller's own candidate rows; `fresh` reads them again (after one was created). */
  self(options?: { fresh?: boolean }): Promise<SelfScope>;
  /**
   * Staff looking at candidates through the request's portal: their organisation is at home
   * there, or they are the platform administrator. Null when neither.
   */
  portalCandidates(): Promise<PortalScope | null>;
}

export interface CallerDeps {
  db: Db;
  principal: Principal | null;
  portal: PortalRow | null;
  /** The principal's memberships when already loaded (by the sign-in hook), so they are read once. */
  memberships?: Promise<MembershipFact[]> | undefined;
}

export function createCaller({ db, principal, portal, memberships: loaded }: CallerDeps): Caller {
  let facts: Promise<MembershipFact[]> | null = loaded ?? null;
  let selfScope: Promise<SelfScope> | null = null;
  const kept = new Map<boolean, Promise<string[]>>();
  const isPlatformAdmin = principal?.roles.includes("platform_admin") ?? false;

  const userId = () => {
    if (!principal) throw new AppError("unauthenticated");
    return principal.userId;
  };
  const memberships = () => {
    if (!principal) return Promise.resolve([]);
    facts ??= membershipFactsOf(db, principal.userId);
    return facts;
  };
  const organisationsAs = async (roles: readonly Role[], where?: ((m: MembershipFact) => boolean) | null) => {
    const ids = new Set<string>();
    for (const m of await memberships())
      if (roles.includes(m.role) && m.organisationId && (!where || where(m)))
        for (const id of m.family) ids.add(id);
    return [...ids];
  };
  const team = () => organisationsAs(TEAM_ROLES);
  const teamEmployers = ({ includeShared }: { includeShared: boolean }) => {
    let found = kept.get(includeShared);
    if (!found) {
      found = team().then((t) => employersKeptBy(db, t, includeShared));
      kept.set(includeShared, found);
    }
    return found;
  };

  return {
    principal,
    portal,
    isPlatformAdmin,
    userId,
    hasRole: (...roles) => principal?.roles.some((r) => roles.includes(r)) ?? false,
    memberships,
    organisationsAs,
    async scopeAs(roles, where, options) {
      if (isPlatformAdmin) return mint.platform("platform_admin");
      const own = await organisationsAs(roles, where);
      const extra = options?.teamEmployers
        ? await teamEmployers({ includeShared: options.teamEmployers === "shared" })
        : [];
      return mint.organisations([...own, ...extra]);
    },
    team,
    teamEmployers,
    narrow(allowed, organisationIds) {
      if (
        allowed.kind === "organisations" &&
        organisationIds.some((id) => !allowed.organisationIds.includes(id))
      )
        throw new AppError("forbidden");
      return mint.organisations(organisationIds);
    },
    self(options) {
      const id = userId();
      if (!selfScope || options?.fresh)
        selfScope = candidateIdsOfUser(db, id).then((ids) => mint.self(id, ids));
      return selfScope;
    },
    async portalCandidates() {
      if (!principal || !portal) return null;
      const national = portal.parentId === null;
      const here = (await memberships()).find(
        (m) =>
          PORTAL_STAFF_ROLES.includes(m.role) && m.organisationId !== null && m.homePortalId === portal.id,
      );
      if (here) return mint.portal(portal.id, national, here.organisationId);
      if (isPlatformAdmin) return mint.portal(portal.id, national, null);
      return null;
    },
  };
}

const callers = new WeakMap<FastifyRequest, Caller>();
const loadedMemberships = new WeakMap<FastifyRequest, Promise<MembershipFact[]>>();

/**
 * The memberships of the user signing this request, read once: the identity hook needs them
 * for the principal's roles, and the caller made later on the same request reuses them.
 */
export function requestMemberships(request: FastifyRequest, userId: string): Promise<MembershipFact[]> {
  let found = loadedMemberships.get(request);
  if (!found) {
    found = membershipFactsOf(dbOf(request), userId);
    loadedMemberships.set(request, found);
  }
  return found;
}

/**
 * The caller of this request, made on first use and then kept with the request. `registerCaller`
 * (tenancy routes) provides the database; the principal and portal come from the hooks that ran.
 */
export function callerOf(request: FastifyRequest): Caller {
  let caller = callers.get(request);
  if (!caller) {
    const db = dbOf(request);
    const principal = principalOf(request);
    caller = createCaller({
      db,
      principal,
      portal: request.portal?.row ?? null,
      memberships: principal ? loadedMemberships.get(request) : undefined,
    });
    callers.set(request, caller);
  }
  return caller;
}

// Keyed by the Node HTTP server, which every encapsulated Fastify context of one app shares.
const databases = new WeakMap<object, Db>();

/** Tells `callerOf` which database this app's requests use. */
export function provideCallerDatabase(app: FastifyInstance, db: Db): void {
  databases.set(app.server, db);
}

function dbOf(request: FastifyRequest): Db {
  const db = databases.get(request.server.server);
  if (!db) throw new Error("callerOf: the tenancy routes did not provide a database");
  return db;
}
