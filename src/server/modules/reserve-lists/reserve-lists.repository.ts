import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { insertOwned, inTenant, queryRows } from "../../platform/db";
import {
  candidates,
  matches,
  organisations,
  portals,
  procedurePhases,
  users,
  vacancies,
} from "../../platform/schema";
import { type PlatformScope, reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import {
  procedureClosedOf,
  procedureClosures,
  reserveListCallUps,
  reserveListLaureates,
  reserveLists,
} from "./reserve-lists.schema";

export type ReserveListRow = typeof reserveLists.$inferSelect;
export type LaureateRow = typeof reserveListLaureates.$inferSelect;
export type CallUpRow = typeof reserveListCallUps.$inferSelect;
export type ClosureRow = typeof procedureClosures.$inferSelect;

/** What this module needs to know of a vacancy (the facts the vacancies module's policies ask). */
const vacancyFacts = {
  id: vacancies.id,
  organisationId: vacancies.organisationId,
  portalId: vacancies.portalId,
  status: vacancies.status,
  contactUserId: vacancies.contactUserId,
  createdByUserId: vacancies.createdByUserId,
  requestedByUserId: vacancies.requestedByUserId,
  ownerUserId: vacancies.ownerUserId,
  procedureId: vacancies.procedureId,
  displayTitle: vacancies.displayTitle,
  procedureClosed: procedureClosedOf(vacancies.id),
};

/** Statuses whose procedure is over: nothing about its applicants changes any more. */
export const CLOSED_STATUSES = ["closed", "archived"] as const;

/** A match that is still open: its phase means active and no red outcome archived it. */
const openMatch = sql`(${procedurePhases.meaning} = 'active' and (${matches.outcome} is null or ${matches.outcome} <> 'red'))`;

export const reserveListsRepository = repository<TenantScope>()({
  async vacancy(db, scope, vacancyId: string) {
    const [row] = await db
      .select(vacancyFacts)
      .from(vacancies)
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)))
      .limit(1);
    return row ?? null;
  },

  async ofVacancy(db, scope, vacancyId: string): Promise<ReserveListRow | null> {
    const [row] = await db
      .select()
      .from(reserveLists)
      .where(and(eq(reserveLists.vacancyId, vacancyId), inTenant(scope, reserveLists.organisationId)));
    return row ?? null;
  },

  async find(db, scope, id: string): Promise<ReserveListRow | null> {
    const [row] = await db
      .select()
      .from(reserveLists)
      .where(and(eq(reserveLists.id, id), inTenant(scope, reserveLists.organisationId)));
    return row ?? null;
  },

  /** A new list; null when the vacancy has one already (a second request at the same time). */
  async create(db, scope, row: typeof reserveLists.$inferInsert & { organisationId: string }) {
    owned(scope, row.organisationId);
    const [made] = await db.insert(reserveLists).values(row).onConflictDoNothing().returning();
    return made ?? null;
  },

  async setValidity(db, scope, id: string, startsOn: string, endsOn: string) {
    const [row] = await db
      .update(reserveLists)
      .set({
        startsOn,
        endsOn,
        updatedAt: new Date(),
        // A new end gets its own warning.
        expiryWarnedAt: sql`case when ${reserveLists.endsOn} = ${endsOn}::date then ${reserveLists.expiryWarnedAt} end`,
      })
      .where(and(eq(reserveLists.id, id), inTenant(scope, reserveLists.organisationId)))
      .returning();
    return row ?? null;
  },

  /** The laureates in ranking order, with their name, address and phase on the list's vacancy. */
  async laureates(db, scope, listId: string) {
    return db
      .select({
        laureate: reserveListLaureates,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        email: candidates.email,
        phaseLabel: procedurePhases.label,
      })
      .from(reserveListLaureates)
      .innerJoin(candidates, eq(candidates.id, reserveListLaureates.candidateId))
      .innerJoin(matches, eq(matches.id, reserveListLaureates.matchId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(
        and(
          eq(reserveListLaureates.reserveListId, listId),
          inTenant(scope, reserveListLaureates.organisationId),
        ),
      )
      .orderBy(asc(reserveListLaureates.position), asc(reserveListLaureates.addedAt));
  },

  async callUps(db, scope, listId: string) {
    return db
      .select({
        callUp: reserveListCallUps,
        vacancyTitle: vacancies.displayTitle,
        byName: users.name,
      })
      .from(reserveListCallUps)
      .innerJoin(vacancies, eq(vacancies.id, reserveListCallUps.vacancyId))
      .leftJoin(users, eq(users.id, reserveListCallUps.byUserId))
      .where(
        and(eq(reserveListCallUps.reserveListId, listId), inTenant(scope, reserveListCallUps.organisationId)),
      )
      .orderBy(asc(reserveListCallUps.at));
  },

  /** These matches as applicants of the vacancy (any other id is not found). */
  async applicantsOf(db, scope, vacancyId: string, matchIds: readonly string[]) {
    if (matchIds.length === 0) return [];
    return db
      .select({
        id: matches.id,
        candidateId: matches.candidateId,
        phaseId: matches.phaseId,
        phaseKey: procedurePhases.key,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
      })
      .from(matches)
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          inArray(matches.id, [...matchIds]),
          inTenant(scope, matches.organisationId),
        ),
      );
  },

  /** Adds laureates after the last; a match already on the list keeps its place. */
  async addLaureates(
    db,
    scope,
    list: { id: string; organisationId: string },
    rows: { matchId: string; candidateId: string }[],
    userId: string,
  ): Promise<LaureateRow[]> {
    const [{ max }] = (await db
      .select({ max: sql<number>`coalesce(max(${reserveListLaureates.position}), 0)::int` })
      .from(reserveListLaureates)
      .where(eq(reserveListLaureates.reserveListId, list.id))) as [{ max: number }];
    const present = new Set(
      (
        await db
          .select({ matchId: reserveListLaureates.matchId })
          .from(reserveListLaureates)
          .where(eq(reserveListLaureates.reserveListId, list.id))
      ).map((r) => r.matchId),
    );
    const fresh = rows.filter((r) => !present.has(r.matchId));
    return insertOwned(
      db,
      scope,
      reserveListLaureates,
      fresh.map((r, i) => ({
        organisationId: list.organisationId,
        reserveListId: list.id,
        matchId: r.matchId,
        candidateId: r.candidateId,
        position: max + i + 1,
        addedByUserId: userId,
      })),
    );
  },

  /** Numbers the laureates 1, 2, … in the order given (every laureate of the list). */
  async reorder(db, scope, listId: string, laureateIds: readonly string[]) {
    for (const [i, id] of laureateIds.entries())
      await db
        .update(reserveListLaureates)
        .set({ position: i + 1 })
        .where(
          and(
            eq(reserveListLaureates.id, id),
            eq(reserveListLaureates.reserveListId, listId),
            inTenant(scope, reserveListLaureates.organisationId),
          ),
        );
  },

  async removeLaureate(db, scope, listId: string, laureateId: string) {
    const [row] = await db
      .delete(reserveListLaureates)
      .where(
        and(
          eq(reserveListLaureates.id, laureateId),
          eq(reserveListLaureates.reserveListId, listId),
          inTenant(scope, reserveListLaureates.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },

  async addCallUp(db, scope, row: typeof reserveListCallUps.$inferInsert & { organisationId: string }) {
    const [made] = await insertOwned(db, scope, reserveListCallUps, [row]);
    return made!;
  },

  /** The reserve lists of the caller's organisations, the latest ending first. */
  async overview(db, scope) {
    return db
      .select({
        list: reserveLists,
        vacancyTitle: vacancies.displayTitle,
        vacancyStatus: vacancies.status,
        organisationName: organisations.name,
        laureates: sql<number>`(select count(*)::int from reserve_list_laureates l where l.reserve_list_id = "reserve_lists"."id")`,
        callUps: sql<number>`(select count(*)::int from reserve_list_call_ups c where c.reserve_list_id = "reserve_lists"."id")`,
      })
      .from(reserveLists)
      .innerJoin(vacancies, eq(vacancies.id, reserveLists.vacancyId))
      .innerJoin(organisations, eq(organisations.id, reserveLists.organisationId))
      .where(inTenant(scope, reserveLists.organisationId))
      .orderBy(desc(reserveLists.endsOn), asc(vacancies.displayTitle));
  },

  /** The organisation's vacancies a laureate may be called up for: not over, not the list's own. */
  async targets(db, scope, organisationId: string, exceptVacancyId: string) {
    return db
      .select(vacancyFacts)
      .from(vacancies)
      .where(
        and(
          eq(vacancies.organisationId, organisationId),
          sql`${vacancies.id} <> ${exceptVacancyId}`,
          notInArray(vacancies.status, [...CLOSED_STATUSES, "rejected", "requested"]),
          inTenant(scope, vacancies.organisationId),
        ),
      )
      .orderBy(asc(vacancies.displayTitle));
  },

  async closure(db, scope, vacancyId: string) {
    const [row] = await db
      .select({ closure: procedureClosures, byName: users.name })
      .from(procedureClosures)
      .leftJoin(users, eq(users.id, procedureClosures.closedByUserId))
      .where(
        and(eq(procedureClosures.vacancyId, vacancyId), inTenant(scope, procedureClosures.organisationId)),
      );
    return row ?? null;
  },

  /** The closure, or null when the vacancy has one already (a second request at the same time). */
  async insertClosure(db, scope, row: typeof procedureClosures.$inferInsert & { organisationId: string }) {
    owned(scope, row.organisationId);
    const [made] = await db.insert(procedureClosures).values(row).onConflictDoNothing().returning();
    return made ?? null;
  },

  /**
   * The vacancy's applicants still open (phase meaning active, not archived by a red outcome),
   * with whether they are on its reserve list or in its reserve phase.
   */
  async openApplicants(db, scope, vacancyId: string) {
    return db
      .select({
        id: matches.id,
        candidateId: matches.candidateId,
        phaseKey: procedurePhases.key,
        onList: sql<boolean>`exists (select 1 from reserve_list_laureates l join reserve_lists r on r.id = l.reserve_list_id
          where r.vacancy_id = ${vacancyId} and l.match_id = ${matches.id})`,
      })
      .from(matches)
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(and(eq(matches.vacancyId, vacancyId), openMatch, inTenant(scope, matches.organisationId)));
  },
});

/** A row of an organisation outside the scope is a bug in the caller (as `insertOwned` says). */
function owned(scope: TenantScope, organisationId: string): void {
  if (!reaches(scope, organisationId)) throw new Error("a row outside the caller's organisations");
}

/** The daily expiry warning: lists ending within the window, not warned yet (locked, skipped if taken). */
export const reserveListJobRepository = repository<PlatformScope>()({
  async claimExpiring(db, _scope, today: string, until: string, now: Date) {
    return queryRows<{
      id: string;
      organisationId: string;
      vacancyId: string;
      portalId: string;
      endsOn: string;
      recipientUserId: string | null;
    }>(
      db,
      sql`with due as (
          select r.id from ${reserveLists} r
          where r.expiry_warned_at is null and r.ends_on >= ${today}::date and r.ends_on <= ${until}::date
          for update of r skip locked)
        update ${reserveLists} r set expiry_warned_at = ${now.toISOString()}::timestamptz
        from due, ${vacancies} v
        where r.id = due.id and v.id = r.vacancy_id
        returning r.id, r.organisation_id as "organisationId", r.vacancy_id as "vacancyId",
          v.portal_id as "portalId", to_char(r.ends_on, 'YYYY-MM-DD') as "endsOn",
          coalesce(v.owner_user_id, v.contact_user_id) as "recipientUserId"`,
    );
  },
});

/** What the mails show, read when each is sent. */
export const reserveListMailRepository = repository<PlatformScope>()({
  async vacancy(db, _scope, vacancyId: string) {
    const [row] = await db
      .select({
        id: vacancies.id,
        displayTitle: vacancies.displayTitle,
        procedureClosed: procedureClosedOf(vacancies.id),
        organisationName: organisations.name,
        ...mailPortalColumns,
      })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .innerJoin(portals, eq(portals.id, vacancies.portalId))
      .where(eq(vacancies.id, vacancyId));
    return row ?? null;
  },

  /** The person of a match: name, address and language (their account's, if any). */
  async person(db, _scope, matchId: string) {
    const [row] = await db
      .select({
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        email: candidates.email,
        locale: users.locale,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .leftJoin(users, eq(users.id, candidates.userId))
      .where(eq(matches.id, matchId));
    return row ?? null;
  },

  async user(db, _scope, userId: string) {
    const [row] = await db
      .select({ name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
    return row ?? null;
  },

  async list(db, _scope, id: string) {
    const [row] = await db.select().from(reserveLists).where(eq(reserveLists.id, id));
    return row ?? null;
  },

  async closure(db, _scope, vacancyId: string) {
    const [row] = await db.select().from(procedureClosures).where(eq(procedureClosures.vacancyId, vacancyId));
    return row ?? null;
  },
});
