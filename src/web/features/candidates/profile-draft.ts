import type {
  CandidateProfile,
  ContactPreference,
  CourseEntry,
  EducationEntry,
  ExperienceEntry,
  LanguageSkill,
  ProfilePart,
  UpdateCandidateProfileRequest,
} from "../../../contracts/candidates";

/**
 * The profile editor's sections, in the order of the side list, as the address names them
 * ("/profiel?onderdeel=werkervaring"): Dutch, because people see them in the address bar.
 */
export const PROFILE_SECTIONS = [
  "algemeen",
  "voorkeuren",
  "beschikbaarheid",
  "contact",
  "werkervaring",
  "opleidingen",
  "cursussen",
  "media",
  "documenten",
  "hobbys",
] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

/** The editor's address for one section. */
export const sectionHref = (section: ProfileSection) => `/profiel?onderdeel=${section}`;

const SECTION_OF_PART: Record<ProfilePart, ProfileSection> = {
  general: "algemeen",
  preferences: "voorkeuren",
  availability: "beschikbaarheid",
  contact: "contact",
  experience: "werkervaring",
  education: "opleidingen",
  courses: "cursussen",
  media: "media",
  hobbies: "hobbys",
  documents: "documenten",
};

/** Fields the contract keeps in "general" that the editor asks for under Voorkeuren. */
const PREFERENCE_FIELDS_IN_GENERAL = new Set([
  "languages",
  "targetGroups",
  "drivingLicences",
  "certificates",
  "physicalLimitations",
]);

/** Where the editor asks for what the completeness meter misses. */
export function sectionOfMissing(item: { part: ProfilePart; key: string }): ProfileSection {
  if (item.part === "general" && PREFERENCE_FIELDS_IN_GENERAL.has(item.key)) return "voorkeuren";
  return SECTION_OF_PART[item.part];
}

/** Form values are what the inputs hold: text, "" for nothing. */
const text = (value: string | null | undefined) => value ?? "";
const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
/** "" → null; anything else is sent as a number for the server to judge ("abc" → NaN is caught here). */
function numberOrNull(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const parsed = Number(trimmed.replace(",", "."));
  return Number.isFinite(parsed) ? parsed : null;
}

let nextKey = 0;
/** A stable React key for rows that have no id of their own (experience, languages…). */
export function rowKey(): string {
  nextKey++;
  return `r${nextKey}`;
}

/* Algemeen */

export interface PlaceOption {
  value: string;
  label: string;
}

export interface GeneralDraft {
  firstName: string;
  lastName: string;
  headline: string;
  summary: string;
  place: PlaceOption | null;
  postcode: string;
  birthDate: string;
  workLevel: string;
  educationLevel: string;
}

export function generalDraft(profile: CandidateProfile): GeneralDraft {
  const g = profile.general;
  return {
    firstName: g.firstName,
    lastName: g.lastName,
    headline: g.headline,
    summary: g.summary,
    place: g.place?.id ? { value: g.place.id, label: g.place.name } : null,
    postcode: text(g.postcode),
    birthDate: text(g.birthDate),
    workLevel: text(g.workLevel),
    educationLevel: text(g.educationLevel),
  };
}

export function generalPatch(draft: GeneralDraft, profile: CandidateProfile): UpdateCandidateProfileRequest {
  const placeId = draft.place?.value ?? null;
  return {
    general: {
      firstName: draft.firstName.trim(),
      lastName: draft.lastName.trim(),
      headline: draft.headline.trim(),
      summary: draft.summary.trim(),
      // A place typed by hand in an older profile (no id) stays until another is chosen.
      ...(placeId !== null || profile.general.place?.id ? { placeId } : {}),
      postcode: orNull(draft.postcode),
      birthDate: orNull(draft.birthDate),
      workLevel: orNull(draft.workLevel),
      educationLevel: orNull(draft.educationLevel),
    },
  };
}

/* Voorkeuren */

export interface LanguageRow extends LanguageSkill {
  key: string;
}

export interface PreferencesDraft {
  desiredOccupationIds: string[];
  workTypes: string[];
  sectors: string[];
  transportModes: string[];
  maxTravelKm: string;
  targetGroups: string[];
  languages: LanguageRow[];
  drivingLicences: string[];
  certificates: string[];
  physicalLimitations: string[];
}

export function preferencesDraft(profile: CandidateProfile): PreferencesDraft {
  const { general: g, preferences: p } = profile;
  return {
    desiredOccupationIds: [...p.desiredOccupationIds],
    workTypes: [...p.workTypes],
    sectors: [...p.sectors],
    transportModes: [...p.transportModes],
    maxTravelKm: p.maxTravelKm === null ? "" : String(p.maxTravelKm),
    targetGroups: [...g.targetGroups],
    languages: g.languages.map((l) => ({ ...l, key: rowKey() })),
    drivingLicences: [...g.drivingLicences],
    certificates: [...g.certificates],
    physicalLimitations: [...g.physicalLimitations],
  };
}

export function preferencesPatch(draft: PreferencesDraft): UpdateCandidateProfileRequest {
  return {
    preferences: {
      desiredOccupationIds: draft.desiredOccupationIds,
      workTypes: draft.workTypes,
      sectors: draft.sectors,
      transportModes: draft.transportModes,
      maxTravelKm: numberOrNull(draft.maxTravelKm),
    },
    general: {
      targetGroups: draft.targetGroups,
      // A row whose language is not chosen yet is not a language.
      languages: draft.languages.filter((l) => l.code !== "").map(({ code, level }) => ({ code, level })),
      drivingLicences: draft.drivingLicences,
      certificates: draft.certificates,
      physicalLimitations: draft.physicalLimitations,
    },
  };
}

/* Beschikbaarheid */

export interface AvailabilityDraft {
  hoursMin: string;
  hoursMax: string;
  grid: string[];
  availableFrom: string;
}

export function availabilityDraft(profile: CandidateProfile): AvailabilityDraft {
  const a = profile.availability;
  return {
    hoursMin: a.hoursMin === null ? "" : String(a.hoursMin),
    hoursMax: a.hoursMax === null ? "" : String(a.hoursMax),
    grid: [...a.grid],
    availableFrom: text(a.availableFrom),
  };
}

export function availabilityPatch(draft: AvailabilityDraft): UpdateCandidateProfileRequest {
  return {
    availability: {
      hoursMin: numberOrNull(draft.hoursMin),
      hoursMax: numberOrNull(draft.hoursMax),
      grid: draft.grid,
      availableFrom: orNull(draft.availableFrom),
    },
  };
}

/** The grid cell id the server uses: "maandag-ochtend". */
export const gridCell = (day: string, daypart: string) => `${day}-${daypart}`;

/** Ticks or clears a whole row (a day) or column (a part of the day). */
export function toggleCells(grid: readonly string[], cells: readonly string[]): string[] {
  const all = cells.every((c) => grid.includes(c));
  return all ? grid.filter((c) => !cells.includes(c)) : [...new Set([...grid, ...cells])];
}

/* Contact */

export interface ContactDraft {
  email: string;
  phone: string;
  contactPreference: ContactPreference;
}

export function contactDraft(profile: CandidateProfile): ContactDraft {
  return {
    email: text(profile.contact.email),
    phone: text(profile.contact.phone),
    contactPreference: profile.contact.contactPreference,
  };
}

export function contactPatch(draft: ContactDraft): UpdateCandidateProfileRequest {
  return {
    contact: {
      email: orNull(draft.email),
      phone: orNull(draft.phone),
      contactPreference: draft.contactPreference,
    },
  };
}

/* Ervaring, Opleidingen, Cursussen */

export interface ExperienceRow {
  key: string;
  title: string;
  occupationId: string | null;
  employer: string;
  place: string;
  from: string;
  to: string;
  description: string;
}

export const emptyExperience = (): ExperienceRow => ({
  key: rowKey(),
  title: "",
  occupationId: null,
  employer: "",
  place: "",
  from: "",
  to: "",
  description: "",
});

export function experienceRows(entries: readonly ExperienceEntry[]): ExperienceRow[] {
  return entries.map((e) => ({ ...e, key: rowKey(), to: text(e.to) }));
}

export function experiencePatch(rows: readonly ExperienceRow[]): UpdateCandidateProfileRequest {
  return {
    experience: rows.map((r) => ({
      title: r.title.trim(),
      occupationId: r.occupationId,
      employer: r.employer.trim(),
      place: r.place.trim(),
      from: r.from,
      to: orNull(r.to),
      description: r.description.trim(),
    })),
  };
}

export interface EducationRow {
  key: string;
  title: string;
  institution: string;
  place: string;
  levelId: string;
  from: string;
  to: string;
  diplomaObtained: boolean;
  description: string;
}

export const emptyEducation = (): EducationRow => ({
  key: rowKey(),
  title: "",
  institution: "",
  place: "",
  levelId: "",
  from: "",
  to: "",
  diplomaObtained: false,
  description: "",
});

export function educationRows(entries: readonly EducationEntry[]): EducationRow[] {
  return entries.map((e) => ({ ...e, key: rowKey(), levelId: text(e.levelId), to: text(e.to) }));
}

export function educationPatch(rows: readonly EducationRow[]): UpdateCandidateProfileRequest {
  return {
    education: rows.map((r) => ({
      title: r.title.trim(),
      institution: r.institution.trim(),
      place: r.place.trim(),
      levelId: orNull(r.levelId),
      from: r.from,
      to: orNull(r.to),
      diplomaObtained: r.diplomaObtained,
      description: r.description.trim(),
    })),
  };
}

export interface CourseRow {
  key: string;
  title: string;
  provider: string;
  year: string;
  certificate: boolean;
}

export const emptyCourse = (): CourseRow => ({
  key: rowKey(),
  title: "",
  provider: "",
  year: "",
  certificate: false,
});

export function courseRows(entries: readonly CourseEntry[]): CourseRow[] {
  return entries.map((c) => ({ ...c, key: rowKey(), year: c.year === null ? "" : String(c.year) }));
}

export function coursesPatch(rows: readonly CourseRow[]): UpdateCandidateProfileRequest {
  return {
    courses: rows.map((r) => ({
      title: r.title.trim(),
      provider: r.provider.trim(),
      year: numberOrNull(r.year),
      certificate: r.certificate,
    })),
  };
}

/* Media links */

export interface LinkRow {
  key: string;
  url: string;
  label: string;
}

export function mediaRows(media: CandidateProfile["media"]): { videos: LinkRow[]; links: LinkRow[] } {
  return {
    videos: media.videos.map((v) => ({ key: rowKey(), url: v.url, label: v.title })),
    links: media.links.map((l) => ({ key: rowKey(), url: l.url, label: l.label })),
  };
}

export function mediaPatch(
  videos: readonly LinkRow[],
  links: readonly LinkRow[],
): UpdateCandidateProfileRequest {
  const filled = (rows: readonly LinkRow[]) =>
    rows.filter((r) => r.url.trim() !== "" || r.label.trim() !== "");
  return {
    media: {
      videos: filled(videos).map((r) => ({ url: r.url.trim(), title: r.label.trim() })),
      links: filled(links).map((r) => ({ url: r.url.trim(), label: r.label.trim() })),
    },
  };
}

/**
 * Server messages for list rows name the row by its place in what was sent; rows left out as
 * empty shift the places, so the editor sends every row it shows (see mediaPatch's filter:
 * the index is mapped back with this).
 */
export function sentIndexes(rows: readonly LinkRow[]): Map<number, string> {
  const out = new Map<number, string>();
  let sent = 0;
  for (const row of rows) {
    if (row.url.trim() === "" && row.label.trim() === "") continue;
    out.set(sent, row.key);
    sent++;
  }
  return out;
}

/**
 * The availability grid in a few lines for reading: days with the same parts of the day are
 * taken together ("Maandag t/m vrijdag: ochtend, middag"). Days and parts come in reference
 * order with their labels; cells of unknown days or parts are left out.
 */
export function gridLines(
  grid: readonly string[],
  days: readonly { id: string; label: string }[],
  parts: readonly { id: string; label: string }[],
  through: (first: string, last: string) => string,
): string[] {
  const cells = new Set(grid);
  const rows = days
    .map((day) => ({
      day,
      parts: parts.filter((p) => cells.has(gridCell(day.id, p.id))).map((p) => p.label.toLowerCase()),
    }))
    .filter((row) => row.parts.length > 0);
  const lines: string[] = [];
  let i = 0;
  while (i < rows.length) {
    const start = rows[i]!;
    let end = i;
    const startIndex = days.indexOf(start.day);
    // Consecutive days (no day left out in between) with the same parts go on one line.
    while (
      end + 1 < rows.length &&
      days.indexOf(rows[end + 1]!.day) === startIndex + (end + 1 - i) &&
      rows[end + 1]!.parts.join() === start.parts.join()
    ) {
      end++;
    }
    const last = rows[end]!;
    const name =
      end === i
        ? start.day.label
        : end === i + 1
          ? `${start.day.label}, ${last.day.label.toLowerCase()}`
          : through(start.day.label, last.day.label.toLowerCase());
    lines.push(`${name}: ${start.parts.join(", ")}`);
    i = end + 1;
  }
  return lines;
}
