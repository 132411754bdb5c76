import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db";
import type { PortalScope } from "../../platform/tenancy";
import type { CandidateScope } from "../matches/matches.repository";
import { memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import {
  candidateDocuments,
  candidatePhotos,
  candidatePortalVisibility,
  candidates,
  contactDetailViews,
} from "./candidates.schema";

export type { CandidateScope };
export type CandidateRow = typeof candidates.$inferSelect;
export type NewCandidateRow = typeof candidates.$inferInsert;
export type CandidateDocumentRow = typeof candidateDocuments.$inferSelect;
export type CandidatePhotoRow = typeof candidatePhotos.$inferSelect;
export type PortalVisibilityRow = typeof candidatePortalVisibility.$inferSelect;

/**
 * Staff look at candidates through a portal: the candidates who chose to be visible there.
 * On the national portal that is every candidate visible on any portal (decision 0011).
 */
export interface VisibleOnPortalScope extends PortalScope {
  readonly national: boolean;
}

function owned(scope: CandidateScope, column: AnyPgColumn = candidates.id): SQL {
  return scope.candidateIds.length === 0 ? sql`false` : inArray(column, [...scope.candidateIds]);
}

/** WHERE clause: the candidate is visible in the candidates overview of the scope's portal. */
export function visibleOnPortal(scope: VisibleOnPortalScope): SQL {
  // The own portal's choice is the candidates.visible column; rows for it are its history only.
  // Columns are spelled out: Drizzle leaves them unqualified in a one-table select.
  const elsewhere = (portalClause: SQL | undefined) =>
    sql`exists (select 1 from ${candidatePortalVisibility} v where v.candidate_id = "candidates"."id" and v.visible and v.portal_id <> "candidates"."portal_id"${portalClause ? sql` and ${portalClause}` : sql``})`;
  if (scope.national) return or(eq(candidates.visible, true), elsewhere(undefined))!;
  return or(
    and(eq(candidates.portalId, scope.portalId), eq(candidates.visible, true)),
    elsewhere(sql`v.portal_id = ${scope.portalId}`),
  )!;
}

// ---------------------------------------------------------------------------------------------
// The candidate's own profile

/** The profiles of one person (one per portal they registered on), oldest first. */
export async function candidatesOfUser(db: Db, userId: string): Promise<CandidateRow[]> {
  return db
    .select()
    .from(candidates)
    .where(eq(candidates.userId, userId))
    .orderBy(asc(candidates.createdAt), asc(candidates.id));
}

/** The portals a person holds the candidate role on. */
export async function candidatePortalsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ portalId: memberships.portalId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "candidate")))
    .orderBy(asc(memberships.createdAt));
  return rows.flatMap((r) => (r.portalId ? [r.portalId] : []));
}

export async function insertCandidate(
  db: Db,
  scope: PortalScope,
  row: NewCandidateRow,
): Promise<CandidateRow> {
  if (row.portalId !== scope.portalId) throw new Error("insertCandidate outside the portal");
  const [created] = await db.insert(candidates).values(row).returning();
  return created!;
}

export async function updateCandidate(
  db: Db,
  scope: CandidateScope,
  id: string,
  patch: Partial<NewCandidateRow>,
): Promise<CandidateRow | null> {
  const now = new Date();
  const [row] = await db
    .update(candidates)
    .set({ ...patch, updatedAt: now, profileUpdatedAt: now })
    .where(and(eq(candidates.id, id), owned(scope)))
    .returning();
  return row ?? null;
}

export async function listPortalVisibility(
  db: Db,
  scope: CandidateScope,
  candidateId: string,
): Promise<PortalVisibilityRow[]> {
  return db
    .select()
    .from(candidatePortalVisibility)
    .where(
      and(
        eq(candidatePortalVisibility.candidateId, candidateId),
        owned(scope, candidatePortalVisibility.candidateId),
      ),
    );
}

/**
 * Records the candidate's choice for one portal; for their own portal the explorer's column
 * follows in the same transaction, so the two never disagree.
 */
export async function setPortalVisibility(
  db: Db,
  scope: CandidateScope,
  candidate: Pick<CandidateRow, "id" | "portalId">,
  portalId: string,
  visible: boolean,
): Promise<void> {
  if (!scope.candidateIds.includes(candidate.id))
    throw new Error("setPortalVisibility for another candidate");
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(candidatePortalVisibility)
      .values({ candidateId: candidate.id, portalId, visible, changedAt: now })
      .onConflictDoUpdate({
        target: [candidatePortalVisibility.candidateId, candidatePortalVisibility.portalId],
        set: { visible, changedAt: now },
      });
    if (portalId === candidate.portalId) {
      await tx
        .update(candidates)
        .set({ visible, updatedAt: now })
        .where(and(eq(candidates.id, candidate.id), owned(scope)));
    }
  });
}

export async function listDocuments(
  db: Db,
  scope: CandidateScope,
  candidateId: string,
): Promise<CandidateDocumentRow[]> {
  return db
    .select()
    .from(candidateDocuments)
    .where(and(eq(candidateDocuments.candidateId, candidateId), owned(scope, candidateDocuments.candidateId)))
    .orderBy(asc(candidateDocuments.createdAt), asc(candidateDocuments.id));
}

/** A document of any of the scope's candidates. */
export async function findDocument(
  db: Db,
  scope: CandidateScope,
  id: string,
): Promise<CandidateDocumentRow | null> {
  const [row] = await db
    .select()
    .from(candidateDocuments)
    .where(and(eq(candidateDocuments.id, id), owned(scope, candidateDocuments.candidateId)))
    .limit(1);
  return row ?? null;
}

export async function countDocuments(db: Db, scope: CandidateScope, candidateId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(candidateDocuments)
    .where(
      and(eq(candidateDocuments.candidateId, candidateId), owned(scope, candidateDocuments.candidateId)),
    );
  return Number(row?.n ?? 0);
}

export async function insertDocument(
  db: Db,
  scope: CandidateScope,
  row: typeof candidateDocuments.$inferInsert,
): Promise<CandidateDocumentRow> {
  if (!scope.candidateIds.includes(row.candidateId)) throw new Error("insertDocument for another candidate");
  const [created] = await db.insert(candidateDocuments).values(row).returning();
  await touch(db, scope, row.candidateId);
  return created!;
}

export async function deleteDocument(
  db: Db,
  scope: CandidateScope,
  id: string,
): Promise<CandidateDocumentRow | null> {
  const [row] = await db
    .delete(candidateDocuments)
    .where(and(eq(candidateDocuments.id, id), owned(scope, candidateDocuments.candidateId)))
    .returning();
  if (row) await touch(db, scope, row.candidateId);
  return row ?? null;
}

export async function listPhotos(
  db: Db,
  scope: CandidateScope,
  candidateId: string,
): Promise<CandidatePhotoRow[]> {
  return db
    .select()
    .from(candidatePhotos)
    .where(and(eq(candidatePhotos.candidateId, candidateId), owned(scope, candidatePhotos.candidateId)))
    .orderBy(asc(candidatePhotos.createdAt), asc(candidatePhotos.id));
}

export async function findPhoto(
  db: Db,
  scope: CandidateScope,
  id: string,
): Promise<CandidatePhotoRow | null> {
  const [row] = await db
    .select()
    .from(candidatePhotos)
    .where(and(eq(candidatePhotos.id, id), owned(scope, candidatePhotos.candidateId)))
    .limit(1);
  return row ?? null;
}

export async function insertPhoto(
  db: Db,
  scope: CandidateScope,
  row: typeof candidatePhotos.$inferInsert,
): Promise<CandidatePhotoRow> {
  if (!scope.candidateIds.includes(row.candidateId)) throw new Error("insertPhoto for another candidate");
  const [created] = await db.insert(candidatePhotos).values(row).returning();
  await touch(db, scope, row.candidateId);
  return created!;
}

export async function deletePhoto(
  db: Db,
  scope: CandidateScope,
  id: string,
): Promise<CandidatePhotoRow | null> {
  const [row] = await db
    .delete(candidatePhotos)
    .where(and(eq(candidatePhotos.id, id), owned(scope, candidatePhotos.candidateId)))
    .returning();
  if (row) await touch(db, scope, row.candidateId);
  return row ?? null;
}

/** Files count as profile changes (retention counts from the last one). */
async function touch(db: Db, scope: CandidateScope, candidateId: string): Promise<void> {
  const now = new Date();
  await db
    .update(candidates)
    .set({ updatedAt: now, profileUpdatedAt: now })
    .where(and(eq(candidates.id, candidateId), owned(scope)));
}

/** Who opened the contact details of the scope's candidates, newest first. */
export async function listContactViews(db: Db, scope: CandidateScope) {
  return db
    .select({
      at: contactDetailViews.at,
      viewerName: users.name,
      organisationName: organisations.name,
    })
    .from(contactDetailViews)
    .leftJoin(users, eq(users.id, contactDetailViews.viewerUserId))
    .leftJoin(organisations, eq(organisations.id, contactDetailViews.viewerOrganisationId))
    .where(owned(scope, contactDetailViews.candidateId))
    .orderBy(desc(contactDetailViews.at), desc(contactDetailViews.id))
    .limit(1000);
}

// ---------------------------------------------------------------------------------------------
// Staff

/** A candidate visible on the scope's portal; null for anyone else, so ids cannot be probed. */
export async function findVisibleCandidate(
  db: Db,
  scope: VisibleOnPortalScope,
  id: string,
): Promise<CandidateRow | null> {
  const [row] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.id, id), visibleOnPortal(scope)))
    .limit(1);
  return row ?? null;
}

/** Logs one opening of a candidate's contact details. */
export async function insertContactView(
  db: Db,
  scope: CandidateScope,
  row: { candidateId: string; portalId: string; viewerUserId: string; viewerOrganisationId: string | null },
): Promise<void> {
  if (!scope.candidateIds.includes(row.candidateId))
    throw new Error("insertContactView for another candidate");
  await db.insert(contactDetailViews).values(row);
}

export interface StaffMembership {
  role: string;
  organisationId: string | null;
  homePortalId: string | null;
}

/** A user's memberships with the home portal of each membership's organisation. */
export async function staffMemberships(db: Db, userId: string): Promise<StaffMembership[]> {
  return db
    .select({
      role: memberships.role,
      organisationId: memberships.organisationId,
      homePortalId: organisations.homePortalId,
    })
    .from(memberships)
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

/** A staff member's name, e-mail and phone with the organisation they work for. */
export async function staffContact(
  db: Db,
  userId: string,
): Promise<{ name: string; email: string; phone: string | null; organisation: string | null } | null> {
  const [user] = await db
    .select({ name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const [org] = await db
    .select({ name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, ["account_manager", "org_admin"])))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return { ...user, organisation: org?.name ?? null };
}

export async function userConsentsToEmbeds(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ consent: users.consentEmbeddedVideo })
    .from(users)
    .where(eq(users.id, userId));
  return row?.consent ?? false;
}

// Portals are platform-level rows: anyone may know which portals exist.
export async function allPortals(db: Db) {
  return db.select().from(portals).orderBy(asc(portals.parentId), asc(portals.nameNl));
}
