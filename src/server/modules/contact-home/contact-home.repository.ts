import { and, asc, count, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db";
import { matchHistory, organisations, procedurePhases, vacancies } from "../../platform/schema";
import { organisationsOf, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { visibleToCandidatesSql } from "../vacancies";

/** The phase keys whose steps the figures over time count (the recruitment procedure's). */
export const FIGURE_PHASE_KEYS = ["proposed", "approved", "declined"] as const;
export type FigurePhaseKey = (typeof FIGURE_PHASE_KEYS)[number];

/** `column in (the scope's organisations)`; nothing for an empty scope, no filter for the platform. */
function inScope(scope: TenantScope, column: unknown) {
  const ids = organisationsOf(scope);
  if (ids === "all") return undefined;
  if (ids.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/*
 * What the employer contact's dashboard counts, all over the scope's organisations (the
 * families of the employers the contact works for).
 */
export const contactDashboardRepository = repository<TenantScope>()({
  /** The employers themselves: the top organisations of the scope, by name. */
  async employers(db: Db, scope: TenantScope): Promise<{ id: string; name: string }[]> {
    return db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        and(
          isNull(organisations.parentId),
          isNull(organisations.archivedAt),
          inScope(scope, organisations.id),
          sql`${organisations.kind} = 'employer'`,
        ),
      )
      .orderBy(asc(organisations.name));
  },

  /** Vacancies candidates can see today (the overview's "visible" filter). */
  async activeVacancies(db: Db, scope: TenantScope, today: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(vacancies)
      .where(and(inScope(scope, vacancies.organisationId), visibleToCandidatesSql(today)));
    return Number(row?.n ?? 0);
  },

  /**
   * Steps into the proposed, approved and declined phases per month (Europe/Amsterdam) since the
   * first day of `fromMonth` (`YYYY-MM`); undone steps do not count.
   */
  async stepsPerMonth(
    db: Db,
    scope: TenantScope,
    fromMonth: string,
  ): Promise<{ month: string; key: FigurePhaseKey; n: number }[]> {
    const keys = sql.join(
      FIGURE_PHASE_KEYS.map((k) => sql`${k}`),
      sql`, `,
    );
    const rows = await queryRows<{ month: string; key: FigurePhaseKey; n: number | string }>(
      db,
      sql`select to_char(h.at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month, p.key, count(*) as n
        from ${matchHistory} h join ${procedurePhases} p on p.id = h.to_phase_id
        where ${inScope(scope, sql`h.organisation_id`) ?? sql`true`}
          and h.undone_at is null
          and p.key in (${keys})
          and h.at >= (${`${fromMonth}-01`}::date)::timestamp at time zone 'Europe/Amsterdam'
        group by 1, 2`,
    );
    return rows.map((r) => ({ month: r.month, key: r.key, n: Number(r.n) }));
  },
});
