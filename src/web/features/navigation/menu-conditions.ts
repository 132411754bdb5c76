import { useQuery } from "@tanstack/react-query";
import { referralReachQuery } from "../referrals/referrals-api";
import { managedSiteOrganisationsQuery } from "../sites/sites-api";
import type { MenuCondition, MenuRole } from "./menu";

/** Roles whose menu may hold "Locaties" and "Verwijzingen": those who may manage an organisation. */
const MANAGING_ROLES: ReadonlySet<MenuRole> = new Set([
  "platform_admin",
  "org_admin",
  "account_manager",
  "employer_contact",
  "selection_officer",
]);

/**
 * Which conditional menu items lead somewhere for the caller (no dead ends): "Urenstaten" for a
 * placed candidate, "Locaties" for someone who manages an organisation's sites, "Verwijzingen"
 * for someone whose organisations take referrals.
 */
export function useMenuConditions(role: MenuRole, placed: boolean): Record<MenuCondition, boolean> {
  const managing = MANAGING_ROLES.has(role);
  const sites = useQuery({ ...managedSiteOrganisationsQuery, enabled: managing, staleTime: 60_000 });
  const referrals = useQuery({ ...referralReachQuery, enabled: managing });
  return {
    placed,
    sites: (sites.data?.length ?? 0) > 0,
    referrals: referrals.data?.works ?? false,
  };
}
