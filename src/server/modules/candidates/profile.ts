import type {
  CandidateDocument,
  CandidateProfile,
  Completeness,
  ProfilePart,
} from "../../../contracts/candidates";
import { getDayparts, getDays } from "../taxonomy";
import type { CandidateDocumentRow } from "./candidate-files.repository";
import type { CandidateRow } from "./candidates.repository";

/** What the completeness meter looks at; every check weighs the same. */
export interface ProfileFacts {
  photoFileKey: string | null;
  headline: string;
  summary: string;
  placeId: string | null;
  workLevel: string | null;
  languages: readonly unknown[];
  desiredOccupationIds: readonly string[];
  workTypes: readonly string[];
  hoursMin: number | null;
  hoursMax: number | null;
  /** The grid as `gridOf` reads it. */
  grid: readonly string[];
  experience: readonly unknown[];
  education: readonly unknown[];
  hasCv: boolean;
}

/**
 * The checks behind the meter, in the order the candidate should fill them in: what staff see
 * first in the profile's summary block (photo, one-liner, place, level, availability, about),
 * then what the explorer matches on, then the CV.
 */
const CHECKS: readonly { part: ProfilePart; key: string; done(p: ProfileFacts): boolean }[] = [
  { part: "general", key: "photo", done: (p) => p.photoFileKey !== null },
  { part: "general", key: "headline", done: (p) => p.headline.trim().length > 0 },
  { part: "general", key: "summary", done: (p) => p.summary.trim().length > 0 },
  { part: "general", key: "place", done: (p) => p.placeId !== null },
  { part: "general", key: "workLevel", done: (p) => p.workLevel !== null },
  { part: "general", key: "languages", done: (p) => p.languages.length > 0 },
  { part: "preferences", key: "desiredOccupations", done: (p) => p.desiredOccupationIds.length > 0 },
  { part: "preferences", key: "workTypes", done: (p) => p.workTypes.length > 0 },
  { part: "availability", key: "hours", done: (p) => p.hoursMin !== null || p.hoursMax !== null },
  { part: "availability", key: "grid", done: (p) => p.grid.length > 0 },
  {
    part: "experience",
    key: "experienceOrEducation",
    done: (p) => p.experience.length > 0 || p.education.length > 0,
  },
  { part: "documents", key: "cv", done: (p) => p.hasCv },
];

export function completeness(facts: ProfileFacts): Completeness {
  const missing = CHECKS.filter((c) => !c.done(facts)).map(({ part, key }) => ({ part, key }));
  return { percent: Math.round(((CHECKS.length - missing.length) * 100) / CHECKS.length), missing };
}

/** The days and dayparts in a grid cell id "maandag-ochtend"; null when either is unknown. */
export function parseGridCell(id: string): { day: string; daypart: string } | null {
  const dash = id.indexOf("-");
  if (dash < 0) return null;
  const day = id.slice(0, dash);
  const daypart = id.slice(dash + 1);
  if (!getDays().some((d) => d.id === day) || !getDayparts().some((p) => p.id === daypart)) return null;
  return { day, daypart };
}

/** The grid in reference order (days, then parts of the day), without duplicates. */
export function sortGrid(grid: readonly string[]): string[] {
  const dayOrder = new Map(getDays().map((d) => [d.id, d.order]));
  const partOrder = new Map(getDayparts().map((d) => [d.id, d.order]));
  const cells = [...new Set(grid)].map((id) => ({ id, cell: parseGridCell(id)! }));
  cells.sort(
    (a, b) =>
      dayOrder.get(a.cell.day)! - dayOrder.get(b.cell.day)! ||
      partOrder.get(a.cell.daypart)! - partOrder.get(b.cell.daypart)!,
  );
  return cells.map((c) => c.id);
}

/**
 * The candidate's grid. A profile from before the grid (and a generated one) has only the days
 * and the dayparts; it means every combination of them, as HalloWerk shows such a profile.
 */
export function gridOf(row: { availabilityGrid: readonly string[]; dayparts: readonly string[] }): string[] {
  if (row.availabilityGrid.length > 0 || row.dayparts.length === 0) return [...row.availabilityGrid];
  const days = getDays().filter((d) => row.dayparts.includes(d.id));
  const parts = getDayparts().filter((p) => row.dayparts.includes(p.id));
  return days.flatMap((d) => parts.map((p) => `${d.id}-${p.id}`));
}

/** The explorer's facet column: the days and the dayparts that occur in the grid. */
export function daypartsOfGrid(grid: readonly string[]): string[] {
  const cells = grid.map((id) => parseGridCell(id)).filter((c) => c !== null);
  const days = getDays().filter((d) => cells.some((c) => c.day === d.id));
  const parts = getDayparts().filter((p) => cells.some((c) => c.daypart === p.id));
  return [...days, ...parts].map((d) => d.id);
}

/**
 * The player URL of a YouTube or Vimeo video. Embedded players set third-party cookies, so the
 * caller only offers it to viewers who consented (HalloWerk "Privacy": cookies van derden).
 */
export function embedUrlOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/^(www|m)\./, "");
  const videoId = /^[A-Za-z0-9_-]{6,20}$/;
  if (host === "youtube.com") {
    const v = parsed.searchParams.get("v");
    if (v && videoId.test(v)) return `https://www.youtube-nocookie.com/embed/${v}`;
    const shorts = parsed.pathname.match(/^\/(?:shorts|embed)\/([A-Za-z0-9_-]{6,20})/);
    return shorts ? `https://www.youtube-nocookie.com/embed/${shorts[1]}` : null;
  }
  if (host === "youtu.be") {
    const v = parsed.pathname.slice(1);
    return videoId.test(v) ? `https://www.youtube-nocookie.com/embed/${v}` : null;
  }
  if (host === "vimeo.com") {
    const v = parsed.pathname.match(/^\/(\d{5,12})$/);
    return v ? `https://player.vimeo.com/video/${v[1]}` : null;
  }
  return null;
}

type ProfileRow = CandidateRow;

/** The last part of a file key: it changes with every upload, so URLs carrying it may be cached. */
export function fileTail(key: string): string {
  return encodeURIComponent(key.split("/").pop() ?? "");
}

export function documentDto(d: CandidateDocumentRow, base: string): CandidateDocument {
  return {
    id: d.id,
    kind: d.kind,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    url: `${base}/documents/${d.id}`,
    createdAt: d.createdAt.toISOString(),
  };
}

export const experienceOf = (row: Pick<ProfileRow, "experience">) =>
  row.experience.map((e) => ({
    title: e.title,
    occupationId: e.occupationId,
    employer: e.employer,
    place: e.place ?? "",
    from: e.from,
    to: e.to,
    description: e.description ?? "",
  }));

export const educationOf = (row: Pick<ProfileRow, "education">) =>
  row.education.map((e) => ({
    title: e.title,
    institution: e.institution,
    place: e.place ?? "",
    levelId: e.levelId,
    from: e.from,
    to: e.to,
    diplomaObtained: e.diplomaObtained,
    description: e.description ?? "",
  }));

export const coursesOf = (row: Pick<ProfileRow, "courses">) =>
  row.courses.map((c) => ({
    title: c.title,
    provider: c.provider,
    year: c.year,
    certificate: c.certificate,
  }));

/**
 * The parts of a profile as the profile pages show them, from the stored row: one mapping for
 * the candidate's own page and for "download my data", so the two cannot drift apart.
 * `base` is where the person's files are served (`/api/v1/candidates/me`).
 */
export function profileParts(
  row: ProfileRow,
  context: {
    base: string;
    place: { id: string | null; name: string } | null;
    accountManager: CandidateProfile["contact"]["accountManager"];
  },
): Pick<
  CandidateProfile,
  "general" | "preferences" | "availability" | "contact" | "experience" | "education" | "courses" | "hobbies"
> {
  return {
    general: {
      firstName: row.firstName,
      lastName: row.lastName,
      photoUrl: row.photoFileKey ? `${context.base}/photo?v=${fileTail(row.photoFileKey)}` : null,
      headline: row.headline,
      summary: row.summary,
      place: context.place,
      postcode: row.postcode,
      birthDate: row.birthDate,
      workLevel: row.workLevel,
      educationLevel: row.educationLevel,
      targetGroups: row.targetGroups,
      languages: row.languages,
      drivingLicences: row.drivingLicences,
      certificates: row.certificates,
      physicalLimitations: row.physicalLimitations,
    },
    preferences: {
      desiredOccupationIds: row.desiredOccupationIds,
      workTypes: row.workTypes,
      sectors: row.sectors,
      transportModes: row.transportModes,
      maxTravelKm: row.maxTravelKm,
    },
    availability: {
      hoursMin: row.hoursMin,
      hoursMax: row.hoursMax,
      grid: gridOf(row),
      availableFrom: row.availableFrom,
    },
    contact: {
      email: row.email,
      phone: row.phone,
      contactPreference: row.contactPreference,
      accountManager: context.accountManager,
    },
    experience: experienceOf(row),
    education: educationOf(row),
    courses: coursesOf(row),
    hobbies: row.hobbies,
  };
}
