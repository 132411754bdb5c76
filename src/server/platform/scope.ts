/**
 * Tenant scopes (decision 0014). Every repository function over tenant-owned rows takes one of
 * these as a required argument. They are branded: the brand is a type-only symbol, so no object
 * literal and no module can make one; only `scope-mint.ts` can, and the architecture test allows
 * that file to be imported by the caller (`modules/tenancy/caller.ts`) and by the named system
 * scopes below alone. A scope is therefore always derived from who is calling.
 */
import { mint } from "./scope-mint";

declare const minted: unique symbol;
interface Minted {
  readonly [minted]: true;
}

/** The organisations the caller acts for, each a whole family (departments and branches). */
export interface OrgScope extends Minted {
  readonly kind: "organisations";
  readonly organisationIds: readonly string[];
}

/**
 * The whole platform, always named: the platform administrator, a background job, the event
 * dispatcher, seeding or a test. Never `{ all: true }` written by hand.
 */
export interface PlatformScope extends Minted {
  readonly kind: "platform";
  readonly actor: SystemActor | "platform_admin";
}

export type SystemActor = "job" | "events" | "seed" | "test" | "bench";

/** A person's own candidate rows (one per portal they registered on). */
export interface SelfScope extends Minted {
  readonly kind: "self";
  readonly userId: string;
  readonly candidateIds: readonly string[];
}

/** Staff looking at the candidates visible through one portal (the national one sees all). */
export interface PortalScope extends Minted {
  readonly kind: "portal";
  readonly portalId: string;
  readonly national: boolean;
  /** The organisation the staff member acts for there; null for the platform administrator. */
  readonly organisationId: string | null;
}

/**
 * Rows that belong to no tenant (portals, reference data, the public job board's published
 * vacancies): still passed explicitly, so a reader sees that the query is meant to be global.
 */
export interface PublicScope extends Minted {
  readonly kind: "public";
}

export type TenantScope = OrgScope | PlatformScope;
/** A person's own candidate rows, or the system's (jobs, event subscribers). */
export type OwnScope = SelfScope | PlatformScope;
/** Own candidate rows, or staff reaching one visible candidate's rows through a portal. */
export type CandidateReach = SelfScope | PortalScope | PlatformScope;
export type AnyScope = OrgScope | PlatformScope | SelfScope | PortalScope | PublicScope;

export function isPlatform(scope: AnyScope): scope is PlatformScope {
  return scope.kind === "platform";
}

/** The organisation ids a tenant scope reaches, or "all" for the platform. */
export function organisationsOf(scope: TenantScope): readonly string[] | "all" {
  return scope.kind === "platform" ? "all" : scope.organisationIds;
}

/** Whether a tenant scope reaches this organisation. */
export function reaches(scope: TenantScope, organisationId: string): boolean {
  return scope.kind === "platform" || scope.organisationIds.includes(organisationId);
}

/** For rows that belong to no tenant; anyone may pass it. */
export const publicScope: PublicScope = mint.public;
