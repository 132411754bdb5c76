import { MATERIAL_MANAGER_ROLES as MANAGER_ROLES } from "../../../contracts/onboarding";
import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";
import { VACANCY_STAFF_ROLES } from "../vacancies";
import { STAFF_ROLES as OWN_STAFF_ROLES } from "./onboarding.repository";

export const MATERIAL_MANAGER_ROLES = MANAGER_ROLES satisfies readonly Role[];
export const STAFF_ROLES = OWN_STAFF_ROLES;

/** Whether an e-mail address is in one of the organisation's own domains (or a subdomain of one). */
export function isInternalEmail(email: string | null, domains: readonly string[]): boolean {
  const domain = email?.toLowerCase().split("@")[1];
  if (!domain) return false;
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** Whether a material may be opened on `today` by someone starting on `startDate`. */
export function materialAvailable(
  availability: "before_first_day" | "from_first_day",
  startDate: string | null,
  today: string,
): boolean {
  if (availability === "before_first_day") return true;
  return startDate !== null && today >= startDate;
}

/**
 * Route-level access. A vacancy's hires are read and managed by its staff (the applicants
 * module decides who, per vacancy); the onboarding page belongs to the organisations' staff
 * (their own actions), material to those who manage it, the new employee's page to candidates.
 */
export const onboardingPolicy = {
  vacancy: { roles: VACANCY_STAFF_ROLES },
  staff: { roles: STAFF_ROLES },
  materials: { roles: MATERIAL_MANAGER_ROLES },
  candidate: { roles: ["candidate"] },
} as const satisfies Record<string, Access>;
