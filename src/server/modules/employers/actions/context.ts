import type { CreateInvitationRequest } from "../../../../contracts/identity";
import { AppError } from "../../../platform/errors";
import type { DomainEventInput, Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import type { CompanyRegistry } from "../company-registry";
import { type CrmScopes, crmScopesOf, mayChange } from "../employers.policy";
import { type EmployerRow, employersRepository } from "../employers.repository";

/**
 * The identity module's invitations, as the CRM uses them: inviting a contact person, sending
 * the invitation again and withdrawing it are that module's actions (and its mail).
 */
export interface ContactInvitations {
  create(caller: Caller, input: CreateInvitationRequest): Promise<unknown>;
  resend(caller: Caller, invitationId: string): Promise<unknown>;
  revoke(caller: Caller, invitationId: string): Promise<unknown>;
}

export interface EmployerDeps {
  store: Store;
  registry: CompanyRegistry;
  invitations: ContactInvitations;
}

/** An employer the caller sees (a top-level one: departments show on their employer's page). */
export async function readable(
  { store }: EmployerDeps,
  caller: Caller,
  id: string,
): Promise<{ scopes: CrmScopes; employer: EmployerRow }> {
  const scopes = await crmScopesOf(caller);
  const employer = await store.bind(scopes.read, employersRepository).find(id);
  if (!employer || employer.parentId !== null) throw new AppError("not_found");
  return { scopes, employer };
}

/** An employer the caller may change: 404 when out of sight, 403 when only shared with them. */
export async function writable(deps: EmployerDeps, caller: Caller, id: string) {
  const found = await readable(deps, caller, id);
  if (!mayChange(found.scopes, id)) throw new AppError("forbidden");
  return found;
}

/** The envelope of an event about this employer, done by the caller. */
export function aboutEmployer(
  caller: Caller,
  employer: Pick<EmployerRow, "id" | "homePortalId">,
  event: { type: string; subject?: Record<string, string>; payload: Record<string, unknown> },
): DomainEventInput {
  return {
    type: event.type,
    organisationId: employer.id,
    portalId: employer.homePortalId,
    subject: { employerId: employer.id, ...event.subject },
    actorUserId: caller.userId(),
    payload: event.payload,
  };
}
