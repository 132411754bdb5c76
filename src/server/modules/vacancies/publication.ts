import { dateTimeFormat } from "../../../contracts/intl";
import type { Audience } from "../../../contracts/vacancies";

/**
 * Who sees a vacancy is computed at read time from its dates, in days of the Dutch calendar:
 * a vacancy is visible to an audience from that audience's start date up to and including
 * its closing date, while its status is "published". The publication job only records what the
 * dates already imply (history, the owner's mail on closing); it never decides visibility.
 * The same rule in SQL is in `visibility.repository.ts`.
 */
export function todayIn(now: Date = new Date(), timeZone = "Europe/Amsterdam"): string {
  // en-CA formats as YYYY-MM-DD.
  return dateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export interface PublicationDates {
  status: string;
  publishOrganisationFrom: string | null;
  publishPortalFrom: string | null;
  publishAllPortalsFrom: string | null;
  publishPublicFrom: string | null;
  closesOn: string | null;
}

const FROM_COLUMN: Record<Audience, keyof PublicationDates> = {
  organisation: "publishOrganisationFrom",
  portal: "publishPortalFrom",
  all_portals: "publishAllPortalsFrom",
  public: "publishPublicFrom",
};

export function isOpenOn(row: PublicationDates, today: string): boolean {
  return row.status === "published" && (row.closesOn === null || row.closesOn >= today);
}

/** The audiences that can see the vacancy on `today` (narrowest first). */
export function audiencesOn(row: PublicationDates, today: string): Audience[] {
  if (!isOpenOn(row, today)) return [];
  return (Object.keys(FROM_COLUMN) as Audience[]).filter((audience) => {
    const from = row[FROM_COLUMN[audience]];
    return from !== null && from <= today;
  });
}

/**
 * Who is looking: a visitor of the public job board, or a candidate with the portals they
 * are registered on and the organisations they work for (their staff memberships).
 */
export type Viewer =
  | { kind: "anonymous" }
  | { kind: "candidate"; portalIds: readonly string[]; organisationIds: readonly string[] };
