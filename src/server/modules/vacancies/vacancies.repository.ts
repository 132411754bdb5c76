import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { CandidateVacancyQuery, VacancyListQuery } from "../../../contracts/vacancies";
import { type Db, queryRows, containsText as textMatches } from "../../platform/db";
import type { OrganisationScope } from "../../platform/tenancy";
import { matches } from "../matches/matches.schema";
import { memberships, organisations, users } from "../tenancy/tenancy.schema";
import { vacancies, vacancyAttachments, vacancyHistory, vacancyViews } from "./vacancies.schema";
import { type Viewer, visibleToCandidatesSql, visibleToViewer } from "./visibility";

export type VacancyRow = typeof vacancies.$inferSelect;
export type NewVacancyRow = typeof vacancies.$inferInsert;
export type VacancyAttachmentRow = typeof vacancyAttachments.$inferSelect;
export type VacancyHistoryRow = typeof vacancyHistory.$inferSelect;

/** The organisations a caller acts for, or every organisation for the platform administrator. */
export type VacancyScope = OrganisationScope | { readonly all: true };

function inScope(scope: VacancyScope): SQL | undefined {
  if ("all" in scope) return undefined;
  if (scope.organisationIds.length === 0) return sql`false`;
  return inArray(vacancies.organisationId, [...scope.organisationIds]);
}

export const PAGE_SIZE = 20;

export interface MembershipFacts {
  role: string;
  organisationId: string | null;
  portalId: string | null;
  mayManageVacancies: boolean;
}

export async function membershipFacts(db: Db, userId: string): Promise<MembershipFacts[]> {
  return db
    .select({
      role: memberships.role,
      organisationId: memberships.organisationId,
      portalId: memberships.portalId,
      mayManageVacancies: memberships.mayManageVacancies,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}

export async function findVacancy(db: Db, scope: VacancyScope, id: string): Promise<VacancyRow | null> {
  const [row] = await db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.id, id), inScope(scope)))
    .limit(1);
  return row ?? null;
}

export async function insertVacancy(db: Db, scope: VacancyScope, row: NewVacancyRow): Promise<VacancyRow> {
  if (!("all" in scope) && !scope.organisationIds.includes(row.organisationId)) {
    throw new Error("insertVacancy outside the caller's organisations");
  }
  const [created] = await db.insert(vacancies).values(row).returning();
  return created!;
}

export async function updateVacancy(
  db: Db,
  scope: VacancyScope,
  id: string,
  patch: Partial<NewVacancyRow>,
  /** Only update when the status is still this one (transitions race-free). */
  expectStatus?: VacancyRow["status"],
): Promise<VacancyRow | null> {
  const [row] = await db
    .update(vacancies)
    .set({ ...patch, updatedAt: new Date() })
    .where(
      and(
        eq(vacancies.id, id),
        inScope(scope),
        expectStatus ? eq(vacancies.status, expectStatus) : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

export async function deleteVacancy(db: Db, scope: VacancyScope, id: string): Promise<boolean> {
  const rows = await db
    .delete(vacancies)
    .where(and(eq(vacancies.id, id), inScope(scope)))
    .returning({ id: vacancies.id });
  return rows.length > 0;
}

export async function addHistory(
  db: Db,
  scope: VacancyScope,
  entry: {
    vacancyId: string;
    organisationId: string;
    userId: string | null;
    action: string;
    changes?: Record<string, [unknown, unknown]>;
    comment?: string | null;
  },
): Promise<void> {
  if (!("all" in scope) && !scope.organisationIds.includes(entry.organisationId)) {
    throw new Error("addHistory outside the caller's organisations");
  }
  await db.insert(vacancyHistory).values({
    vacancyId: entry.vacancyId,
    organisationId: entry.organisationId,
    userId: entry.userId,
    action: entry.action,
    changes: entry.changes ?? {},
    comment: entry.comment ?? null,
  });
}

export async function listHistory(
  db: Db,
  scope: VacancyScope,
  vacancyId: string,
): Promise<(VacancyHistoryRow & { userName: string | null; userEmail: string | null })[]> {
  return db
    .select({
      id: vacancyHistory.id,
      vacancyId: vacancyHistory.vacancyId,
      organisationId: vacancyHistory.organisationId,
      userId: vacancyHistory.userId,
      action: vacancyHistory.action,
      changes: vacancyHistory.changes,
      comment: vacancyHistory.comment,
      at: vacancyHistory.at,
      userName: users.name,
      userEmail: users.email,
    })
    .from(vacancyHistory)
    .leftJoin(users, eq(users.id, vacancyHistory.userId))
    .where(
      and(
        eq(vacancyHistory.vacancyId, vacancyId),
        "all" in scope
          ? undefined
          : scope.organisationIds.length === 0
            ? sql`false`
            : inArray(vacancyHistory.organisationId, [...scope.organisationIds]),
      ),
    )
    .orderBy(desc(vacancyHistory.at), desc(vacancyHistory.id));
}

export async function listAttachments(
  db: Db,
  scope: VacancyScope,
  vacancyId: string,
): Promise<VacancyAttachmentRow[]> {
  return db
    .select()
    .from(vacancyAttachments)
    .where(
      and(
        eq(vacancyAttachments.vacancyId, vacancyId),
        "all" in scope
          ? undefined
          : scope.organisationIds.length === 0
            ? sql`false`
            : inArray(vacancyAttachments.organisationId, [...scope.organisationIds]),
      ),
    )
    .orderBy(asc(vacancyAttachments.createdAt));
}

/** Attachments of a vacancy the caller may already see (candidates, public board). */
export async function listAttachmentsOfVisibleVacancy(
  db: Db,
  vacancyId: string,
): Promise<VacancyAttachmentRow[]> {
  return db
    .select()
    .from(vacancyAttachments)
    .where(eq(vacancyAttachments.vacancyId, vacancyId))
    .orderBy(asc(vacancyAttachments.createdAt));
}

export async function insertAttachment(
  db: Db,
  scope: VacancyScope,
  row: typeof vacancyAttachments.$inferInsert,
): Promise<VacancyAttachmentRow> {
  if (!("all" in scope) && !scope.organisationIds.includes(row.organisationId)) {
    throw new Error("insertAttachment outside the caller's organisations");
  }
  const [created] = await db.insert(vacancyAttachments).values(row).returning();
  return created!;
}

export async function deleteAttachment(
  db: Db,
  scope: VacancyScope,
  vacancyId: string,
  attachmentId: string,
): Promise<VacancyAttachmentRow | null> {
  const [row] = await db
    .delete(vacancyAttachments)
    .where(
      and(
        eq(vacancyAttachments.id, attachmentId),
        eq(vacancyAttachments.vacancyId, vacancyId),
        "all" in scope
          ? undefined
          : scope.organisationIds.length === 0
            ? sql`false`
            : inArray(vacancyAttachments.organisationId, [...scope.organisationIds]),
      ),
    )
    .returning();
  return row ?? null;
}

export interface PersonRow {
  id: string;
  name: string;
  email: string;
}

export async function peopleByIds(db: Db, ids: readonly (string | null)[]): Promise<Map<string, PersonRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Staff (not candidates) who are members of any of these organisations, optionally by role. */
export async function staffOf(
  db: Db,
  organisationIds: readonly string[],
  roles?: readonly string[],
): Promise<(PersonRow & { organisationId: string; role: string })[]> {
  if (organisationIds.length === 0) return [];
  return db
    .selectDistinct({
      id: users.id,
      name: users.name,
      email: users.email,
      organisationId: sql<string>`${memberships.organisationId}`,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.organisationId, [...organisationIds]),
        ne(memberships.role, "candidate"),
        roles
          ? inArray(memberships.role, [...roles] as (typeof memberships.role.enumValues)[number][])
          : undefined,
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(users.name));
}

export async function organisationsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, typeof organisations.$inferSelect>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface MatchCounts {
  saved: number;
  proposed: number;
  applied: number;
}

export async function matchCounts(db: Db, vacancyId: string): Promise<MatchCounts> {
  const [row] = await db
    .select({
      saved: sql<number>`count(*) filter (where ${matches.source} = 'saved')`,
      proposed: sql<number>`count(*) filter (where ${matches.proposedAt} is not null)`,
      applied: sql<number>`count(*) filter (where ${matches.source} = 'applied')`,
    })
    .from(matches)
    .where(eq(matches.vacancyId, vacancyId));
  return {
    saved: Number(row?.saved ?? 0),
    proposed: Number(row?.proposed ?? 0),
    applied: Number(row?.applied ?? 0),
  };
}

export async function countMatches(db: Db, vacancyId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(matches).where(eq(matches.vacancyId, vacancyId));
  return Number(row?.n ?? 0);
}

const ACTIVE_STATUSES = ["draft", "published", "withdrawn", "closed", "rejected"] as const;

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
  accountManagerUserId: string | null;
  publishOrganisationFrom: string | null;
  publishPortalFrom: string | null;
  publishAllPortalsFrom: string | null;
  publishPublicFrom: string | null;
  savedCount: number;
  proposedCount: number;
}

/** The staff overview with HalloWerk's search, filters and sorting. */
export async function listVacancies(
  db: Db,
  scope: VacancyScope,
  query: VacancyListQuery,
  context: { userId: string; today: string },
): Promise<{ rows: StaffListItemRow[]; total: number }> {
  const { today } = context;
  const saved = sql<number>`(select count(*) from ${matches} m where m.vacancy_id = ${vacancies.id} and m.source = 'saved')`;
  const proposed = sql<number>`(select count(*) from ${matches} m where m.vacancy_id = ${vacancies.id} and m.proposed_at is not null)`;
  const visible = visibleToCandidatesSql(today);
  const filters: (SQL | undefined)[] = [inScope(scope)];
  if (query.status === "archived") filters.push(eq(vacancies.status, "archived"));
  else if (query.status === "requested") filters.push(eq(vacancies.status, "requested"));
  else filters.push(inArray(vacancies.status, [...ACTIVE_STATUSES, "requested"]));
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
  if (query.contactVia) filters.push(eq(vacancies.contactVia, query.contactVia));
  if (query.closing === "future")
    filters.push(or(isNull(vacancies.closesOn), sql`${vacancies.closesOn} >= ${today}`));
  if (query.closing === "expired")
    filters.push(and(isNotNull(vacancies.closesOn), sql`${vacancies.closesOn} < ${today}`));
  if (query.visible === "yes") filters.push(visible);
  if (query.visible === "no") filters.push(sql`not ${visible}`);
  if (query.proposed === "yes") filters.push(sql`${proposed} > 0`);
  if (query.proposed === "no") filters.push(sql`${proposed} = 0`);
  if (query.createdBy) filters.push(eq(vacancies.createdByKind, query.createdBy));
  if (query.serviceModel) filters.push(eq(vacancies.serviceModel, query.serviceModel));
  if (query.organisationId) filters.push(eq(vacancies.organisationId, query.organisationId));
  const where = and(...filters);

  const direction = query.order === "asc" ? asc : desc;
  const sortColumn: Record<typeof query.sort, SQL> = {
    title: sql`lower(${vacancies.displayTitle})`,
    company: sql`lower(${organisations.name})`,
    location: sql`lower(${vacancies.city})`,
    created: sql`${vacancies.createdAt}`,
    closing: sql`${vacancies.closesOn}`,
    visibility: sql`${visible}`,
    candidates: sql`${saved} + ${proposed}`,
  };
  const order = [
    query.order === "asc"
      ? sql`${sortColumn[query.sort]} asc nulls last`
      : sql`${sortColumn[query.sort]} desc nulls last`,
    direction(vacancies.id),
  ];
  const rows = await db
    .select({
      id: vacancies.id,
      status: vacancies.status,
      displayTitle: vacancies.displayTitle,
      functionTitle: vacancies.title,
      organisationId: vacancies.organisationId,
      organisationName: organisations.name,
      city: vacancies.city,
      createdAt: vacancies.createdAt,
      closesOn: vacancies.closesOn,
      createdByKind: vacancies.createdByKind,
      accountManagerUserId: vacancies.accountManagerUserId,
      publishOrganisationFrom: vacancies.publishOrganisationFrom,
      publishPortalFrom: vacancies.publishPortalFrom,
      publishAllPortalsFrom: vacancies.publishAllPortalsFrom,
      publishPublicFrom: vacancies.publishPublicFrom,
      savedCount: saved,
      proposedCount: proposed,
    })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(where)
    .orderBy(...order)
    .limit(PAGE_SIZE)
    .offset((query.page - 1) * PAGE_SIZE);
  const [totalRow] = await db
    .select({ n: count() })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(where);
  return {
    rows: rows.map((r) => ({
      ...r,
      savedCount: Number(r.savedCount),
      proposedCount: Number(r.proposedCount),
    })),
    total: Number(totalRow?.n ?? 0),
  };
}

export interface CandidateListRow {
  id: string;
  displayTitle: string;
  functionTitle: string;
  description: string;
  organisationId: string;
  organisationName: string;
  organisationLogoKey: string | null;
  imageFileKey: string | null;
  city: string | null;
  kind: VacancyRow["kind"];
  hoursMin: number | null;
  hoursMax: number | null;
  educationLevel: string | null;
  closesOn: string | null;
  distanceKm: number | null;
}

/** Kilometres from a point to the vacancy's work address (earthdistance); null without one. */
export function distanceKmFrom(origin: { lat: number; lon: number }): SQL<number> {
  return sql<number>`(earth_distance(ll_to_earth(${origin.lat}, ${origin.lon}), ll_to_earth(${vacancies.lat}, ${vacancies.lon})) / 1000.0)`;
}

/** Vacancies this candidate may see, with the candidate side's search and filters. */
export async function listVisibleVacancies(
  db: Db,
  viewer: Viewer,
  query: CandidateVacancyQuery,
  origin: { lat: number; lon: number } | null,
  today: string,
): Promise<{ rows: CandidateListRow[]; total: number }> {
  const distance = origin ? distanceKmFrom(origin) : sql<null>`null::float8`;
  const filters: (SQL | undefined)[] = [visibleToViewer(viewer, today)];
  if (query.q) {
    filters.push(
      textMatches(query.q, [
        sql`${vacancies.displayTitle}`,
        sql`${vacancies.title}`,
        sql`${vacancies.description}`,
        sql`${organisations.name}`,
        sql`${vacancies.city}`,
      ]),
    );
  }
  if (query.functionGroup) filters.push(eq(vacancies.functionGroup, query.functionGroup));
  if (query.educationLevel) filters.push(eq(vacancies.educationLevel, query.educationLevel));
  if (query.kind) filters.push(eq(vacancies.kind, query.kind));
  // Hours overlap: the vacancy's range meets the candidate's wish.
  if (query.hoursMin !== undefined)
    filters.push(sql`coalesce(${vacancies.hoursMax}, ${vacancies.hoursMin}, 0) >= ${query.hoursMin}`);
  if (query.hoursMax !== undefined)
    filters.push(sql`coalesce(${vacancies.hoursMin}, ${vacancies.hoursMax}, 0) <= ${query.hoursMax}`);
  if (query.distanceKm !== undefined && origin) {
    filters.push(isNotNull(vacancies.lat));
    filters.push(
      sql`earth_box(ll_to_earth(${origin.lat}, ${origin.lon}), ${query.distanceKm * 1000}) @> ll_to_earth(${vacancies.lat}, ${vacancies.lon})`,
    );
    filters.push(sql`${distance} <= ${query.distanceKm}`);
  }
  const where = and(...filters);
  const rows = await db
    .select({
      id: vacancies.id,
      displayTitle: vacancies.displayTitle,
      functionTitle: vacancies.title,
      description: vacancies.description,
      organisationId: vacancies.organisationId,
      organisationName: organisations.name,
      organisationLogoKey: organisations.logoFileKey,
      imageFileKey: vacancies.imageFileKey,
      city: vacancies.city,
      kind: vacancies.kind,
      hoursMin: vacancies.hoursMin,
      hoursMax: vacancies.hoursMax,
      educationLevel: vacancies.educationLevel,
      closesOn: vacancies.closesOn,
      distanceKm: distance,
    })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(where)
    .orderBy(
      ...(query.distanceKm !== undefined && origin ? [sql`${distance} asc`] : []),
      desc(vacancies.publishedAt),
      desc(vacancies.id),
    )
    .limit(PAGE_SIZE)
    .offset((query.page - 1) * PAGE_SIZE);
  const [totalRow] = await db
    .select({ n: count() })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(where);
  return {
    rows: rows.map((r) => ({ ...r, distanceKm: r.distanceKm === null ? null : Number(r.distanceKm) })),
    total: Number(totalRow?.n ?? 0),
  };
}

export async function findVisibleVacancy(
  db: Db,
  viewer: Viewer,
  id: string,
  today: string,
): Promise<(VacancyRow & { organisationName: string; organisationLogoKey: string | null }) | null> {
  const [row] = await db
    .select({
      vacancy: vacancies,
      organisationName: organisations.name,
      organisationLogoKey: organisations.logoFileKey,
    })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(and(eq(vacancies.id, id), visibleToViewer(viewer, today)))
    .limit(1);
  return row
    ? { ...row.vacancy, organisationName: row.organisationName, organisationLogoKey: row.organisationLogoKey }
    : null;
}

/** Views and applications per source of one vacancy (call only after checking the caller may read it). */
export async function sourcesOfVacancy(
  db: Db,
  scope: VacancyScope,
  vacancyId: string,
): Promise<{ source: string; views: number; applications: number }[]> {
  const vacancy = await findVacancy(db, scope, vacancyId);
  if (!vacancy) return [];
  const rows = await queryRows<{ source: string; views: string | number; applications: string | number }>(
    db,
    sql`select source, sum(views) as views, sum(applications) as applications from (
      select ${vacancyViews.source} as source, count(*) as views, 0 as applications
        from ${vacancyViews} where ${vacancyViews.vacancyId} = ${vacancyId} group by 1
      union all
      select coalesce(${matches.channelSource}, 'direct') as source, 0 as views, count(*) as applications
        from ${matches} where ${matches.vacancyId} = ${vacancyId} and ${matches.source} = 'applied' group by 1
    ) s group by source order by sum(views) desc, source`,
  );
  return rows.map((r) => ({
    source: r.source,
    views: Number(r.views),
    applications: Number(r.applications),
  }));
}
