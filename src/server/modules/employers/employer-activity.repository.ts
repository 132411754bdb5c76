import { and, count, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { dateTimeFormat } from "../../../contracts/intl";
import { type Db, queryRows, scopeTimeZone } from "../../platform/db";
import {
  contactPersons,
  invitations,
  lastVisits,
  matches,
  memberships,
  organisations,
  sessions,
  users,
  vacancies,
  vacancyHistory,
} from "../../platform/schema";
import type { SelfScope, TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import type { ContactPersonRow } from "./contact-persons.repository";
import { inScope, type PersonRef } from "./employers.repository";

/*
 * What the people of a team and of its employers did: the numbers of the activity overview, the
 * contact persons' activity on the employer page and the account manager's home. Each count is
 * over the rows in the caller's scope (their team and the employers it sees), never another
 * team's work.
 */

export interface VacancyActivity {
  vacancies: number;
  created: number;
  changed: number;
  lastActiveAt: Date | null;
}

const TEAM_ROLES = ["account_manager", "org_admin"] as const;
const CREATING_ACTIONS = sql.raw(`('created', 'requested', 'copied')`);

/** Today in the Netherlands (YYYY-MM-DD), the day a vacancy's closing date is compared with. */
function today(now = new Date()): string {
  return dateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The account managers and org admins of the team (everyone's for the platform), not deactivated. */
async function teamManagers(db: Db, scope: TenantScope): Promise<PersonRef[]> {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.role, [...TEAM_ROLES]),
        inScope(scope, memberships.organisationId),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(users.name);
}

/** Each manager's own organisation in the scope (the top one when they work for several). */
async function managerOrganisations(
  db: Db,
  scope: TenantScope,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const own = new Map<string, string>();
  if (userIds.length === 0) return own;
  const held = await db
    .select({ userId: memberships.userId, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        inArray(memberships.userId, [...userIds]),
        inArray(memberships.role, [...TEAM_ROLES]),
        inScope(scope, memberships.organisationId),
      ),
    )
    .orderBy(sql`${organisations.parentId} nulls first`, organisations.name);
  for (const h of held) if (!own.has(h.userId)) own.set(h.userId, h.name);
  return own;
}

/** Open vacancies of the family, and those past their closing date. */
async function vacancyCounts(
  db: Db,
  scope: TenantScope,
  family: readonly string[],
): Promise<{ active: number; expired: number }> {
  if (family.length === 0) return { active: 0, expired: 0 };
  const on = today();
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${vacancies.status} <> 'archived' and (${vacancies.closesOn} is null or ${vacancies.closesOn} >= ${on}))`,
      expired: sql<number>`count(*) filter (where ${vacancies.status} <> 'archived' and ${vacancies.closesOn} < ${on})`,
    })
    .from(vacancies)
    .where(and(inArray(vacancies.organisationId, [...family]), inScope(scope, vacancies.organisationId)));
  return { active: Number(row?.active ?? 0), expired: Number(row?.expired ?? 0) };
}

/** Per user: vacancies they created or changed, and when they last did. */
async function vacancyActivity(
  db: Db,
  scope: TenantScope,
  userIds: readonly string[],
): Promise<Map<string, VacancyActivity>> {
  const result = new Map<string, VacancyActivity>();
  if (userIds.length === 0) return result;
  const rows = await db
    .select({
      userId: vacancyHistory.userId,
      vacancies: sql<number>`count(distinct ${vacancyHistory.vacancyId})`,
      created: sql<number>`count(*) filter (where ${vacancyHistory.action} in ${CREATING_ACTIONS})`,
      changed: sql<number>`count(*) filter (where ${vacancyHistory.action} not in ${CREATING_ACTIONS})`,
      last: sql<Date | null>`max(${vacancyHistory.at})`,
    })
    .from(vacancyHistory)
    .where(and(inArray(vacancyHistory.userId, [...userIds]), inScope(scope, vacancyHistory.organisationId)))
    .groupBy(vacancyHistory.userId);
  for (const r of rows) {
    if (!r.userId) continue;
    result.set(r.userId, {
      vacancies: Number(r.vacancies),
      created: Number(r.created),
      changed: Number(r.changed),
      lastActiveAt: r.last ? new Date(r.last) : null,
    });
  }
  return result;
}

/** Per user: candidates they saved to or proposed on a vacancy in scope, and when they last did. */
async function matchActivity(
  db: Db,
  scope: TenantScope,
  userIds: readonly string[],
): Promise<Map<string, { saved: number; proposed: number; last: Date | null }>> {
  const result = new Map<string, { saved: number; proposed: number; last: Date | null }>();
  if (userIds.length === 0) return result;
  const rows = await db
    .select({
      userId: matches.createdByUserId,
      saved: sql<number>`count(*) filter (where ${matches.source} = 'saved')`,
      proposed: sql<number>`count(*) filter (where ${matches.proposedAt} is not null)`,
      last: sql<Date | null>`max(${matches.createdAt})`,
    })
    .from(matches)
    .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
    .where(and(inArray(matches.createdByUserId, [...userIds]), inScope(scope, vacancies.organisationId)))
    .groupBy(matches.createdByUserId);
  for (const r of rows) {
    if (!r.userId) continue;
    result.set(r.userId, {
      saved: Number(r.saved),
      proposed: Number(r.proposed),
      last: r.last ? new Date(r.last) : null,
    });
  }
  return result;
}

/** Per user: invitations they sent for organisations in scope, and when they last sent one. */
async function invitationActivity(
  db: Db,
  scope: TenantScope,
  userIds: readonly string[],
): Promise<Map<string, { sent: number; last: Date | null }>> {
  const result = new Map<string, { sent: number; last: Date | null }>();
  if (userIds.length === 0) return result;
  const rows = await db
    .select({
      userId: invitations.invitedByUserId,
      n: count(),
      last: sql<Date | null>`max(${invitations.lastSentAt})`,
    })
    .from(invitations)
    .where(
      and(inArray(invitations.invitedByUserId, [...userIds]), inScope(scope, invitations.organisationId)),
    )
    .groupBy(invitations.invitedByUserId);
  for (const r of rows) {
    if (!r.userId) continue;
    result.set(r.userId, { sent: Number(r.n), last: r.last ? new Date(r.last) : null });
  }
  return result;
}

/**
 * When each of these people last signed in: people of the scope only, that is with a membership
 * in it or a contact person record there (whose access may since have been revoked).
 */
async function lastSignIns(
  db: Db,
  scope: TenantScope,
  userIds: readonly string[],
): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const people = or(
    inArray(
      sessions.userId,
      db
        .select({ id: memberships.userId })
        .from(memberships)
        .where(inScope(scope, memberships.organisationId) ?? sql`true`),
    ),
    inArray(
      sessions.userId,
      db
        .select({ id: sql<string>`${contactPersons.userId}` })
        .from(contactPersons)
        .where(inScope(scope, contactPersons.organisationId) ?? sql`true`),
    ),
  );
  const rows = await db
    .select({ userId: sessions.userId, at: sql<Date>`max(${sessions.createdAt})` })
    .from(sessions)
    .where(and(inArray(sessions.userId, [...userIds]), scope.kind === "platform" ? undefined : people))
    .groupBy(sessions.userId);
  return new Map(rows.map((r) => [r.userId, new Date(r.at)]));
}

/** Every contact person of the employers in scope, with the employer's name. */
async function contactsOfEmployers(
  db: Db,
  scope: TenantScope,
): Promise<{ contact: ContactPersonRow; organisationName: string }[]> {
  return db
    .select({ contact: contactPersons, organisationName: organisations.name })
    .from(contactPersons)
    .innerJoin(organisations, eq(organisations.id, contactPersons.organisationId))
    .where(inScope(scope, contactPersons.organisationId))
    .orderBy(organisations.name, contactPersons.name);
}

/** The vacancies (not archived) a person is account manager of, last changed first. */
async function vacanciesManagedBy(db: Db, scope: TenantScope, userId: string) {
  return db
    .select({
      id: vacancies.id,
      displayTitle: vacancies.displayTitle,
      organisationName: organisations.name,
      status: vacancies.status,
      closesOn: vacancies.closesOn,
    })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(
      and(
        eq(vacancies.accountManagerUserId, userId),
        ne(vacancies.status, "archived"),
        inScope(scope, vacancies.organisationId),
      ),
    )
    .orderBy(desc(vacancies.updatedAt))
    .limit(20);
}

export interface VacancyChangeRow {
  vacancyId: string;
  title: string;
  /** The latest change. */
  at: Date;
  /** Every change, newest first (an action may repeat: once per audience level, per application). */
  actions: string[];
  /** Who made the changes (never the caller; applicants are not named). */
  actors: string[];
  closed: boolean;
}

/**
 * What happened to the family's vacancies since a moment, one row per vacancy (newest change
 * first): what others did to them, and the applications that came in. A vacancy is closed when
 * its status says so or its closing date has passed.
 */
async function changesByVacancy(
  db: Db,
  scope: TenantScope,
  family: readonly string[],
  after: Date,
  exceptUserId: string,
): Promise<VacancyChangeRow[]> {
  if (family.length === 0) return [];
  const inFamily = (column: AnyPgColumn) =>
    and(inArray(column, [...family]), inScope(scope, column)) ?? sql`true`;
  const rows = await queryRows<{
    vacancy_id: string;
    title: string;
    at: Date | string;
    actions: string[];
    actors: string[] | null;
    closed: boolean;
  }>(
    db,
    sql`with happened as (
        select ${vacancyHistory.vacancyId} as vacancy_id, ${vacancyHistory.action} as action,
          ${vacancyHistory.at} as at, ${users.name} as who
        from ${vacancyHistory} left join ${users} on ${users.id} = ${vacancyHistory.userId}
        where ${inFamily(vacancyHistory.organisationId)} and ${vacancyHistory.at} > ${after.toISOString()}::timestamptz
          and ${vacancyHistory.userId} is distinct from ${exceptUserId}
        union all
        select ${matches.vacancyId}, 'applied', ${matches.createdAt}, null
        from ${matches}
        where ${inFamily(matches.organisationId)} and ${matches.source} = 'applied' and ${matches.createdAt} > ${after.toISOString()}::timestamptz
      )
      select h.vacancy_id, ${vacancies.displayTitle} as title, max(h.at) as at,
        array_agg(h.action order by h.at desc) as actions,
        array_agg(distinct h.who) filter (where h.who is not null) as actors,
        (${vacancies.status} in ('closed', 'archived') or coalesce(${vacancies.closesOn} < ${today()}, false)) as closed
      from happened h join ${vacancies} on ${vacancies.id} = h.vacancy_id
      group by h.vacancy_id, ${vacancies.displayTitle}, ${vacancies.status}, ${vacancies.closesOn}
      order by max(h.at) desc
      limit 30`,
  );
  return rows.map((r) => ({
    vacancyId: r.vacancy_id,
    title: r.title,
    at: new Date(r.at),
    actions: r.actions,
    actors: r.actors ?? [],
    closed: r.closed,
  }));
}

export const employerActivityRepository = repository<TenantScope>()({
  /** The time zone the team's exports are written in. */
  teamTimeZone: scopeTimeZone,
  teamManagers,
  managerOrganisations,
  vacancyCounts,
  vacancyActivity,
  matchActivity,
  invitationActivity,
  lastSignIns,
  contactsOfEmployers,
  vacanciesManagedBy,
  changesByVacancy,
});

/** When the person last looked at a page, for "what changed since your last visit". */
export const visitsRepository = repository<SelfScope>()({
  async last(db: Db, scope: SelfScope, page: string): Promise<Date | null> {
    const [row] = await db
      .select()
      .from(lastVisits)
      .where(and(eq(lastVisits.userId, scope.userId), eq(lastVisits.page, page)));
    return row?.at ?? null;
  },
  async record(db: Db, scope: SelfScope, page: string, at: Date): Promise<void> {
    await db
      .insert(lastVisits)
      .values({ userId: scope.userId, page, at })
      .onConflictDoUpdate({ target: [lastVisits.userId, lastVisits.page], set: { at } });
  },
});
