import { and, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { CandidateVacancyQuery } from "../../../contracts/vacancies";
import { type Db, containsText as textMatches } from "../../platform/db";
import { candidates, matches, organisations, users } from "../../platform/schema";
import type { PublicScope, SelfScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import type { Viewer } from "./publication";
import {
  type AttachmentJson,
  attachmentsOf,
  PAGE_SIZE,
  totalOf,
  type VacancyRow,
} from "./vacancies.repository";
import { vacancies, vacancyAttachments, vacancyViews } from "./vacancies.schema";
import { distanceKmFrom, visibleToViewer } from "./visibility.repository";

/*
 * The candidate side. Published vacancies are the one part of an organisation's data that is
 * meant to be seen outside it, so they are read with the public scope and the viewer's
 * audiences (`visibleToViewer`); the candidate's own rows (home, applications) with their self
 * scope.
 */

/** Whether one of these candidate rows applied to the vacancy of the outer query. */
function appliedBy(self: SelfScope | null): SQL<boolean> {
  if (!self || self.candidateIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${matches} where ${matches.vacancyId} = ${vacancies.id}
    and ${inArray(matches.candidateId, [...self.candidateIds])} and ${matches.source} = 'applied')`;
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
  applied: boolean;
}

export type VisibleVacancyRow = VacancyRow & {
  organisationName: string;
  organisationLogoKey: string | null;
  contactName: string | null;
  attachments: AttachmentJson[];
  /** The viewer's own application to it, if any. */
  application: { id: string; createdAt: string } | null;
};

export const visibleVacancyRepository = repository<PublicScope>()({
  /** Vacancies this candidate may see, with the candidate side's search and filters. */
  async list(
    db: Db,
    _scope: PublicScope,
    viewer: Viewer,
    query: CandidateVacancyQuery,
    origin: { lat: number; lon: number } | null,
    today: string,
    self: SelfScope | null,
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
        applied: appliedBy(self),
        total: sql<number>`count(*) over ()`,
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
    const total = await totalOf(rows, query.page, () =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(vacancies)
        .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
        .where(where),
    );
    return {
      rows: rows.map(({ total: _, ...r }) => ({
        ...r,
        distanceKm: r.distanceKm === null ? null : Number(r.distanceKm),
        applied: r.applied === true,
      })),
      total,
    };
  },

  /** One vacancy the viewer may see today, with what its page shows; null for anything else. */
  async find(
    db: Db,
    _scope: PublicScope,
    viewer: Viewer,
    id: string,
    today: string,
    self: SelfScope | null,
  ): Promise<VisibleVacancyRow | null> {
    const application =
      self && self.candidateIds.length > 0
        ? sql<
            VisibleVacancyRow["application"]
          >`(select json_build_object('id', m.id, 'createdAt', m.created_at)
            from ${matches} m where m.vacancy_id = ${vacancies.id} and m.source = 'applied'
            and ${inArray(sql`m.candidate_id`, [...self.candidateIds])} limit 1)`
        : sql<null>`null`;
    const [row] = await db
      .select({
        vacancy: vacancies,
        organisationName: organisations.name,
        organisationLogoKey: organisations.logoFileKey,
        contactName: sql<
          string | null
        >`(select ${users.name} from ${users} where ${users.id} = ${vacancies.contactUserId})`,
        attachments: attachmentsOf(sql`${vacancies.id}`),
        application,
      })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(eq(vacancies.id, id), visibleToViewer(viewer, today)))
      .limit(1);
    if (!row) return null;
    const { vacancy, ...rest } = row;
    return { ...vacancy, ...rest, application: rest.application ?? null };
  },

  /** An attachment of a vacancy the viewer may see today. */
  async attachment(
    db: Db,
    _scope: PublicScope,
    viewer: Viewer,
    vacancyId: string,
    attachmentId: string,
    today: string,
  ): Promise<{ fileKey: string; fileName: string } | null> {
    const [row] = await db
      .select({ fileKey: vacancyAttachments.fileKey, fileName: vacancyAttachments.fileName })
      .from(vacancyAttachments)
      .innerJoin(vacancies, eq(vacancies.id, vacancyAttachments.vacancyId))
      .where(
        and(
          eq(vacancyAttachments.id, attachmentId),
          eq(vacancies.id, vacancyId),
          visibleToViewer(viewer, today),
        ),
      )
      .limit(1);
    return row ?? null;
  },

  /** The file key of the image (own, else the organisation's logo) of a vacancy the viewer may see. */
  async imageKey(db: Db, _scope: PublicScope, viewer: Viewer, id: string, today: string) {
    const [row] = await db
      .select({ key: sql<string | null>`coalesce(${vacancies.imageFileKey}, ${organisations.logoFileKey})` })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(eq(vacancies.id, id), visibleToViewer(viewer, today)))
      .limit(1);
    return row ? { key: row.key } : null;
  },

  /** One view of a vacancy page, by where the visitor came from (the click report). */
  async recordView(
    db: Db,
    _scope: PublicScope,
    view: { vacancyId: string; portalId: string; source: string; channel: "board" | "feed" | "app" },
  ): Promise<void> {
    await db.insert(vacancyViews).values(view);
  },
});

/** The caller's own candidate rows, for where distances are measured from. */
export const candidateHomeRepository = repository<SelfScope>()({
  async homes(db: Db, scope: SelfScope) {
    if (scope.candidateIds.length === 0) return [];
    return db
      .select({
        portalId: candidates.portalId,
        lat: candidates.lat,
        lon: candidates.lon,
        city: candidates.city,
        postcode: candidates.postcode,
      })
      .from(candidates)
      .where(inArray(candidates.id, [...scope.candidateIds]))
      .orderBy(candidates.createdAt);
  },
});
