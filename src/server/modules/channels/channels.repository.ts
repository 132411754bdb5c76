import { type AnyColumn, and, asc, eq, inArray, isNull, notInArray, type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../platform/db";
import {
  jobSites,
  matches,
  organisations,
  procedurePhases,
  vacancies,
  vacancyJobSites,
  vacancyViews,
} from "../../platform/schema";
import { organisationsOf, type PublicScope, reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";

export type JobSiteRow = typeof jobSites.$inferSelect;
export interface JobSiteListRow extends JobSiteRow {
  organisationName: string;
  vacancyCount: number;
}

/** WHERE clause: the column is one of the scope's organisations (nothing for the platform). */
function within(scope: TenantScope, column: SQL | AnyColumn): SQL | undefined {
  const ids = organisationsOf(scope);
  if (ids === "all") return undefined;
  if (ids.length === 0) return sql`false`;
  return inArray(sql`${column}`, [...ids]);
}

/** The top organisation of an organisation's family (departments and branches share its sites). */
function topOf(organisationId: SQL | string): SQL<string> {
  return sql<string>`(with recursive up(id, parent_id) as (
      select o.id, o.parent_id from ${organisations} o where o.id = ${organisationId}::uuid
      union
      select o.id, o.parent_id from ${organisations} o join up on o.id = up.parent_id
    ) select id from up where parent_id is null limit 1)`;
}

const vacancyCount = sql<number>`(select count(*)::int from ${vacancyJobSites} vj
  where vj.job_site_id = "job_sites"."id")`;

/**
 * Job sites of families of organisations and the sites each vacancy is posted to. Every
 * function checks the scope reaches the organisation asked about; outside it nothing is found.
 */
export const jobSitesRepository = repository<TenantScope>()({
  /** The top organisation of the organisation's family, when the scope reaches both. */
  async topOrganisation(db, scope, organisationId: string) {
    if (!reaches(scope, organisationId)) return null;
    const [row] = await queryRows<{ id: string | null }>(db, sql`select ${topOf(organisationId)} as id`);
    return row?.id && reaches(scope, row.id) ? row.id : null;
  },

  /** These organisations (or, for "all", every one) that are top organisations, by name. */
  async topOrganisations(db, scope, ids: readonly string[] | "all") {
    if (ids !== "all" && ids.length === 0) return [];
    return db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        and(
          isNull(organisations.parentId),
          isNull(organisations.archivedAt),
          ids === "all" ? undefined : inArray(organisations.id, [...ids]),
          within(scope, sql`${organisations.id}`),
        ),
      )
      .orderBy(asc(organisations.name));
  },

  /** The job sites of these top organisations, active first, by name. */
  async list(db, scope, ids: readonly string[]): Promise<JobSiteListRow[]> {
    if (ids.length === 0) return [];
    return db
      .select({
        id: jobSites.id,
        organisationId: jobSites.organisationId,
        name: jobSites.name,
        code: jobSites.code,
        active: jobSites.active,
        createdAt: jobSites.createdAt,
        updatedAt: jobSites.updatedAt,
        organisationName: organisations.name,
        vacancyCount,
      })
      .from(jobSites)
      .innerJoin(organisations, eq(organisations.id, jobSites.organisationId))
      .where(and(inArray(jobSites.organisationId, [...ids]), within(scope, jobSites.organisationId)))
      .orderBy(asc(organisations.name), sql`${jobSites.active} desc`, asc(sql`lower(${jobSites.name})`));
  },

  async find(db, scope, id: string): Promise<JobSiteListRow | null> {
    const [row] = await db
      .select({
        id: jobSites.id,
        organisationId: jobSites.organisationId,
        name: jobSites.name,
        code: jobSites.code,
        active: jobSites.active,
        createdAt: jobSites.createdAt,
        updatedAt: jobSites.updatedAt,
        organisationName: organisations.name,
        vacancyCount,
      })
      .from(jobSites)
      .innerJoin(organisations, eq(organisations.id, jobSites.organisationId))
      .where(and(eq(jobSites.id, id), within(scope, jobSites.organisationId)));
    return row ?? null;
  },

  /** Another site of the organisation with this code or (in any case) this name. */
  async clash(
    db,
    scope,
    organisationId: string,
    fields: { name?: string; code?: string },
    exceptId: string | null,
  ) {
    if (!reaches(scope, organisationId)) return null;
    const rows = await db
      .select({ name: jobSites.name, code: jobSites.code })
      .from(jobSites)
      .where(
        and(
          eq(jobSites.organisationId, organisationId),
          exceptId ? sql`${jobSites.id} <> ${exceptId}` : undefined,
          sql`(${fields.code ?? null}::text is not null and ${jobSites.code} = ${fields.code ?? null}::text)
            or (${fields.name ?? null}::text is not null and lower(${jobSites.name}) = lower(${fields.name ?? null}::text))`,
        ),
      );
    if (rows.some((r) => fields.code !== undefined && r.code === fields.code)) return "code" as const;
    if (rows.length > 0) return "name" as const;
    return null;
  },

  async insert(db, scope, row: { organisationId: string; name: string; code: string }) {
    if (!reaches(scope, row.organisationId)) throw new Error("job site outside the caller's organisations");
    const [inserted] = await db.insert(jobSites).values(row).returning({ id: jobSites.id });
    return inserted!.id;
  },

  async update(db, scope, id: string, patch: { name?: string; active?: boolean }) {
    const [row] = await db
      .update(jobSites)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(jobSites.id, id), within(scope, jobSites.organisationId)))
      .returning({ id: jobSites.id });
    return row?.id ?? null;
  },

  /** The active job sites a vacancy of this top organisation may choose. */
  async active(db, scope, topOrganisationId: string) {
    if (!reaches(scope, topOrganisationId)) return [];
    return db
      .select({ id: jobSites.id, code: jobSites.code, name: jobSites.name })
      .from(jobSites)
      .where(and(eq(jobSites.organisationId, topOrganisationId), eq(jobSites.active, true)))
      .orderBy(asc(sql`lower(${jobSites.name})`));
  },

  /** The job sites the vacancy is posted to (inactive ones too). */
  async chosen(db, scope, vacancyId: string) {
    return db
      .select({ id: jobSites.id, code: jobSites.code, name: jobSites.name, active: jobSites.active })
      .from(vacancyJobSites)
      .innerJoin(jobSites, eq(jobSites.id, vacancyJobSites.jobSiteId))
      .where(and(eq(vacancyJobSites.vacancyId, vacancyId), within(scope, vacancyJobSites.organisationId)))
      .orderBy(asc(sql`lower(${jobSites.name})`));
  },

  /** Posts the vacancy to exactly these job sites (keeping when each was first chosen). */
  async replaceChosen(
    db,
    scope,
    vacancy: { id: string; organisationId: string },
    jobSiteIds: readonly string[],
    userId: string,
  ) {
    if (!reaches(scope, vacancy.organisationId))
      throw new Error("vacancy outside the caller's organisations");
    await db
      .delete(vacancyJobSites)
      .where(
        and(
          eq(vacancyJobSites.vacancyId, vacancy.id),
          jobSiteIds.length > 0 ? notInArray(vacancyJobSites.jobSiteId, [...jobSiteIds]) : undefined,
        ),
      );
    if (jobSiteIds.length > 0) {
      await db
        .insert(vacancyJobSites)
        .values(
          jobSiteIds.map((jobSiteId) => ({
            vacancyId: vacancy.id,
            jobSiteId,
            organisationId: vacancy.organisationId,
            addedByUserId: userId,
          })),
        )
        .onConflictDoNothing();
    }
  },
});

/**
 * The feeds of external job sites: public, as the job board is; a site's feed lists the
 * vacancies posted to it, which the job board then narrows to those on its board today.
 */
export const jobSiteFeedRepository = repository<PublicScope>()({
  /** An active job site and the vacancies posted to it; null for an unknown or inactive one. */
  async feed(db, _scope: PublicScope, jobSiteId: string) {
    const [site] = await db
      .select({ id: jobSites.id, code: jobSites.code, name: jobSites.name })
      .from(jobSites)
      .where(and(eq(jobSites.id, jobSiteId), eq(jobSites.active, true)));
    if (!site) return null;
    const rows = await db
      .select({ id: vacancyJobSites.vacancyId })
      .from(vacancyJobSites)
      .innerJoin(vacancies, eq(vacancies.id, vacancyJobSites.vacancyId))
      .where(and(eq(vacancyJobSites.jobSiteId, jobSiteId), eq(vacancies.status, "published")));
    return { ...site, vacancyIds: rows.map((r) => r.id) };
  },
});

export interface ClicksRow {
  site_id: string;
  site_name: string;
  code: string;
  vacancy_id: string;
  title: string;
  views: number | string;
  clicks: number | string;
  applications: number | string;
}

export interface Period {
  from: string;
  to: string;
}

/** A timestamp column's day in the Dutch calendar lies in the period. */
const inPeriod = (column: SQL, period: Period) =>
  sql`(${column} at time zone 'Europe/Amsterdam')::date between ${period.from}::date and ${period.to}::date`;

/**
 * The multiposter's reports over the scope's vacancies: views and clicks to apply come from
 * `vacancy_views` (a click is a row with channel "apply"), applications from `matches`
 * (source "applied", with the utm_source they arrived with).
 */
export const channelReportsRepository = repository<TenantScope>()({
  /** Per job site and vacancy: views, clicks and applications in the period with the site's code. */
  async jobSiteClicks(db, scope, period: Period): Promise<ClicksRow[]> {
    const scoped = within(scope, sql`v.organisation_id`) ?? sql`true`;
    return queryRows<ClicksRow>(
      db,
      sql`with recursive tops(id, top) as (
          select o.id, o.id from ${organisations} o where o.parent_id is null
          union all
          select c.id, t.top from ${organisations} c join tops t on c.parent_id = t.id
        ), scoped as (
          select v.id, v.display_title, tops.top from ${vacancies} v join tops on tops.id = v.organisation_id
          where ${scoped}
        ), ev as (
          select vv.vacancy_id, vv.source,
                 count(*) filter (where vv.channel <> 'apply') as views,
                 count(*) filter (where vv.channel = 'apply') as clicks,
                 0 as applications
            from ${vacancyViews} vv join scoped s on s.id = vv.vacancy_id
           where ${inPeriod(sql`vv.at`, period)}
           group by 1, 2
          union all
          select m.vacancy_id, m.channel_source, 0, 0, count(*)
            from ${matches} m join scoped s on s.id = m.vacancy_id
           where m.source = 'applied' and m.channel_source is not null and ${inPeriod(sql`m.created_at`, period)}
           group by 1, 2
        ), agg as (
          select vacancy_id, source, sum(views) as views, sum(clicks) as clicks, sum(applications) as applications
            from ev group by 1, 2
        )
        select js.id as site_id, js.name as site_name, js.code, s.id as vacancy_id, s.display_title as title,
               coalesce(a.views, 0) as views, coalesce(a.clicks, 0) as clicks,
               coalesce(a.applications, 0) as applications
          from scoped s
          join ${jobSites} js on js.organisation_id = s.top
          left join agg a on a.vacancy_id = s.id and a.source = js.code
         where a.vacancy_id is not null
            or exists (select 1 from ${vacancyJobSites} vj where vj.vacancy_id = s.id and vj.job_site_id = js.id)
         order by lower(js.name), js.id, lower(s.display_title), s.id`,
    );
  },

  /** Applicants in the period per source and the key of their match's current phase. */
  async applicantsBySource(db, scope, period: Period, vacancyId: string | null) {
    const where = and(
      eq(matches.source, "applied"),
      inPeriod(sql`${matches.createdAt}`, period),
      vacancyId ? eq(matches.vacancyId, vacancyId) : undefined,
      within(scope, sql`${vacancies.organisationId}`),
    );
    const counts = await db
      .select({
        source: sql<string>`coalesce(${matches.channelSource}, 'direct')`,
        phase: procedurePhases.key,
        n: sql<number>`count(*)::int`,
      })
      .from(matches)
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(where)
      .groupBy(sql`1`, procedurePhases.key);
    const phases = await db
      .selectDistinct({
        key: procedurePhases.key,
        position: procedurePhases.position,
        label: procedurePhases.label,
      })
      .from(procedurePhases)
      .where(
        inArray(
          procedurePhases.procedureId,
          db
            .selectDistinct({ id: matches.procedureId })
            .from(matches)
            .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
            .where(where),
        ),
      )
      .orderBy(asc(procedurePhases.position), asc(procedurePhases.key));
    return { counts: counts.map((c) => ({ ...c, n: Number(c.n) })), phases };
  },

  /** The scope's vacancies with applications, to narrow the report to one. */
  async vacanciesWithApplicants(db, scope) {
    return db
      .select({ id: vacancies.id, title: vacancies.displayTitle })
      .from(vacancies)
      .where(
        and(
          within(scope, sql`${vacancies.organisationId}`),
          sql`exists (select 1 from ${matches} m where m.vacancy_id = ${vacancies.id} and m.source = 'applied')`,
        ),
      )
      .orderBy(asc(sql`lower(${vacancies.displayTitle})`), asc(vacancies.id))
      .limit(500);
  },

  /** The job sites (any state) of the scope's families with these codes, for naming sources. */
  async sitesByCode(db, scope, codes: readonly string[]) {
    if (codes.length === 0) return [];
    return db
      .select({ code: jobSites.code, name: jobSites.name })
      .from(jobSites)
      .where(and(inArray(jobSites.code, [...codes]), within(scope, jobSites.organisationId)));
  },
});
