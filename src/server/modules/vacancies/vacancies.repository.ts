import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { addDays } from "../../../contracts/calendar-weeks";
import { CLOSING_SOON_DAYS } from "../../../contracts/staff-home";
import { LIST_VIEW_STATUSES, type VacancyListQuery } from "../../../contracts/vacancies";
import { type Db, containsText as textMatches } from "../../platform/db";
import { matches, matchHistory, organisationSites, organisations, users } from "../../platform/schema";
import { organisationsOf, reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { vacancies, vacancyAttachments, vacancyHistory, vacancyTeam } from "./vacancies.schema";
import { visibleToCandidatesSql } from "./visibility.repository";

export type VacancyRow = typeof vacancies.$inferSelect;
export type NewVacancyRow = typeof vacancies.$inferInsert;
export type VacancyAttachmentRow = typeof vacancyAttachments.$inferSelect;

export const PAGE_SIZE = 20;

/**
 * How many applications on the vacancy nobody has handled yet: still in the phase they arrived
 * in, with no step since (an undone step does not count). The staff home and the overview's
 * "new applications" filter count the same way.
 */
export function newApplicationsOf(scope: TenantScope, vacancyId: AnyColumn | SQL): SQL<number> {
  const scoped = inScope(scope, sql`m.organisation_id`) ?? sql`true`;
  return sql<number>`(select count(*) from ${matches} m where m.vacancy_id = ${vacancyId} and m.source = 'applied'
    and ${scoped}
    and not exists (select 1 from ${matchHistory} h where h.match_id = m.id and h.seq > 0 and h.undone_at is null))`;
}

/** Only the rows of the scope's organisations (every row for the platform). */
export function inScope(
  scope: TenantScope,
  column: AnyColumn | SQL = vacancies.organisationId,
): SQL | undefined {
  const organisationIds = organisationsOf(scope);
  if (organisationIds === "all") return undefined;
  if (organisationIds.length === 0) return sql`false`;
  return inArray(sql`${column}`, [...organisationIds]);
}

/** Inserts only into the scope's organisations: a bug, not a user error, if it happens. */
export function assertReaches(scope: TenantScope, organisationId: string, what: string): void {
  if (!reaches(scope, organisationId)) throw new Error(`${what} outside the caller's organisations`);
}

/**
 * The total of a page that carries `count(*) over ()` in each row; only a page past the end
 * (no rows to carry it) asks again.
 */
export async function totalOf(
  rows: readonly { total: number | string }[],
  page: number,
  count: () => Promise<{ n: number | string }[]>,
): Promise<number> {
  if (rows.length > 0) return Number(rows[0]!.total);
  if (page <= 1) return 0;
  const [row] = await count();
  return Number(row?.n ?? 0);
}

export interface PersonJson {
  id: string;
  name: string;
  email: string;
}
export interface AttachmentJson {
  id: string;
  vacancyId: string;
  fileName: string;
  contentType: string;
  size: number;
  /** As PostgreSQL writes a timestamp in JSON. */
  createdAt: string;
}

/** A vacancy's attachments as a JSON array, oldest first (for the vacancy of the outer query). */
export function attachmentsOf(vacancyId: SQL): SQL<AttachmentJson[]> {
  return sql<
    AttachmentJson[]
  >`(select coalesce(json_agg(json_build_object('id', a.id, 'vacancyId', a.vacancy_id,
      'fileName', a.file_name, 'contentType', a.content_type, 'size', a.size, 'createdAt', a.created_at)
      order by a.created_at), '[]'::json) from ${vacancyAttachments} a where a.vacancy_id = ${vacancyId})`;
}

/**
 * What the staff view of a vacancy shows besides its own columns, computed in the statement
 * that reads (or changes) it: names of the organisation, department and people, the files and
 * the numbers of candidates. `source` is the table or CTE the vacancy row comes from.
 */
function viewExtras(source: "vacancies" | "changed") {
  const col = (name: string) => sql.raw(`"${source}"."${name}"`);
  const person = (column: string) =>
    sql<PersonJson | null>`(select json_build_object('id', u.id, 'name', u.name, 'email', u.email)
      from ${users} u where u.id = ${col(column)})`;
  return {
    organisation: sql<{ id: string; name: string; city: string | null; logoFileKey: string | null }>`(
      select json_build_object('id', o.id, 'name', o.name, 'city', o.city, 'logoFileKey', o.logo_file_key)
      from ${organisations} o where o.id = ${col("organisation_id")})`,
    department: sql<{ id: string; name: string } | null>`(select json_build_object('id', d.id, 'name', d.name)
      from ${organisations} d where d.id = ${col("department_id")})`,
    site: sql<{ id: string; name: string; city: string } | null>`(select json_build_object('id', s.id,
      'name', s.name, 'city', s.city) from ${organisationSites} s where s.id = ${col("site_id")})`,
    contact: person("contact_user_id"),
    accountManager: person("account_manager_user_id"),
    owner: person("owner_user_id"),
    createdBy: person("created_by_user_id"),
    requestedBy: person("requested_by_user_id"),
    decidedBy: person("decided_by_user_id"),
    attachments: attachmentsOf(col("id")),
    counts: sql<{ saved: number; proposed: number; applied: number }>`(select json_build_object(
      'saved', count(*) filter (where m.source = 'saved'),
      'proposed', count(*) filter (where m.proposed_at is not null),
      'applied', count(*) filter (where m.source = 'applied')) from ${matches} m where m.vacancy_id = ${col("id")})`,
  };
}

export type VacancyView = VacancyRow & {
  [K in keyof ReturnType<typeof viewExtras>]: ReturnType<typeof viewExtras>[K]["_"]["type"];
};

/** What a change writes into the vacancy's history (the record of the change, same statement). */
export interface HistoryEntry {
  userId: string | null;
  action: string;
  changes: Record<string, [unknown, unknown]>;
  comment: string | null;
}

const COLUMN_KEYS = Object.keys(getTableColumns(vacancies)) as (keyof VacancyRow)[];

/** The vacancy's own columns of a view (what a copy starts from). */
export function columnsOf(view: VacancyView): VacancyRow {
  return Object.fromEntries(COLUMN_KEYS.map((key) => [key, view[key]])) as VacancyRow;
}

export const vacancyRepository = repository<TenantScope>()({
  /** The vacancy with everything its staff view shows, in one statement. */
  async findView(db: Db, scope: TenantScope, id: string): Promise<VacancyView | null> {
    const [row] = await db
      .select({ ...getTableColumns(vacancies), ...viewExtras("vacancies") })
      .from(vacancies)
      .where(and(eq(vacancies.id, id), inScope(scope)))
      .limit(1);
    return row ?? null;
  },

  /**
   * Changes the vacancy and records the change in its history, in one statement; answers the
   * changed vacancy's view, or null when it is out of scope or (with `expectStatus`) its status
   * moved on meanwhile, so that transitions cannot race.
   */
  async change(
    db: Db,
    scope: TenantScope,
    current: Pick<VacancyRow, "id" | "organisationId">,
    patch: Partial<NewVacancyRow>,
    history: HistoryEntry,
    expectStatus?: VacancyRow["status"],
  ): Promise<VacancyView | null> {
    assertReaches(scope, current.organisationId, "a vacancy change");
    const changed = db.$with("changed").as(
      db
        .update(vacancies)
        .set({ ...patch, updatedAt: new Date() })
        .where(
          and(
            eq(vacancies.id, current.id),
            inScope(scope),
            expectStatus ? eq(vacancies.status, expectStatus) : undefined,
          ),
        )
        .returning(),
    );
    const recorded = db.$with("recorded").as(
      db.insert(vacancyHistory).select(
        db
          .select({
            id: sql`gen_random_uuid()`.as("id"),
            vacancyId: changed.id,
            organisationId: changed.organisationId,
            userId: sql`${history.userId}::text`.as("user_id"),
            action: sql`${history.action}::text`.as("action"),
            changes: sql`${JSON.stringify(history.changes)}::jsonb`.as("changes"),
            comment: sql`${history.comment}::text`.as("comment"),
            at: sql`now()`.as("at"),
          })
          .from(changed),
      ),
    );
    const columns = Object.fromEntries(COLUMN_KEYS.map((key) => [key, changed[key]])) as {
      [K in keyof VacancyRow]: (typeof changed)[K];
    };
    const [row] = await db
      .with(changed, recorded)
      .select({ ...columns, ...viewExtras("changed") })
      .from(changed);
    return (row as VacancyView | undefined) ?? null;
  },

  async insert(db: Db, scope: TenantScope, row: NewVacancyRow): Promise<VacancyRow> {
    assertReaches(scope, row.organisationId, "a new vacancy");
    const [created] = await db.insert(vacancies).values(row).returning();
    return created!;
  },

  async remove(db: Db, scope: TenantScope, id: string): Promise<boolean> {
    const rows = await db
      .delete(vacancies)
      .where(and(eq(vacancies.id, id), inScope(scope)))
      .returning({ id: vacancies.id });
    return rows.length > 0;
  },

  /** How many candidates are on the vacancy (saved, proposed or applied). */
  async countMatches(db: Db, scope: TenantScope, vacancyId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(${matches.id})` })
      .from(vacancies)
      .leftJoin(matches, eq(matches.vacancyId, vacancies.id))
      .where(and(eq(vacancies.id, vacancyId), inScope(scope)));
    return Number(row?.n ?? 0);
  },

  /** The staff overview with HalloWerk's search, filters and sorting, and its total. */
  async list(
    db: Db,
    scope: TenantScope,
    query: VacancyListQuery,
    context: { userId: string; today: string },
  ): Promise<{ rows: StaffListItemRow[]; total: number; viewCounts: ViewCounts }> {
    const { today } = context;
    const saved = sql<number>`(select count(*) from ${matches} m where m.vacancy_id = ${vacancies.id} and m.source = 'saved')`;
    const proposed = sql<number>`(select count(*) from ${matches} m where m.vacancy_id = ${vacancies.id} and m.proposed_at is not null)`;
    const visible = visibleToCandidatesSql(today);
    const filters: (SQL | undefined)[] = [inScope(scope)];
    if (query.q) {
      filters.push(
        textMatches(query.q, [
          sql`${vacancies.displayTitle}`,
          sql`${vacancies.title}`,
          sql`${organisations.name}`,
          sql`${vacancies.city}`,
        ]),
      );
    }
    if (query.accountManager === "mine") filters.push(eq(vacancies.accountManagerUserId, context.userId));
    else if (query.accountManager === "none") filters.push(isNull(vacancies.accountManagerUserId));
    else if (query.accountManager) filters.push(eq(vacancies.accountManagerUserId, query.accountManager));
    if (query.owner === "mine")
      filters.push(
        sql`(${vacancies.ownerUserId} = ${context.userId} or exists (select 1 from ${vacancyTeam} t
          where t.vacancy_id = ${vacancies.id} and t.user_id = ${context.userId} and t.role = 'co_owner'))`,
      );
    if (query.contactVia) filters.push(eq(vacancies.contactVia, query.contactVia));
    if (query.closing === "future")
      filters.push(or(isNull(vacancies.closesOn), sql`${vacancies.closesOn} >= ${today}`));
    if (query.closing === "soon")
      filters.push(sql`${vacancies.closesOn} between ${today} and ${addDays(today, CLOSING_SOON_DAYS)}`);
    if (query.closing === "expired")
      filters.push(and(isNotNull(vacancies.closesOn), sql`${vacancies.closesOn} < ${today}`));
    if (query.visible === "yes") filters.push(visible);
    if (query.visible === "no") filters.push(sql`not ${visible}`);
    if (query.proposed === "yes") filters.push(sql`${proposed} > 0`);
    if (query.proposed === "no") filters.push(sql`${proposed} = 0`);
    if (query.applications === "new") filters.push(sql`${newApplicationsOf(scope, vacancies.id)} > 0`);
    if (query.createdBy) filters.push(eq(vacancies.createdByKind, query.createdBy));
    if (query.serviceModel) filters.push(eq(vacancies.serviceModel, query.serviceModel));
    if (query.organisationId) filters.push(eq(vacancies.organisationId, query.organisationId));
    // The view tabs count with the same search and filters, each with its own statuses: the
    // filtered vacancies of every view, counted per view, then the page of the one asked for.
    const inView = (view: keyof typeof LIST_VIEW_STATUSES, column: AnyColumn | SQL = vacancies.status) =>
      inArray(sql`${column}`, [...LIST_VIEW_STATUSES[view]]);
    const sortColumn: Record<typeof query.sort, SQL> = {
      title: sql`lower(${vacancies.displayTitle})`,
      company: sql`lower(${organisations.name})`,
      location: sql`lower(${vacancies.city})`,
      created: sql`${vacancies.createdAt}`,
      closing: sql`${vacancies.closesOn}`,
      visibility: sql`${visible}`,
      candidates: sql`${saved} + ${proposed}`,
    };
    const countIn = (view: keyof typeof LIST_VIEW_STATUSES) =>
      sql<number>`count(*) filter (where ${inView(view)}) over ()`;
    const listed = db.$with("listed").as(
      db
        .select({
          id: vacancies.id,
          status: vacancies.status,
          displayTitle: vacancies.displayTitle,
          functionTitle: vacancies.title,
          organisationId: vacancies.organisationId,
          organisationName: sql<string>`${organisations.name}`.as("organisation_name"),
          city: vacancies.city,
          createdAt: vacancies.createdAt,
          closesOn: vacancies.closesOn,
          createdByKind: vacancies.createdByKind,
          contactUserId: vacancies.contactUserId,
          createdByUserId: vacancies.createdByUserId,
          requestedByUserId: vacancies.requestedByUserId,
          accountManager:
            sql<PersonJson | null>`(select json_build_object('id', u.id, 'name', u.name, 'email', u.email)
            from ${users} u where u.id = ${vacancies.accountManagerUserId})`.as("account_manager"),
          publishOrganisationFrom: vacancies.publishOrganisationFrom,
          publishPortalFrom: vacancies.publishPortalFrom,
          publishAllPortalsFrom: vacancies.publishAllPortalsFrom,
          publishPublicFrom: vacancies.publishPublicFrom,
          savedCount: saved.as("saved_count"),
          proposedCount: proposed.as("proposed_count"),
          sortKey: sql`${sortColumn[query.sort]}`.as("sort_key"),
          activeCount: countIn("active").as("active_count"),
          archivedCount: countIn("archived").as("archived_count"),
          requestedCount: countIn("requested").as("requested_count"),
        })
        .from(vacancies)
        .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
        .where(and(...filters)),
    );
    const direction = query.order === "asc" ? asc : desc;
    const rows = await db
      .with(listed)
      .select({
        id: listed.id,
        status: listed.status,
        displayTitle: listed.displayTitle,
        functionTitle: listed.functionTitle,
        organisationId: listed.organisationId,
        organisationName: listed.organisationName,
        city: listed.city,
        createdAt: listed.createdAt,
        closesOn: listed.closesOn,
        createdByKind: listed.createdByKind,
        contactUserId: listed.contactUserId,
        createdByUserId: listed.createdByUserId,
        requestedByUserId: listed.requestedByUserId,
        accountManager: listed.accountManager,
        publishOrganisationFrom: listed.publishOrganisationFrom,
        publishPortalFrom: listed.publishPortalFrom,
        publishAllPortalsFrom: listed.publishAllPortalsFrom,
        publishPublicFrom: listed.publishPublicFrom,
        savedCount: listed.savedCount,
        proposedCount: listed.proposedCount,
        activeCount: listed.activeCount,
        archivedCount: listed.archivedCount,
        requestedCount: listed.requestedCount,
        total: sql<number>`count(*) over ()`,
      })
      .from(listed)
      .where(inView(query.status, listed.status))
      .orderBy(
        query.order === "asc"
          ? sql`${listed.sortKey} asc nulls last`
          : sql`${listed.sortKey} desc nulls last`,
        direction(listed.id),
      )
      .limit(PAGE_SIZE)
      .offset((query.page - 1) * PAGE_SIZE);

    let viewCounts: ViewCounts;
    let total: number;
    const [first] = rows;
    if (first) {
      viewCounts = {
        active: Number(first.activeCount),
        archived: Number(first.archivedCount),
        requested: Number(first.requestedCount),
      };
      total = Number(first.total);
    } else {
      // An empty view or a page past the end carries no counts: ask for them.
      const [counted] = await db
        .select({
          active: sql<number>`count(*) filter (where ${inView("active")})`,
          archived: sql<number>`count(*) filter (where ${inView("archived")})`,
          requested: sql<number>`count(*) filter (where ${inView("requested")})`,
          total: sql<number>`count(*) filter (where ${inView(query.status)})`,
        })
        .from(vacancies)
        .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
        .where(and(...filters));
      viewCounts = {
        active: Number(counted?.active ?? 0),
        archived: Number(counted?.archived ?? 0),
        requested: Number(counted?.requested ?? 0),
      };
      total = Number(counted?.total ?? 0);
    }
    return {
      rows: rows.map(
        ({ total: _, activeCount: _a, archivedCount: _b, requestedCount: _c, ...r }): StaffListItemRow => ({
          ...r,
          organisationName: String(r.organisationName),
          savedCount: Number(r.savedCount),
          proposedCount: Number(r.proposedCount),
        }),
      ),
      total,
      viewCounts,
    };
  },
});

export interface ViewCounts {
  active: number;
  archived: number;
  requested: number;
}

export interface StaffListItemRow {
  id: string;
  status: VacancyRow["status"];
  displayTitle: string;
  functionTitle: string;
  organisationId: string;
  organisationName: string;
  city: string | null;
  createdAt: Date;
  closesOn: string | null;
  createdByKind: VacancyRow["createdByKind"];
  contactUserId: string | null;
  createdByUserId: string | null;
  requestedByUserId: string | null;
  accountManager: PersonJson | null;
  publishOrganisationFrom: string | null;
  publishPortalFrom: string | null;
  publishAllPortalsFrom: string | null;
  publishPublicFrom: string | null;
  savedCount: number;
  proposedCount: number;
}
