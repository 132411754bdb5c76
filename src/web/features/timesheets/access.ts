import type { Role } from "../../../contracts/tenancy";
import { menuRoleOnSide, type Side } from "../navigation/menu";

/**
 * Which "Urenstaten" someone sees: a placed candidate fills in weeks; an employer's contact
 * person decides them and chooses how they hear of new ones; recruiters decide the weeks of their
 * placements that no contact decides (the same list, without the contact's mail setting).
 */
export type TimesheetsView = "candidate" | "contact" | "recruiter";

export function timesheetsView(roles: readonly Role[], side: Side): TimesheetsView | null {
  const role = menuRoleOnSide(roles, side);
  if (role === "candidate") return "candidate";
  if (role === "employer_contact") return "contact";
  if (role === "account_manager" || role === "org_admin" || role === "platform_admin") return "recruiter";
  return null;
}
