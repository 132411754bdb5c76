import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db";
import type { OrganisationScope } from "../../platform/tenancy";
import { organisations, portals, users } from "../tenancy/tenancy.schema";
import { invitations } from "./identity.schema";

export type InvitationRow = typeof invitations.$inferSelect;
export type NewInvitationRow = typeof invitations.$inferInsert;

const withContext = {
  invitation: invitations,
  organisationName: organisations.name,
  portalNameNl: portals.nameNl,
  portalNameEn: portals.nameEn,
  portalSlug: portals.slug,
  portalParentId: portals.parentId,
  inviterName: users.name,
  inviterEmail: users.email,
};

function selectWithContext(db: Db) {
  return db
    .select(withContext)
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .innerJoin(portals, eq(portals.id, organisations.homePortalId))
    .innerJoin(users, eq(users.id, invitations.invitedByUserId));
}
export type InvitationWithContext = Awaited<
  ReturnType<ReturnType<typeof selectWithContext>["execute"]>
>[number];

export async function insertInvitation(db: Db, row: NewInvitationRow): Promise<InvitationRow> {
  const [created] = await db.insert(invitations).values(row).returning();
  return created!;
}

export async function listInvitations(db: Db, scope: OrganisationScope): Promise<InvitationWithContext[]> {
  if (scope.organisationIds.length === 0) return [];
  return selectWithContext(db)
    .where(inArray(invitations.organisationId, [...scope.organisationIds]))
    .orderBy(desc(invitations.createdAt));
}

export async function findInvitation(
  db: Db,
  scope: OrganisationScope,
  id: string,
): Promise<InvitationWithContext | null> {
  if (scope.organisationIds.length === 0) return null;
  const [row] = await selectWithContext(db)
    .where(and(eq(invitations.id, id), inArray(invitations.organisationId, [...scope.organisationIds])))
    .limit(1);
  return row ?? null;
}

/** By the hash of the token in the link: the invitee has no tenant scope yet, the token is it. */
export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<InvitationWithContext | null> {
  const [row] = await selectWithContext(db).where(eq(invitations.tokenHash, tokenHash)).limit(1);
  return row ?? null;
}

export async function findPendingFor(
  db: Db,
  email: string,
  organisationId: string,
): Promise<InvitationRow | null> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.email, email),
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  return row && row.expiresAt > new Date() ? row : null;
}

export async function updateInvitation(
  db: Db,
  scope: OrganisationScope,
  id: string,
  patch: Partial<Pick<NewInvitationRow, "tokenHash" | "expiresAt" | "lastSentAt" | "revokedAt">>,
): Promise<void> {
  if (scope.organisationIds.length === 0) return;
  await db
    .update(invitations)
    .set(patch)
    .where(and(eq(invitations.id, id), inArray(invitations.organisationId, [...scope.organisationIds])));
}
