import type { Invitation } from "../../../contracts/identity";
import type { InvitationRow, InvitationWithContext } from "./invitations.repository";

export function statusOf(row: InvitationRow, now = new Date()): Invitation["status"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}

export function presentInvitation(row: InvitationWithContext): Invitation {
  const i = row.invitation;
  return {
    id: i.id,
    email: i.email,
    organisationId: i.organisationId,
    organisationName: row.organisationName,
    role: i.role as Invitation["role"],
    mayManageVacancies: i.mayManageVacancies,
    status: statusOf(i),
    // Invitations mailed before the outbox have no event: they were sent inline.
    delivery: row.delivery ?? "sent",
    invitedBy: { name: row.inviterName, email: row.inviterEmail },
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    lastSentAt: i.lastSentAt.toISOString(),
  };
}
