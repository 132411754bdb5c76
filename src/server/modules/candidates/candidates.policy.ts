import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";

/**
 * Staff who look at candidate profiles (decision 0011): account managers and org admins of
 * municipalities and agencies, employer contacts (the Kansenportaal's candidates overview), and
 * the platform administrator. HR officers, selection officers, jury members and referrers do
 * not browse candidates.
 */
export const CANDIDATE_STAFF_ROLES = [
  "platform_admin",
  "org_admin",
  "account_manager",
  "employer_contact",
] as const satisfies readonly Role[];

/**
 * Route-level access; which candidate a staff member may see is decided per portal by the caller
 * (`caller.portalCandidates()`: their organisation is at home on the request's portal).
 */
export const candidatesPolicy = {
  candidate: { roles: ["candidate"] },
  staff: { roles: CANDIDATE_STAFF_ROLES },
  /** Registering job seekers (municipality practice). */
  registerJobSeekers: { roles: ["account_manager", "org_admin"] },
} as const satisfies Record<string, Access>;

/**
 * Whose contact details "Contactgegevens" shows. The candidate's own when they chose direct
 * contact; otherwise their account manager's, except to that account manager, who is the
 * go-between the candidate chose and needs the candidate's details to do that job.
 */
export function contactDetailsOf(
  candidate: { contactPreference: "direct" | "account_manager"; accountManagerUserId: string | null },
  viewerUserId: string,
): "candidate" | "account_manager" {
  if (candidate.contactPreference === "direct") return "candidate";
  if (candidate.accountManagerUserId !== null && candidate.accountManagerUserId === viewerUserId) {
    return "candidate";
  }
  return "account_manager";
}
