import type { PlacementState } from "../../../contracts/placements";
import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";

/** The recruiters: the team that keeps the employer (its account managers and org admins). */
export const RECRUITER_ROLES = [
  "platform_admin",
  "org_admin",
  "account_manager",
] as const satisfies readonly Role[];
/** Those who decide weeks: the placement's contact persons, or the recruiters. */
export const APPROVER_ROLES = [...RECRUITER_ROLES, "employer_contact"] as const satisfies readonly Role[];

/** Route-level access; which placement and week a caller reaches is decided by the scopes. */
export const placementsPolicy = {
  recruiter: { roles: RECRUITER_ROLES },
  candidate: { roles: ["candidate"] },
  approver: { roles: APPROVER_ROLES },
  contact: { roles: ["employer_contact"] },
  /** Reading one week: its candidate, its contacts, the recruiters. */
  reader: { roles: [...APPROVER_ROLES, "candidate"] },
} as const satisfies Record<string, Access>;

export interface PlacementTerms {
  startDate: string;
  endDate: string | null;
  needsClientApproval: boolean;
  rateCents: number | null;
  nonBillable: boolean;
}

/** Not started yet, running (the end date is empty or today or later), or over. */
export function placementState(
  p: Pick<PlacementTerms, "startDate" | "endDate">,
  today: string,
): PlacementState {
  if (p.startDate > today) return "upcoming";
  if (p.endDate !== null && p.endDate < today) return "ended";
  return "active";
}

/** A rate that may be invoiced: one was agreed, above zero, and the hours are billable. */
export function hasBillableRate(p: Pick<PlacementTerms, "rateCents" | "nonBillable">): boolean {
  return !p.nonBillable && p.rateCents !== null && p.rateCents > 0;
}

/**
 * Carerix: the placement's contact persons see the submitted weeks (and decide them) only when
 * 1. the start date has passed and the end date is empty or still to come, 2. client approval
 * of the weeks is needed, and 3. there is a valid rate (not "niet factureerbaar"). Otherwise the
 * recruiters decide the weeks themselves.
 */
export function approvedByContacts(p: PlacementTerms, today: string): boolean {
  return placementState(p, today) === "active" && p.needsClientApproval && hasBillableRate(p);
}

/** Weeks the candidate may still change: a draft, or a rejected week to correct. */
export function isEditable(status: string | null): boolean {
  return status === null || status === "draft" || status === "rejected";
}
