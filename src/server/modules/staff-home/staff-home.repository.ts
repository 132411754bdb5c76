import { type SQL, sql } from "drizzle-orm";
import { LIST_VIEW_STATUSES } from "../../../contracts/vacancies";
import { type Db, queryRows } from "../../platform/db";
import { matches, placements, vacancies, vacancyHistory } from "../../platform/schema";
import type { TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { newApplicationsOf, vacancyInScope } from "../vacancies";

export type FigureSeries = "published" | "applications" | "proposals" | "placements";

const ACTIVE_STATUSES = sql.join(
  LIST_VIEW_STATUSES.active.map((s) => sql`${s}`),
  sql`, `,
);

/*
 * What the staff dashboard counts, over the vacancies of the caller's scope (their organisation
 * and the employers their team keeps): the same rows the vacancy overview lists.
 */
export const staffDashboardRepository = repository<TenantScope>()({
  /**
   * On the overview's active vacancies (only `accountManagerUserId`'s when given): the new
   * applications, the vacancies that have them, and those closing from `today` to `until`.
   */
  async waiting(
    db: Db,
    scope: TenantScope,
    options: { today: string; until: string; accountManagerUserId: string | null },
  ): Promise<{ applications: number; vacanciesWithApplications: number; closingSoon: number }> {
    const conditions: SQL[] = [sql`${vacancies.status} in (${ACTIVE_STATUSES})`];
    const scoped = vacancyInScope(scope);
    if (scoped) conditions.push(scoped);
    if (options.accountManagerUserId)
      conditions.push(sql`${vacancies.accountManagerUserId} = ${options.accountManagerUserId}`);
    const [row] = await queryRows<{
      applications: string | number;
      with_new: string | number;
      closing: string | number;
    }>(
      db,
      sql`with listed as (
          select ${vacancies.closesOn} as closes_on, ${newApplicationsOf(scope, vacancies.id)} as fresh
          from ${vacancies} where ${sql.join(conditions, sql` and `)}
        )
        select coalesce(sum(fresh), 0) as applications,
          count(*) filter (where fresh > 0) as with_new,
          count(*) filter (where closes_on between ${options.today} and ${options.until}) as closing
        from listed`,
    );
    return {
      applications: Number(row?.applications ?? 0),
      vacanciesWithApplications: Number(row?.with_new ?? 0),
      closingSoon: Number(row?.closing ?? 0),
    };
  },

  /**
   * Per week (Mondays, Europe/Amsterdam) since the Monday `fromWeek`: vacancies published for the
   * first time (once, however many audience levels followed), applications, first proposals and
   * placements on the scope's vacancies.
   */
  async perWeek(
    db: Db,
    scope: TenantScope,
    fromWeek: string,
  ): Promise<{ week: string; series: FigureSeries; n: number }[]> {
    const scoped = vacancyInScope(scope) ?? sql`true`;
    const rows = await queryRows<{ week: string; series: FigureSeries; n: string | number }>(
      db,
      sql`with scoped as (select ${vacancies.id} as id from ${vacancies} where ${scoped}),
        happened as (
          select 'published' as series, min(h.at) as at from ${vacancyHistory} h
            where h.action in ('published', 'published_to') and h.vacancy_id in (select id from scoped)
            group by h.vacancy_id
          union all
          select 'applications', m.created_at from ${matches} m
            where m.source = 'applied' and m.vacancy_id in (select id from scoped)
          union all
          select 'proposals', m.proposed_at from ${matches} m
            where m.proposed_at is not null and m.vacancy_id in (select id from scoped)
          union all
          select 'placements', p.created_at from ${placements} p where p.vacancy_id in (select id from scoped)
        )
        select to_char(date_trunc('week', at at time zone 'Europe/Amsterdam'), 'YYYY-MM-DD') as week, series,
          count(*) as n
        from happened
        where at >= (${fromWeek}::date)::timestamp at time zone 'Europe/Amsterdam'
        group by 1, 2`,
    );
    return rows.map((r) => ({ week: r.week, series: r.series, n: Number(r.n) }));
  },
});
