import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { memberships, organisations, portals, users } from "../../platform/schema";
import type { CandidateReach, OwnScope, PortalScope, PublicScope, SelfScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { assertOwned, ownedBy, ownsUser, reaches, visibleOnPortal } from "./candidate-scope.repository";
import { candidatePortalVisibility, candidates } from "./candidates.schema";

export type { CandidateReach, OwnScope };
export type CandidateRow = typeof candidates.$inferSelect;
export type NewCandidateRow = typeof candidates.$inferInsert;
export type PortalVisibilityRow = typeof candidatePortalVisibility.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type PortalRow = typeof portals.$inferSelect;

/** A staff member as a candidate or a colleague sees them: name, e-mail, phone and organisation. */
export interface StaffContact {
  name: string;
  email: string;
  phone: string | null;
  organisation: string | null;
}

// ---------------------------------------------------------------------------------------------
// Profiles

/** The person's own profiles (or, for a job, this person's), oldest first. */
async function profilesOf(db: Db, scope: OwnScope, userId: string): Promise<CandidateRow[]> {
  return db
    .select()
    .from(candidates)
    .where(and(eq(candidates.userId, userId), ownedBy(scope)))
    .orderBy(asc(candidates.createdAt), asc(candidates.id));
}

/** One profile the scope reaches (own, visible through the portal, or any for the system). */
async function findProfile(db: Db, scope: CandidateReach, id: string): Promise<CandidateRow | null> {
  const [row] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.id, id), scope.kind === "portal" ? visibleOnPortal(scope) : ownedBy(scope)))
    .limit(1);
  return row ?? null;
}

/**
 * A new profile: the person's own (SelfScope: for themselves) or a job seeker an account manager
 * registers on their portal (PortalScope: on that portal).
 */
async function insertProfile(
  db: Db,
  scope: SelfScope | PortalScope,
  row: NewCandidateRow,
): Promise<CandidateRow> {
  if (scope.kind === "self" && row.userId !== scope.userId)
    throw new Error("insertProfile for another person");
  if (scope.kind === "portal" && row.portalId !== scope.portalId)
    throw new Error("insertProfile outside the portal");
  const [created] = await db.insert(candidates).values(row).returning();
  return created!;
}

/** Changes a profile; every change counts for retention (profileUpdatedAt). */
async function updateProfile(
  db: Db,
  scope: OwnScope,
  id: string,
  patch: Partial<NewCandidateRow>,
): Promise<CandidateRow | null> {
  const now = new Date();
  const [row] = await db
    .update(candidates)
    .set({ ...patch, updatedAt: now, profileUpdatedAt: now })
    .where(and(eq(candidates.id, id), ownedBy(scope)))
    .returning();
  return row ?? null;
}

/** Files count as profile changes (retention counts from the last one). */
async function touchProfile(db: Db, scope: OwnScope, id: string): Promise<void> {
  const now = new Date();
  await db
    .update(candidates)
    .set({ updatedAt: now, profileUpdatedAt: now })
    .where(and(eq(candidates.id, id), ownedBy(scope)));
}

// ---------------------------------------------------------------------------------------------
// Visibility per portal

async function visibilityChoices(
  db: Db,
  scope: CandidateReach,
  candidateId: string,
): Promise<PortalVisibilityRow[]> {
  return db
    .select()
    .from(candidatePortalVisibility)
    .where(
      and(
        eq(candidatePortalVisibility.candidateId, candidateId),
        reaches(scope, candidatePortalVisibility.candidateId),
      ),
    );
}

/**
 * Records the candidate's choice for one portal; for their own portal the explorer's column
 * follows (call both in one transaction, so the two never disagree).
 */
async function chooseVisibility(
  db: Db,
  scope: OwnScope,
  candidate: Pick<CandidateRow, "id" | "portalId">,
  portalId: string,
  visible: boolean,
  now: Date,
): Promise<void> {
  assertOwned(scope, candidate.id, "chooseVisibility");
  await db
    .insert(candidatePortalVisibility)
    .values({ candidateId: candidate.id, portalId, visible, changedAt: now })
    .onConflictDoUpdate({
      target: [candidatePortalVisibility.candidateId, candidatePortalVisibility.portalId],
      set: { visible, changedAt: now },
    });
  if (portalId === candidate.portalId) {
    await db
      .update(candidates)
      .set({ visible, updatedAt: now })
      .where(and(eq(candidates.id, candidate.id), ownedBy(scope)));
  }
}

// ---------------------------------------------------------------------------------------------
// People around a profile

/** The person's account row (a job reaches anyone's). */
async function person(db: Db, scope: OwnScope, userId: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(ownsUser(scope, users.id, userId));
  return row ?? null;
}

/** Gives the person the candidate role on a portal (a candidate joining another portal). */
async function joinPortal(db: Db, scope: SelfScope, portalId: string): Promise<void> {
  await db
    .insert(memberships)
    .values({ userId: scope.userId, role: "candidate", portalId })
    .onConflictDoNothing();
}

// The user is spelled out: Drizzle leaves columns unqualified in a one-table select.
const contactColumns = {
  name: users.name,
  email: users.email,
  phone: users.phone,
  organisation: sql<string | null>`(
    select o.name from ${memberships} m join ${organisations} o on o.id = m.organisation_id
    where m.user_id = "users"."id" and m.role in ('account_manager', 'org_admin')
    order by m.created_at limit 1)`,
};

/** The account manager of a profile the scope reaches, with the organisation they work for. */
async function accountManagerOf(
  db: Db,
  scope: CandidateReach,
  candidateId: string,
): Promise<StaffContact | null> {
  const [row] = await db
    .select(contactColumns)
    .from(candidates)
    .innerJoin(users, eq(users.id, candidates.accountManagerUserId))
    .where(and(eq(candidates.id, candidateId), reaches(scope, candidates.id)))
    .limit(1);
  return row ?? null;
}

/** The signed-in person as a contact (a staff member starting a candidate profile of their own). */
async function ownContact(db: Db, scope: SelfScope): Promise<StaffContact | null> {
  const [row] = await db.select(contactColumns).from(users).where(eq(users.id, scope.userId));
  return row ?? null;
}

/**
 * Whether the viewer (the signed-in person, whoever's profile they look at) consented to the
 * third-party cookies of embedded video players: a setting of their own account.
 */
async function viewerConsentsToEmbeds(db: Db, _scope: PublicScope, viewerUserId: string): Promise<boolean> {
  const [row] = await db
    .select({ consent: users.consentEmbeddedVideo })
    .from(users)
    .where(eq(users.id, viewerUserId));
  return row?.consent ?? false;
}

// Portals are platform-level rows: anyone may know which portals exist.
async function allPortals(db: Db, _scope: PublicScope): Promise<PortalRow[]> {
  return db.select().from(portals).orderBy(asc(portals.parentId), asc(portals.nameNl));
}

export const profilesRepository = repository<OwnScope>()({
  profilesOf,
  updateProfile,
  touchProfile,
  chooseVisibility,
  person,
});

export const candidateReachRepository = repository<CandidateReach>()({
  findProfile,
  visibilityChoices,
  accountManagerOf,
});

export const newProfilesRepository = repository<SelfScope | PortalScope>()({ insertProfile });

export const selfRepository = repository<SelfScope>()({ joinPortal, ownContact });

export const portalsRepository = repository<PublicScope>()({ allPortals, viewerConsentsToEmbeds });

// ---------------------------------------------------------------------------------------------
