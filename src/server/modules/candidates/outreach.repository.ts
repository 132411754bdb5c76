import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { FavouritesQuery } from "../../../contracts/candidates";
import { type Db, queryRows } from "../../platform/db";
import { matches, organisations, users, vacancies } from "../../platform/schema";
import type { CandidateReach, PortalScope, SelfScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { type Viewer, visibleToViewer } from "../vacancies";
import { ownedBy, reaches, visibleOnPortal } from "./candidate-scope.repository";
import { candidates } from "./candidates.schema";
import { candidateFavourites, candidateMessages, savedVacancies } from "./outreach.schema";

/*
 * "Benaderen" (staff write to a visible candidate; the candidate's inbox), a staff member's
 * favourite candidates, and the candidate's saved vacancies.
 */

export type CandidateMessageRow = typeof candidateMessages.$inferSelect;
export interface MessageWithSender {
  message: CandidateMessageRow;
  senderName: string | null;
  organisationName: string | null;
}

const FAVOURITES_PAGE = 20;

// ---------------------------------------------------------------------------------------------
// Messages

/**
 * "Benaderen": a message from the scope's staff member, for their organisation, to a candidate
 * visible through the scope's portal (the check is in the statement). Null when not visible.
 */
async function insertMessage(
  db: Db,
  scope: PortalScope,
  input: { candidateId: string; senderUserId: string; subject: string; body: string },
): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into ${candidateMessages} (candidate_id, portal_id, sender_user_id, sender_organisation_id, subject, body)
        select c.id, ${scope.portalId}::uuid, ${input.senderUserId}, ${scope.organisationId}::uuid, ${input.subject}, ${input.body}
        from ${candidates} c where c.id = ${input.candidateId} and ${visibleOnPortal(scope, sql`c`)}
        returning id`,
  );
  return row?.id ?? null;
}

/** Messages to the scope's candidates (one of them with `id`), newest first, with their sender. */
async function messages(db: Db, scope: CandidateReach, id?: string): Promise<MessageWithSender[]> {
  return db
    .select({ message: candidateMessages, senderName: users.name, organisationName: organisations.name })
    .from(candidateMessages)
    .leftJoin(users, eq(users.id, candidateMessages.senderUserId))
    .leftJoin(organisations, eq(organisations.id, candidateMessages.senderOrganisationId))
    .where(and(reaches(scope, candidateMessages.candidateId), id ? eq(candidateMessages.id, id) : undefined))
    .orderBy(desc(candidateMessages.createdAt));
}

async function markMessageRead(db: Db, scope: SelfScope, id: string, now: Date): Promise<void> {
  await db
    .update(candidateMessages)
    .set({ readAt: now })
    .where(
      and(
        eq(candidateMessages.id, id),
        isNull(candidateMessages.readAt),
        ownedBy(scope, candidateMessages.candidateId),
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// Favourites (private to each staff member)

/** Stars a candidate visible through the scope's portal; false when not visible. */
async function addFavourite(
  db: Db,
  scope: PortalScope,
  userId: string,
  candidateId: string,
): Promise<boolean> {
  const visible = await queryRows<{ id: string }>(
    db,
    sql`select c.id from ${candidates} c where c.id = ${candidateId} and ${visibleOnPortal(scope, sql`c`)}`,
  );
  if (visible.length === 0) return false;
  await db.insert(candidateFavourites).values({ userId, candidateId }).onConflictDoNothing();
  return true;
}

/** Removes one of the person's own stars (also of a candidate no longer visible). */
async function removeFavourite(
  db: Db,
  _scope: PortalScope,
  userId: string,
  candidateId: string,
): Promise<void> {
  await db
    .delete(candidateFavourites)
    .where(and(eq(candidateFavourites.userId, userId), eq(candidateFavourites.candidateId, candidateId)));
}

async function isFavourite(
  db: Db,
  scope: PortalScope,
  userId: string,
  candidateId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ candidateId: candidateFavourites.candidateId })
    .from(candidateFavourites)
    .where(
      and(
        eq(candidateFavourites.userId, userId),
        eq(candidateFavourites.candidateId, candidateId),
        reaches(scope, candidateFavourites.candidateId),
      ),
    );
  return row !== undefined;
}

/** "Favorieten": the person's stars still visible here, with the team's work on them (matches). */
async function favourites(db: Db, scope: PortalScope, userId: string, query: FavouritesQuery) {
  const saved = sql<number>`(select count(*) from ${matches} m where m.candidate_id = ${candidates.id} and m.source = 'saved')`;
  const proposed = sql<number>`(select count(*) from ${matches} m where m.candidate_id = ${candidates.id} and m.proposed_at is not null)`;
  const where = and(eq(candidateFavourites.userId, userId), visibleOnPortal(scope));
  const sortBy = {
    name: sql`lower(${candidates.firstName} || ' ' || ${candidates.lastName})`,
    saved,
    proposed,
    added: sql`${candidateFavourites.createdAt}`,
  }[query.sort];
  const rows = await db
    .select({
      candidateId: candidates.id,
      firstName: candidates.firstName,
      lastName: candidates.lastName,
      city: candidates.city,
      headline: candidates.headline,
      saved,
      proposed,
      addedAt: candidateFavourites.createdAt,
    })
    .from(candidateFavourites)
    .innerJoin(candidates, eq(candidates.id, candidateFavourites.candidateId))
    .where(where)
    .orderBy(query.order === "asc" ? sql`${sortBy} asc` : sql`${sortBy} desc`, candidates.id)
    .limit(FAVOURITES_PAGE)
    .offset((query.page - 1) * FAVOURITES_PAGE);
  const [total] = await db
    .select({ n: sql<number>`count(*)` })
    .from(candidateFavourites)
    .innerJoin(candidates, eq(candidates.id, candidateFavourites.candidateId))
    .where(where);
  return { rows, total: Number(total?.n ?? 0), pageSize: FAVOURITES_PAGE };
}

// ---------------------------------------------------------------------------------------------
// Saved vacancies (the candidate's own)

/**
 * The person's saved vacancies, newest first, each with whether the viewer may still see it
 * (the vacancies module's rule).
 */
async function savedVacanciesOfMine(db: Db, scope: SelfScope, viewer: Viewer, today: string) {
  if (scope.candidateIds.length === 0) return [];
  return db
    .select({
      saved: savedVacancies,
      vacancy: vacancies,
      organisationName: organisations.name,
      stillVisible: sql<boolean>`coalesce((${visibleToViewer(viewer, today)}), false)`,
    })
    .from(savedVacancies)
    .innerJoin(vacancies, eq(vacancies.id, savedVacancies.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(inArray(savedVacancies.candidateId, [...scope.candidateIds]))
    .orderBy(desc(savedVacancies.createdAt));
}

/** Whether the viewer may see the vacancy today. */
async function vacancyVisibleTo(
  db: Db,
  _scope: SelfScope,
  viewer: Viewer,
  vacancyId: string,
  today: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: vacancies.id })
    .from(vacancies)
    .where(and(eq(vacancies.id, vacancyId), visibleToViewer(viewer, today)))
    .limit(1);
  return row !== undefined;
}

/** Keeps a vacancy on one of the person's profiles; false when it was kept already. */
async function saveVacancy(
  db: Db,
  scope: SelfScope,
  candidateId: string,
  vacancyId: string,
): Promise<boolean> {
  if (!scope.candidateIds.includes(candidateId)) throw new Error("saveVacancy for another candidate");
  const saved = await db
    .insert(savedVacancies)
    .values({ candidateId, vacancyId })
    .onConflictDoNothing()
    .returning({ vacancyId: savedVacancies.vacancyId });
  return saved.length > 0;
}

/** Forgets a vacancy on all the person's profiles; false when none kept it. */
async function unsaveVacancy(db: Db, scope: SelfScope, vacancyId: string): Promise<boolean> {
  const removed = await db
    .delete(savedVacancies)
    .where(and(eq(savedVacancies.vacancyId, vacancyId), ownedBy(scope, savedVacancies.candidateId)))
    .returning({ vacancyId: savedVacancies.vacancyId });
  return removed.length > 0;
}

export const messagesRepository = repository<CandidateReach>()({ messages });
export const staffOutreachRepository = repository<PortalScope>()({
  insertMessage,
  addFavourite,
  removeFavourite,
  isFavourite,
  favourites,
});
export const ownOutreachRepository = repository<SelfScope>()({
  markMessageRead,
  savedVacanciesOfMine,
  vacancyVisibleTo,
  saveVacancy,
  unsaveVacancy,
});
