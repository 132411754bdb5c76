import { and, asc, eq, gte, ilike, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ReferralListQuery } from "../../../contracts/referrals";
import { type Db, inTenant } from "../../platform/db";
import {
  candidates,
  matches,
  matchHistory,
  notifications,
  organisationSites,
  portals,
  procedurePhases,
  procedures,
  siteStaff,
  users,
  vacancies,
} from "../../platform/schema";
import { reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import { referralPointRules, referralPoints, referrals } from "./referrals.schema";

export type ReferralRow = typeof referrals.$inferSelect;
export type PointsRow = typeof referralPoints.$inferSelect;

const candidateName = sql<string>`trim(${candidates.firstName} || ' ' || ${candidates.lastName})`;
/** The vacancy's place: its site's city, else its own. */
const placeOfWork = sql<string | null>`coalesce(${organisationSites.city}, ${vacancies.city})`;
/** Archived: a red outcome, or a phase that ends the match (the procedure's "archived"). */
const archived = sql<boolean>`(coalesce(${matches.outcome} = 'red', false) or ${procedurePhases.meaning} <> 'active')`;
const lastUpdate = sql<Date>`greatest(${referrals.updatedAt}, ${matches.updatedAt})`;
/**
 * A milestone: an active phase with outcomes to give (the entry phase "referred" has none). The
 * SQL form of the matches module's `milestonesOf`, for both sides of the referral portal.
 */
export const isMilestone = sql<boolean>`(${procedurePhases.meaning} = 'active' and cardinality(${procedurePhases.outcomes}) > 0)`;

const listColumns = {
  referral: referrals,
  candidateName,
  referrerName: users.name,
  vacancyTitle: vacancies.displayTitle,
  vacancyCity: placeOfWork,
  siteId: organisationSites.id,
  siteName: organisationSites.name,
  phaseKey: procedurePhases.key,
  phaseLabel: procedurePhases.label,
  milestone: isMilestone,
  outcome: matches.outcome,
  archived,
  updatedAt: lastUpdate,
};

export type ReferralListRow = Awaited<ReturnType<typeof listSelect>>[number];

/** A hire: a green outcome on "Begonnen werk" that still stands. */
const hireStep = and(
  isNull(matchHistory.undoneAt),
  eq(procedurePhases.key, "started"),
  eq(matchHistory.outcome, "green"),
);

export interface Period {
  from: Date;
  to: Date;
  siteId?: string | undefined;
}

/** Who may see which referrals: the organisations of the scope, and a staff member's sites. */
export interface ReferralReach {
  /** The staff member whose site limits apply (`site_staff`); null for the platform administrator. */
  userId: string | null;
}

/**
 * Someone limited to sites in an organisation sees that organisation's referrals only on those
 * sites' vacancies; in an organisation where they have no limit, all of them.
 */
function withinSites(reach: ReferralReach, organisation: AnyPgColumn, site: AnyPgColumn): SQL | undefined {
  if (reach.userId === null) return undefined;
  return sql`(not exists (select 1 from ${siteStaff} ss
      where ss.user_id = ${reach.userId} and ss.organisation_id = ${organisation})
    or ${site} in (select ss.site_id from ${siteStaff} ss where ss.user_id = ${reach.userId}))`;
}

function baseWhere(scope: TenantScope, reach: ReferralReach): SQL | undefined {
  return and(
    inTenant(scope, referrals.organisationId),
    withinSites(reach, referrals.organisationId, vacancies.siteId),
  );
}

function listSelect(db: Db) {
  return db
    .select(listColumns)
    .from(referrals)
    .innerJoin(matches, eq(matches.id, referrals.matchId))
    .innerJoin(candidates, eq(candidates.id, referrals.candidateId))
    .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
    .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
    .leftJoin(organisationSites, eq(organisationSites.id, vacancies.siteId))
    .leftJoin(users, eq(users.id, referrals.referrerUserId));
}

function filters(query: Required<Pick<ParsedQuery, "archived">> & ParsedQuery): (SQL | undefined)[] {
  const q = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return [
    query.archived ? archived : sql`not ${archived}`,
    query.siteId ? eq(vacancies.siteId, query.siteId) : undefined,
    query.vacancyId ? eq(referrals.vacancyId, query.vacancyId) : undefined,
    query.phase ? and(eq(procedurePhases.key, query.phase), isMilestone) : undefined,
    query.status === undefined
      ? undefined
      : query.status === "none"
        ? or(isNull(matches.outcome), sql`not ${isMilestone}`)
        : and(eq(matches.outcome, query.status), isMilestone),
    query.city ? sql`lower(${placeOfWork}) = lower(${query.city})` : undefined,
    q ? or(ilike(candidateName, q), ilike(users.name, q)) : undefined,
  ];
}

export interface ParsedQuery {
  archived: boolean;
  siteId?: string | undefined;
  q?: string | undefined;
  sort: "updated" | "name" | "eoi";
  phase?: string | undefined;
  status?: "none" | "green" | "orange" | "red" | undefined;
  city?: string | undefined;
  vacancyId?: string | undefined;
  page: number;
  pageSize: number;
}
export type { ReferralListQuery };

const ORDER: Record<ParsedQuery["sort"], SQL[]> = {
  updated: [sql`${lastUpdate} desc`, asc(referrals.id)],
  // Alphabetically by name, as the referral portal sorts: several candidates for one job show up.
  name: [asc(candidates.lastName), asc(candidates.firstName), asc(referrals.id)],
  eoi: [sql`${referrals.eoiAt} desc nulls last`, asc(referrals.id)],
};

export const referralsRepository = repository<TenantScope>()({
  async list(db, scope, reach: ReferralReach, query: ParsedQuery) {
    const where = and(baseWhere(scope, reach), ...filters(query));
    const [rows, [counted]] = await Promise.all([
      listSelect(db)
        .where(where)
        .orderBy(...ORDER[query.sort])
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(referrals)
        .innerJoin(matches, eq(matches.id, referrals.matchId))
        .innerJoin(candidates, eq(candidates.id, referrals.candidateId))
        .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
        .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
        .leftJoin(organisationSites, eq(organisationSites.id, vacancies.siteId))
        .leftJoin(users, eq(users.id, referrals.referrerUserId))
        .where(where),
    ]);
    return { rows, total: counted?.n ?? 0 };
  },

  /** What the filters offer within the caller's reach. */
  async facets(db, scope, reach: ReferralReach) {
    const where = baseWhere(scope, reach);
    const [sites, vacancyRows, phases, cities] = await Promise.all([
      db
        .select({ id: organisationSites.id, name: organisationSites.name })
        .from(organisationSites)
        .where(
          and(
            inTenant(scope, organisationSites.organisationId),
            isNull(organisationSites.deactivatedAt),
            withinSites(reach, organisationSites.organisationId, organisationSites.id),
          ),
        )
        .orderBy(asc(organisationSites.name)),
      db
        .selectDistinct({ id: vacancies.id, title: vacancies.displayTitle })
        .from(referrals)
        .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
        .where(where)
        .orderBy(asc(vacancies.displayTitle), asc(vacancies.id)),
      db
        .select({
          key: procedurePhases.key,
          label: procedurePhases.label,
          position: procedurePhases.position,
        })
        .from(procedurePhases)
        .innerJoin(procedures, eq(procedures.id, procedurePhases.procedureId))
        .where(and(eq(procedures.kind, "referral"), inTenant(scope, procedures.organisationId), isMilestone))
        .orderBy(asc(procedurePhases.position)),
      db
        .selectDistinct({ city: placeOfWork })
        .from(referrals)
        .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
        .leftJoin(organisationSites, eq(organisationSites.id, vacancies.siteId))
        .where(where),
    ]);
    return { sites, vacancies: vacancyRows, phases, cities: cities.map((c) => c.city) };
  },

  /** One referral with the person's contact details and the coordinates for the distance. */
  async find(db, scope, reach: ReferralReach, id: string) {
    const [row] = await listSelect(db)
      .where(and(eq(referrals.id, id), baseWhere(scope, reach)))
      .limit(1);
    if (!row) return null;
    const [contact] = await db
      .select({
        email: candidates.email,
        phone: candidates.phone,
        postcode: candidates.postcode,
        city: candidates.city,
        lat: candidates.lat,
        lon: candidates.lon,
        workLat: sql<number | null>`coalesce(${organisationSites.lat}, ${vacancies.lat})`,
        workLon: sql<number | null>`coalesce(${organisationSites.lon}, ${vacancies.lon})`,
        vacancy: {
          id: vacancies.id,
          organisationId: vacancies.organisationId,
          ownerUserId: vacancies.ownerUserId,
        },
      })
      .from(referrals)
      .innerJoin(candidates, eq(candidates.id, referrals.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
      .leftJoin(organisationSites, eq(organisationSites.id, vacancies.siteId))
      .where(eq(referrals.id, id))
      .limit(1);
    return { ...row, contact: contact! };
  },

  /** Whether the vacancy's owner hears of new referrals; null for a vacancy outside the scope. */
  async notifySetting(db, scope, vacancyId: string): Promise<boolean | null> {
    const [row] = await db
      .select({ notify: vacancies.notifyOnReferral })
      .from(vacancies)
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)))
      .limit(1);
    return row?.notify ?? null;
  },

  /** The vacancies module owns the row; this column is the referral portal's (decision 0023). */
  async setNotify(db, scope, vacancyId: string, notify: boolean): Promise<boolean> {
    const rows = await db
      .update(vacancies)
      .set({ notifyOnReferral: notify })
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)))
      .returning({ id: vacancies.id });
    return rows.length > 0;
  },

  /** Whether an organisation of the scope takes referrals: a referral procedure in use, or referrals. */
  async takesReferrals(db, scope): Promise<boolean> {
    const [row] = await db
      .select({ one: sql`1` })
      .from(procedures)
      .where(
        and(
          eq(procedures.kind, "referral"),
          inTenant(scope, procedures.organisationId),
          or(
            eq(procedures.isDefault, true),
            sql`exists (select 1 from ${vacancies} v where v.procedure_id = ${procedures.id})`,
            sql`exists (select 1 from ${referrals} r where r.organisation_id = ${procedures.organisationId})`,
          ),
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  /** The referral that made this match, if one did. */
  async byMatch(db, scope, matchId: string): Promise<ReferralRow | null> {
    const [row] = await db
      .select()
      .from(referrals)
      .where(and(eq(referrals.matchId, matchId), inTenant(scope, referrals.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** The last change to a referral (its list's "last update"), in the transaction of a step. */
  async touch(db, scope, id: string): Promise<void> {
    await db
      .update(referrals)
      .set({ updatedAt: new Date() })
      .where(and(eq(referrals.id, id), inTenant(scope, referrals.organisationId)));
  },

  // --- Points ------------------------------------------------------------------------------

  /** The organisation's point rules (phase key -> points); none: the shipped defaults apply. */
  async pointRules(db, scope, organisationId: string) {
    if (!reaches(scope, organisationId)) return [];
    return db
      .select({ phaseKey: referralPointRules.phaseKey, points: referralPointRules.points })
      .from(referralPointRules)
      .where(eq(referralPointRules.organisationId, organisationId));
  },

  async setPointRules(
    db,
    scope,
    organisationId: string,
    rules: readonly { phaseKey: string; points: number }[],
  ): Promise<void> {
    if (!reaches(scope, organisationId)) throw new Error("point rules outside the scope");
    await db.delete(referralPointRules).where(eq(referralPointRules.organisationId, organisationId));
    if (rules.length > 0)
      await db.insert(referralPointRules).values(rules.map((r) => ({ ...r, organisationId })));
  },

  /** An award for a green step; at most one per step (the unique key). */
  async award(db, scope, entry: Omit<typeof referralPoints.$inferInsert, "id" | "at" | "reversesId">) {
    if (!reaches(scope, entry.organisationId)) throw new Error("points outside the scope");
    await db.insert(referralPoints).values(entry).onConflictDoNothing();
  },

  /** Takes back the award of an undone step, if it gave one; returns the points taken back. */
  async reverseAwardOf(db, scope, stepId: string): Promise<number> {
    const [award] = await db
      .select()
      .from(referralPoints)
      .where(
        and(
          eq(referralPoints.stepId, stepId),
          isNull(referralPoints.reversesId),
          inTenant(scope, referralPoints.organisationId),
        ),
      )
      .limit(1);
    if (!award) return 0;
    const inserted = await db
      .insert(referralPoints)
      .values({
        organisationId: award.organisationId,
        referrerUserId: award.referrerUserId,
        referralId: award.referralId,
        stepId,
        phaseKey: award.phaseKey,
        points: -award.points,
        reversesId: award.id,
      })
      .onConflictDoNothing()
      .returning({ id: referralPoints.id });
    return inserted.length > 0 ? award.points : 0;
  },

  // --- Results --------------------------------------------------------------------------

  /** Per referrer: referrals made, hires and points in the period [from, to). */
  async leaderboard(db, scope, reach: ReferralReach, period: Period) {
    const where = and(
      baseWhere(scope, reach),
      period.siteId ? eq(vacancies.siteId, period.siteId) : undefined,
    );
    const [made, hired, points] = await Promise.all([
      db
        .select({ userId: referrals.referrerUserId, n: sql<number>`count(*)::int` })
        .from(referrals)
        .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
        .where(and(where, gte(referrals.createdAt, period.from), lt(referrals.createdAt, period.to)))
        .groupBy(referrals.referrerUserId),
      db
        .select({ userId: referrals.referrerUserId, n: sql<number>`count(distinct ${referrals.id})::int` })
        .from(referrals)
        .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
        .innerJoin(matchHistory, eq(matchHistory.matchId, referrals.matchId))
        .innerJoin(procedurePhases, eq(procedurePhases.id, matchHistory.toPhaseId))
        .where(and(where, hireStep, gte(matchHistory.at, period.from), lt(matchHistory.at, period.to)))
        .groupBy(referrals.referrerUserId),
      db
        .select({ userId: referralPoints.referrerUserId, n: sql<number>`sum(${referralPoints.points})::int` })
        .from(referralPoints)
        .innerJoin(referrals, eq(referrals.id, referralPoints.referralId))
        .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
        .where(and(where, gte(referralPoints.at, period.from), lt(referralPoints.at, period.to)))
        .groupBy(referralPoints.referrerUserId),
    ]);
    const ids = [...new Set([...made, ...hired, ...points].map((r) => r.userId).filter((id) => id !== null))];
    const names =
      ids.length === 0
        ? []
        : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
    return { made, hired, points, names };
  },

  /** Referrals made and hires per month (yyyy-mm) in the period. */
  async perMonth(db, scope, reach: ReferralReach, period: Period) {
    const where = and(
      baseWhere(scope, reach),
      period.siteId ? eq(vacancies.siteId, period.siteId) : undefined,
    );
    const [made, hired] = await Promise.all([
      db
        .select({
          month: sql<string>`to_char(${referrals.createdAt} at time zone 'Europe/Amsterdam', 'YYYY-MM')`,
          n: sql<number>`count(*)::int`,
        })
        .from(referrals)
        .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
        .where(and(where, gte(referrals.createdAt, period.from), lt(referrals.createdAt, period.to)))
        .groupBy(sql`1`),
      db
        .select({
          month: sql<string>`to_char(${matchHistory.at} at time zone 'Europe/Amsterdam', 'YYYY-MM')`,
          n: sql<number>`count(distinct ${referrals.id})::int`,
        })
        .from(referrals)
        .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
        .innerJoin(matchHistory, eq(matchHistory.matchId, referrals.matchId))
        .innerJoin(procedurePhases, eq(procedurePhases.id, matchHistory.toPhaseId))
        .where(and(where, hireStep, gte(matchHistory.at, period.from), lt(matchHistory.at, period.to)))
        .groupBy(sql`1`),
    ]);
    return { made, hired };
  },
});

/** For the event subscribers (system scope): the facts a notice about a referral needs. */
export const referralNoticeRepository = repository<TenantScope>()({
  async byMatch(db, scope, matchId: string) {
    const [row] = await db
      .select({
        referral: referrals,
        candidateName,
        candidateFirstName: candidates.firstName,
        vacancyTitle: vacancies.displayTitle,
        ownerUserId: vacancies.ownerUserId,
        contactUserId: vacancies.contactUserId,
        notifyOnReferral: vacancies.notifyOnReferral,
        ...mailPortalColumns,
      })
      .from(referrals)
      .innerJoin(candidates, eq(candidates.id, referrals.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
      .innerJoin(portals, eq(portals.id, referrals.portalId))
      .where(and(eq(referrals.matchId, matchId), inTenant(scope, referrals.organisationId)))
      .limit(1);
    return row ?? null;
  },

  async person(db, _scope, userId: string) {
    const [row] = await db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    return row ?? null;
  },

  async phase(db, scope, phaseId: string) {
    const [row] = await db
      .select({ key: procedurePhases.key, label: procedurePhases.label })
      .from(procedurePhases)
      .where(and(eq(procedurePhases.id, phaseId), inTenant(scope, procedurePhases.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** The phase an (undone) step had moved the match to. */
  async phaseOfStep(db, scope, stepId: string) {
    const [row] = await db
      .select({ key: procedurePhases.key, label: procedurePhases.label })
      .from(matchHistory)
      .innerJoin(procedurePhases, eq(procedurePhases.id, matchHistory.toPhaseId))
      .where(and(eq(matchHistory.id, stepId), inTenant(scope, matchHistory.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** The points a step gave, or for an undone step its award (the reversal is its negative). */
  async pointsOfStep(db, scope, stepId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`coalesce(sum(${referralPoints.points}), 0)::int` })
      .from(referralPoints)
      .where(
        and(
          eq(referralPoints.stepId, stepId),
          isNull(referralPoints.reversesId),
          inTenant(scope, referralPoints.organisationId),
        ),
      );
    return row?.n ?? 0;
  },

  async notify(db, _scope, row: typeof notifications.$inferInsert): Promise<void> {
    await db.insert(notifications).values(row).onConflictDoNothing();
  },
});
