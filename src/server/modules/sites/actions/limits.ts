import type { Role } from "../../../../contracts/tenancy";
import { ROLES } from "../../../../contracts/tenancy";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { siteLimitsRepository } from "../sites.repository";

const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== "candidate" && r !== "platform_admin");

/**
 * The sites the calling staff member is limited to in the organisation, as site ids; empty
 * means no limit (all its sites). The platform administrator is never limited. Whether the
 * caller may work with the organisation at all is the asking module's decision: this only
 * narrows what they see there.
 */
export async function siteLimitsOf(store: Store, caller: Caller, organisationId: string): Promise<string[]> {
  if (caller.isPlatformAdmin) return [];
  const scope = await caller.scopeAs(STAFF_ROLES, null, { teamEmployers: "kept" });
  return store.bind(scope, siteLimitsRepository).limitsOf(caller.userId(), organisationId);
}
