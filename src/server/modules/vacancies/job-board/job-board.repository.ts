import { type AnyColumn, and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { VacancyKind } from "../../../../contracts/vacancies";
import type { Db } from "../../../platform/db";
import { organisations } from "../../../platform/schema";
import type { PublicScope } from "../../../platform/scope";
import { repository } from "../../../platform/store";
import { vacancies, vacancyViews } from "../vacancies.schema";
import { onPublicBoard } from "../visibility.repository";

/**
 * The open job board ("open vacaturebank") of a portal: the vacancies anyone may see today.
 * A regional portal shows its own vacancies, the national portal all public ones. The rows
 * are read with the public scope (they are published for everyone); every query takes the
 * board and today's date (Europe/Amsterdam), and nothing else decides visibility.
 */
export interface Board {
  readonly portalId: string;
  readonly national: boolean;
}

/** A vacancy as the public sees it: only public fields, with the work address resolved. */
export interface PublicVacancy {
  id: string;
  portalId: string;
  displayTitle: string;
  functionTitle: string;
  description: string;
  organisationName: string;
  kind: VacancyKind;
  occupationId: string | null;
  educationLevel: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryScaleMin: number | null;
  salaryScaleMax: number | null;
  durationKind: "permanent" | "temporary";
  durationEndsOn: string | null;
  hoursMin: number | null;
  hoursMax: number | null;
  positions: number;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  placeId: string | null;
  lat: number | null;
  lon: number | null;
  /** Day the vacancy appeared on the open job board (YYYY-MM-DD). */
  publishPublicFrom: string;
  /** Last day it is visible (YYYY-MM-DD), or null when open-ended. */
  closesOn: string | null;
  updatedAt: Date;
}

export interface BoardFilters {
  q?: string | undefined;
  kind?: VacancyKind | undefined;
  educationLevel?: string | undefined;
  /** Hours per week the visitor wants: vacancies whose range overlaps [hoursMin, hoursMax]. */
  hoursMin?: number | undefined;
  hoursMax?: number | undefined;
  /** Within `km` of this point (work address coordinates). */
  near?: { lat: number; lon: number; km: number } | undefined;
}

export interface BoardListItem extends PublicVacancy {
  /** Distance in km from `near`, when filtered by distance. */
  distanceKm: number | null;
}

// The work address: the organisation's head office when the vacancy says so, else its own.
function headOffice<T>(own: AnyColumn, org: AnyColumn): SQL<T> {
  return sql<T>`case when ${vacancies.useHeadOffice} then ${org} else ${own} end`;
}
const workStreet = headOffice<string | null>(vacancies.street, organisations.street);
const workHouseNumber = headOffice<string | null>(vacancies.houseNumber, organisations.houseNumber);
const workPostcode = headOffice<string | null>(vacancies.postcode, organisations.postcode);
const workCity = headOffice<string | null>(vacancies.city, organisations.city);
const workLat = headOffice<number | null>(vacancies.lat, organisations.lat);
const workLon = headOffice<number | null>(vacancies.lon, organisations.lon);
const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const publicColumns = {
  id: vacancies.id,
  portalId: vacancies.portalId,
  displayTitle: vacancies.displayTitle,
  functionTitle: vacancies.title,
  description: vacancies.description,
  organisationName: organisations.name,
  kind: vacancies.kind,
  occupationId: vacancies.occupationId,
  educationLevel: vacancies.educationLevel,
  salaryMin: vacancies.salaryMin,
  salaryMax: vacancies.salaryMax,
  salaryScaleMin: vacancies.salaryScaleMin,
  salaryScaleMax: vacancies.salaryScaleMax,
  durationKind: vacancies.durationKind,
  durationEndsOn: vacancies.durationEndsOn,
  hoursMin: vacancies.hoursMin,
  hoursMax: vacancies.hoursMax,
  positions: vacancies.positions,
  street: workStreet,
  houseNumber: workHouseNumber,
  postcode: workPostcode,
  city: workCity,
  placeId: sql<string | null>`case when ${vacancies.useHeadOffice} then null else ${vacancies.placeId} end`,
  lat: sql<number | null>`${workLat}`.mapWith(toNumber),
  lon: sql<number | null>`${workLon}`.mapWith(toNumber),
  publishPublicFrom: sql<string>`${vacancies.publishPublicFrom}`.mapWith(vacancies.publishPublicFrom),
  closesOn: vacancies.closesOn,
  updatedAt: vacancies.updatedAt,
};

function onBoard(board: Board, today: string): SQL {
  return onPublicBoard({ id: board.portalId, national: board.national }, today);
}

/** `%term%` for ILIKE, with the pattern characters of the term itself taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Distance in metres between the work address and a point (earthdistance). */
function distanceMetres(near: { lat: number; lon: number }): SQL<number> {
  return sql<number>`earth_distance(ll_to_earth(${workLat}, ${workLon}), ll_to_earth(${near.lat}::float8, ${near.lon}::float8))`;
}

function filterClauses(filters: BoardFilters): SQL[] {
  const clauses: SQL[] = [];
  // Every word must occur in the title, function title, organisation or city (accents aside).
  const terms = (filters.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  for (const term of terms) {
    const pattern = containsPattern(term);
    clauses.push(
      sql`(unaccent(${vacancies.displayTitle}) ilike unaccent(${pattern})
        or unaccent(${vacancies.title}) ilike unaccent(${pattern})
        or unaccent(${organisations.name}) ilike unaccent(${pattern})
        or unaccent(coalesce(${workCity}, '')) ilike unaccent(${pattern}))`,
    );
  }
  if (filters.kind) clauses.push(eq(vacancies.kind, filters.kind));
  if (filters.educationLevel) clauses.push(eq(vacancies.educationLevel, filters.educationLevel));
  if (filters.hoursMin !== undefined) {
    clauses.push(sql`coalesce(${vacancies.hoursMax}, ${vacancies.hoursMin}) >= ${filters.hoursMin}`);
  }
  if (filters.hoursMax !== undefined) {
    clauses.push(sql`coalesce(${vacancies.hoursMin}, ${vacancies.hoursMax}) <= ${filters.hoursMax}`);
  }
  if (filters.near) {
    clauses.push(
      sql`${workLat} is not null and ${workLon} is not null and ${distanceMetres(filters.near)} <= ${filters.near.km * 1000}`,
    );
  }
  return clauses;
}

export interface SitemapEntry {
  id: string;
  displayTitle: string;
  publishPublicFrom: string;
  updatedAt: Date;
}

export const jobBoardRepository = repository<PublicScope>()({
  /** One page of the board, newest first, with the number of matches. */
  async search(
    db: Db,
    _scope: PublicScope,
    board: Board,
    today: string,
    filters: BoardFilters,
    page: { limit: number; offset: number },
  ): Promise<{ rows: BoardListItem[]; total: number }> {
    const where = and(onBoard(board, today), ...filterClauses(filters));
    const near = filters.near;
    const rows = await db
      .select({
        ...publicColumns,
        distanceKm: near
          ? sql<number | null>`round((${distanceMetres(near)} / 1000)::numeric, 1)`.mapWith(toNumber)
          : sql<number | null>`null`,
      })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(where)
      .orderBy(desc(vacancies.publishPublicFrom), desc(vacancies.createdAt), desc(vacancies.id))
      .limit(page.limit)
      .offset(page.offset);
    const [total] = await db
      .select({ n: count() })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(where);
    return { rows, total: Number(total?.n ?? 0) };
  },

  /** The vacancy if it is on this board today; null for anything else (so ids cannot be probed). */
  async find(
    db: Db,
    _scope: PublicScope,
    board: Board,
    today: string,
    id: string,
  ): Promise<PublicVacancy | null> {
    const [row] = await db
      .select(publicColumns)
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(eq(vacancies.id, id), onBoard(board, today)))
      .limit(1);
    return row ?? null;
  },

  /** The newest vacancies of the board, for the RSS and job-site feeds. */
  async latest(
    db: Db,
    _scope: PublicScope,
    board: Board,
    today: string,
    limit: number,
    /** Only these vacancies (an external job site's feed: the vacancies posted to it). */
    only?: readonly string[],
  ): Promise<PublicVacancy[]> {
    if (only && only.length === 0) return [];
    return db
      .select(publicColumns)
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(onBoard(board, today), only ? inArray(vacancies.id, [...only]) : undefined))
      .orderBy(desc(vacancies.publishPublicFrom), desc(vacancies.createdAt), desc(vacancies.id))
      .limit(limit);
  },

  /** Every vacancy of the board, for the sitemap (at most one sitemap file's 50,000 URLs). */
  async sitemap(db: Db, _scope: PublicScope, board: Board, today: string): Promise<SitemapEntry[]> {
    return db
      .select({
        id: vacancies.id,
        displayTitle: vacancies.displayTitle,
        publishPublicFrom: sql<string>`${vacancies.publishPublicFrom}`.mapWith(vacancies.publishPublicFrom),
        updatedAt: vacancies.updatedAt,
      })
      .from(vacancies)
      .where(onBoard(board, today))
      .orderBy(desc(vacancies.publishPublicFrom), desc(vacancies.id))
      .limit(49_999);
  },

  /**
   * One visit of a vacancy page on this portal's board, by where the visitor came from; a click
   * on its "Solliciteren" button is a row with channel "apply" (the multiposter's click report).
   */
  async recordView(
    db: Db,
    _scope: PublicScope,
    board: Board,
    view: { vacancyId: string; source: string; channel: "board" | "feed" | "app" | "apply" },
  ): Promise<void> {
    await db.insert(vacancyViews).values({
      vacancyId: view.vacancyId,
      portalId: board.portalId,
      source: view.source,
      channel: view.channel,
    });
  },
});
