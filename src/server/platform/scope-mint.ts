import type { OrgScope, PlatformScope, PortalScope, PublicScope, SelfScope, SystemActor } from "./scope";

/**
 * The only place scopes are made. Imported only by the caller (`modules/tenancy/caller.ts`) and
 * `system-scope.ts`; the architecture test fails on any other import and on any cast to a scope.
 */
export const mint = {
  organisations: (organisationIds: readonly string[]): OrgScope =>
    Object.freeze({
      kind: "organisations",
      organisationIds: Object.freeze([...new Set(organisationIds)]),
    }) as OrgScope,
  platform: (actor: SystemActor | "platform_admin"): PlatformScope =>
    Object.freeze({ kind: "platform", actor }) as PlatformScope,
  self: (userId: string, candidateIds: readonly string[]): SelfScope =>
    Object.freeze({ kind: "self", userId, candidateIds: Object.freeze([...candidateIds]) }) as SelfScope,
  portal: (portalId: string, national: boolean, organisationId: string | null): PortalScope =>
    Object.freeze({ kind: "portal", portalId, national, organisationId }) as PortalScope,
  public: Object.freeze({ kind: "public" }) as PublicScope,
};
