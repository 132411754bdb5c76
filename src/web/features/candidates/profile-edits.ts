import {
  type CandidateProfile,
  type Completeness,
  PROFILE_PARTS,
  type ProfilePart,
  type UpdateCandidateProfileRequest,
} from "../../../contracts/candidates";
import {
  type AvailabilityDraft,
  availabilityDraft,
  availabilityPatch,
  type ContactDraft,
  type CourseRow,
  contactDraft,
  contactPatch,
  courseRows,
  coursesPatch,
  type EducationRow,
  type ExperienceRow,
  educationPatch,
  educationRows,
  experiencePatch,
  experienceRows,
  type GeneralDraft,
  generalDraft,
  generalPatch,
  type LinkRow,
  mediaPatch,
  mediaRows,
  PROFILE_SECTIONS,
  type PreferencesDraft,
  type ProfileSection,
  preferencesDraft,
  preferencesPatch,
  sectionOfMissing,
  sentIndexes,
} from "./profile-draft";

/**
 * What the one-save profile editor keeps between sections: a draft per section the candidate
 * touched, compared with the saved profile to know what is unsaved, and joined into one PATCH.
 */

export interface MediaDraft {
  videos: LinkRow[];
  links: LinkRow[];
}

/** Every section with something to type; Documenten uploads and removes at once. */
export interface SectionDrafts {
  algemeen: GeneralDraft;
  voorkeuren: PreferencesDraft;
  beschikbaarheid: AvailabilityDraft;
  contact: ContactDraft;
  werkervaring: ExperienceRow[];
  opleidingen: EducationRow[];
  cursussen: CourseRow[];
  media: MediaDraft;
  hobbys: string;
}
export type DraftSection = keyof SectionDrafts;

/** The drafts the candidate changed; a section not in it shows the saved profile. */
export type Edits = Partial<SectionDrafts>;

type Codec<S extends DraftSection> = {
  draft(profile: CandidateProfile): SectionDrafts[S];
  patch(draft: SectionDrafts[S], profile: CandidateProfile): UpdateCandidateProfileRequest;
};

const CODECS: { [S in DraftSection]: Codec<S> } = {
  algemeen: { draft: generalDraft, patch: generalPatch },
  voorkeuren: { draft: preferencesDraft, patch: preferencesPatch },
  beschikbaarheid: { draft: availabilityDraft, patch: availabilityPatch },
  contact: { draft: contactDraft, patch: contactPatch },
  werkervaring: { draft: (p) => experienceRows(p.experience), patch: experiencePatch },
  opleidingen: { draft: (p) => educationRows(p.education), patch: educationPatch },
  cursussen: { draft: (p) => courseRows(p.courses), patch: coursesPatch },
  media: { draft: (p) => mediaRows(p.media), patch: (d) => mediaPatch(d.videos, d.links) },
  hobbys: { draft: (p) => p.hobbies, patch: (d) => ({ hobbies: d.trim() }) },
};

export const DRAFT_SECTIONS = PROFILE_SECTIONS.filter((s): s is DraftSection => s in CODECS);

export const isDraftSection = (section: ProfileSection): section is DraftSection => section in CODECS;

/** Every section's draft as the saved profile fills it (made once per profile: rows keep their keys). */
export function savedDrafts(profile: CandidateProfile): SectionDrafts {
  return {
    algemeen: CODECS.algemeen.draft(profile),
    voorkeuren: CODECS.voorkeuren.draft(profile),
    beschikbaarheid: CODECS.beschikbaarheid.draft(profile),
    contact: CODECS.contact.draft(profile),
    werkervaring: CODECS.werkervaring.draft(profile),
    opleidingen: CODECS.opleidingen.draft(profile),
    cursussen: CODECS.cursussen.draft(profile),
    media: CODECS.media.draft(profile),
    hobbys: CODECS.hobbys.draft(profile),
  };
}

function patchOf<S extends DraftSection>(
  section: S,
  draft: SectionDrafts[S],
  profile: CandidateProfile,
): UpdateCandidateProfileRequest {
  return CODECS[section].patch(draft, profile);
}

/**
 * A draft is a change when it would send something else than the saved profile does; typing a
 * word and deleting it again, or a space the server trims, leaves the section saved.
 */
export function isChanged<S extends DraftSection>(
  section: S,
  draft: SectionDrafts[S],
  profile: CandidateProfile,
): boolean {
  const saved = patchOf(section, CODECS[section].draft(profile), profile);
  return JSON.stringify(patchOf(section, draft, profile)) !== JSON.stringify(saved);
}

function isEdited<S extends DraftSection>(section: S, edits: Edits, profile: CandidateProfile): boolean {
  const draft: SectionDrafts[S] | undefined = edits[section];
  return draft !== undefined && isChanged(section, draft, profile);
}

/** The sections with unsaved changes, in the order of the side list. */
export function changedSections(edits: Edits, profile: CandidateProfile): DraftSection[] {
  return DRAFT_SECTIONS.filter((section) => isEdited(section, edits, profile));
}

/**
 * One PATCH for every changed section. Algemeen and Voorkeuren both write fields of the
 * contract's "general" part, so parts are merged, not replaced.
 */
export function combinedPatch(
  sections: readonly DraftSection[],
  edits: Edits,
  profile: CandidateProfile,
): UpdateCandidateProfileRequest {
  const out: UpdateCandidateProfileRequest = {};
  for (const section of sections) {
    const patch = draftPatch(section, edits, profile);
    if (!patch) continue;
    if (patch.general) out.general = { ...out.general, ...patch.general };
    if (patch.preferences) out.preferences = { ...out.preferences, ...patch.preferences };
    if (patch.availability) out.availability = patch.availability;
    if (patch.contact) out.contact = patch.contact;
    if (patch.experience) out.experience = patch.experience;
    if (patch.education) out.education = patch.education;
    if (patch.courses) out.courses = patch.courses;
    if (patch.media) out.media = patch.media;
    if (patch.hobbies !== undefined) out.hobbies = patch.hobbies;
  }
  return out;
}

function draftPatch<S extends DraftSection>(
  section: S,
  edits: Edits,
  profile: CandidateProfile,
): UpdateCandidateProfileRequest | undefined {
  const draft: SectionDrafts[S] | undefined = edits[section];
  return draft === undefined ? undefined : patchOf(section, draft, profile);
}

/**
 * The rows as they were sent, by their row keys: the server names a row by its index in what
 * it got ("experience.2.to"), and the candidate may add or remove rows before reading it.
 */
export interface SentRows {
  werkervaring: string[];
  opleidingen: string[];
  cursussen: string[];
  videos: Map<number, string>;
  links: Map<number, string>;
}

export function sentRows(sections: readonly DraftSection[], edits: Edits): SentRows {
  const keys = <Row extends { key: string }>(section: DraftSection, rows: Row[] | undefined) =>
    sections.includes(section) ? (rows ?? []).map((r) => r.key) : [];
  const media = sections.includes("media") ? edits.media : undefined;
  return {
    werkervaring: keys("werkervaring", edits.werkervaring),
    opleidingen: keys("opleidingen", edits.opleidingen),
    cursussen: keys("cursussen", edits.cursussen),
    videos: media ? sentIndexes(media.videos) : new Map(),
    links: media ? sentIndexes(media.links) : new Map(),
  };
}

/**
 * The edits left after `sections` of `snapshot` were saved: a section typed in while the save
 * was under way keeps its newer draft (compared with the new profile it is still a change).
 */
export function afterSave(current: Edits, snapshot: Edits, sections: readonly DraftSection[]): Edits {
  const out: Edits = { ...current };
  for (const section of sections) {
    if (current[section] === snapshot[section]) delete out[section];
  }
  return out;
}

const isPart = (value: string): value is ProfilePart => (PROFILE_PARTS as readonly string[]).includes(value);

/** The section that asks for the field a server message names ("general.languages.0.code" → voorkeuren). */
export function sectionOfPath(path: string): ProfileSection | null {
  const [part, key = ""] = path.split(".");
  if (part === undefined) return null;
  if (part === "hobbies") return "hobbys";
  return isPart(part) ? sectionOfMissing({ part, key }) : null;
}

/** How the side list marks a section, the first that applies. */
export type SectionState = "invalid" | "unsaved" | "todo" | "complete" | "empty";

function hasContent(section: ProfileSection, profile: CandidateProfile): boolean {
  const { general: g, preferences: p, availability: a } = profile;
  switch (section) {
    case "algemeen":
      return g.firstName.trim() !== "";
    case "voorkeuren":
      return [p.desiredOccupationIds, p.workTypes, p.sectors, g.languages, g.drivingLicences].some(
        (list) => list.length > 0,
      );
    case "beschikbaarheid":
      return a.hoursMin !== null || a.hoursMax !== null || a.grid.length > 0;
    case "contact":
      return profile.contact.email !== null || profile.contact.phone !== null;
    case "werkervaring":
      return profile.experience.length > 0;
    case "opleidingen":
      return profile.education.length > 0;
    case "cursussen":
      return profile.courses.length > 0;
    case "media":
      return [profile.media.photos, profile.media.videos, profile.media.links].some((l) => l.length > 0);
    case "documenten":
      return profile.documents.length > 0;
    case "hobbys":
      return profile.hobbies.trim() !== "";
  }
}

/**
 * A section is "complete" when the completeness meter misses nothing in it and something is
 * filled in; "todo" when the meter misses something there; "empty" when it asks nothing and
 * nothing is filled in (courses, hobbies are optional).
 */
export function sectionState(
  section: ProfileSection,
  {
    profile,
    missing,
    changed,
    invalid,
  }: {
    profile: CandidateProfile;
    missing: Completeness["missing"];
    changed: ReadonlySet<ProfileSection>;
    invalid: ReadonlySet<ProfileSection>;
  },
): SectionState {
  if (invalid.has(section)) return "invalid";
  if (changed.has(section)) return "unsaved";
  if (missing.some((item) => sectionOfMissing(item) === section)) return "todo";
  return hasContent(section, profile) ? "complete" : "empty";
}

/** The sections before and after this one, for "Vorige" and "Volgende". */
export function neighbours(section: ProfileSection): {
  previous: ProfileSection | undefined;
  next: ProfileSection | undefined;
} {
  const index = PROFILE_SECTIONS.indexOf(section);
  return { previous: PROFILE_SECTIONS[index - 1], next: PROFILE_SECTIONS[index + 1] };
}
