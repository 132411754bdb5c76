import type { Role } from "../../../contracts/tenancy";
import type { OrgScope, PlatformScope } from "../../platform/scope";
import type { Caller } from "../tenancy";

/**
 * Where the caller may invite (and see and manage invitations): org admins into their
 * organisations (whole families), account managers contact persons into the employers their
 * team keeps or their portal shares; the platform administrator anywhere. With `role`, only the
 * organisations where that role may be given.
 */
export async function invitationScope(caller: Caller, role?: Role): Promise<OrgScope | PlatformScope> {
  if (caller.isPlatformAdmin) return caller.scopeAs([]);
  const contactsToo =
    (role === undefined || role === "employer_contact") && caller.hasRole("account_manager");
  if (!contactsToo) return caller.scopeAs(["org_admin"]);
  const allowed = await caller.scopeAs(["org_admin", "account_manager"], null, { teamEmployers: "shared" });
  const admin = await caller.organisationsAs(["org_admin"]);
  const employers = await caller.teamEmployers({ includeShared: true });
  return caller.narrow(allowed, [...admin, ...employers]);
}
