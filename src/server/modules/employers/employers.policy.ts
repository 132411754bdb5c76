import type { AccessStatus } from "../../../contracts/employers";
import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";
import { reaches, type TenantScope } from "../../platform/scope";
import type { Caller } from "../tenancy";
import type { AccessFacts, ContactPersonRow } from "./contact-persons.repository";

/**
 * The employers CRM is for the people who look after employers: account managers and org
 * admins of municipalities and agencies, and the platform administrator. Which employers each
 * sees and changes is decided per employer (decision 0010).
 */
export const employersPolicy = {
  crm: { roles: ["platform_admin", "org_admin", "account_manager"] },
} as const satisfies Record<string, Access>;

const TEAM_ROLES: readonly Role[] = ["account_manager", "org_admin"];
/** No organisation of the caller's own: the team's organisations are not employers in its CRM. */
const EMPLOYERS_ONLY: readonly Role[] = [];

/** The scopes of the CRM, all from the caller (decision 0010); the administrator's is the platform. */
export interface CrmScopes {
  /** The employers the caller sees: those the team keeps and, where the portal shares them, the others. */
  read: TenantScope;
  /** The employers the caller may change: those the team keeps (sharing never gives the right to change). */
  write: TenantScope;
  /** The caller's own organisations (the team), whose account managers may be assigned. */
  team: TenantScope;
  /** The team with the employers it sees: where the work of its people is counted. */
  work: TenantScope;
}

export async function crmScopesOf(caller: Caller): Promise<CrmScopes> {
  const [read, write, team, work] = await Promise.all([
    caller.scopeAs(EMPLOYERS_ONLY, null, { teamEmployers: "shared" }),
    caller.scopeAs(EMPLOYERS_ONLY, null, { teamEmployers: "kept" }),
    caller.scopeAs(TEAM_ROLES),
    caller.scopeAs(TEAM_ROLES, null, { teamEmployers: "shared" }),
  ]);
  return { read, write, team, work };
}

/** Whether the caller may change this employer (edit, contacts, archive, delete). */
export function mayChange(scopes: CrmScopes, employerId: string): boolean {
  return reaches(scopes.write, employerId);
}

/** What the caller may do with an employer they see. */
export function employerPermissions(scopes: CrmScopes, employer: { id: string; archivedAt: Date | null }) {
  const write = mayChange(scopes, employer.id);
  // Deleting is only from the archive (HalloWerk: "je kunt de gegevens dan niet meer opvragen").
  return { edit: write, archive: write, delete: write && employer.archivedAt !== null };
}

export interface ContactAccess {
  status: AccessStatus;
  invitationId: string | null;
  invitedAt: string | null;
  expiresAt: string | null;
  userId: string | null;
  lastSignInAt: string | null;
}

/**
 * A contact person's access: active with an account holding the employer_contact role, otherwise
 * what their newest invitation says (an accepted invitation without the role was revoked since).
 */
export function contactAccess(contact: ContactPersonRow, facts: AccessFacts, now: Date): ContactAccess {
  const email = contact.email?.toLowerCase() ?? null;
  const active =
    (contact.userId && facts.activeByUserId.has(contact.userId)) || (email && facts.activeByEmail.has(email));
  const invite = email ? facts.invitationByEmail.get(email) : undefined;
  let status: AccessStatus = "none";
  if (active) status = "active";
  else if (invite) {
    if (invite.revokedAt) status = "revoked";
    else if (invite.acceptedAt) status = "revoked";
    else if (invite.expiresAt <= now) status = "expired";
    else status = "invited";
  }
  const activeUser = email ? facts.activeByEmail.get(email) : undefined;
  return {
    status,
    invitationId: invite?.id ?? null,
    invitedAt: invite?.lastSentAt.toISOString() ?? null,
    expiresAt: invite?.expiresAt.toISOString() ?? null,
    userId: activeUser?.userId ?? contact.userId ?? null,
    lastSignInAt: activeUser?.lastSignInAt?.toISOString() ?? null,
  };
}

/** Whether a contact still has access or a pending invitation (archive, delete and removal wait). */
export function holdsAccess(access: { status: AccessStatus }): boolean {
  return access.status === "active" || access.status === "invited";
}

/**
 * Who in the employer's family still has access or a pending invitation: named contacts, and
 * accounts with the role but without a contact person record (by e-mail).
 */
export function peopleWithAccess(contacts: ContactPersonRow[], facts: AccessFacts, now: Date): string[] {
  const named = contacts.filter((c) => holdsAccess(contactAccess(c, facts, now))).map((c) => c.name);
  const known = new Set(contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])));
  for (const email of facts.activeByEmail.keys()) if (!known.has(email)) named.push(email);
  return named;
}
