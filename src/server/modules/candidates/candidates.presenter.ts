import type {
  CandidateMeResponse,
  CandidateMessage,
  CandidateProfile,
  CandidateStaffView,
  ContactDetailsResponse,
  ContactView,
  MediaPhoto,
  OptionRef,
  PortalVisibility,
} from "../../../contracts/candidates";
import type { LocalizedText } from "../../../contracts/common";
import {
  getCertificates,
  getDayparts,
  getDays,
  getDrivingLicences,
  getEducationLevels,
  getLanguages,
  getOccupation,
  getOccupationGroups,
  getPhysicalCapacities,
  getPlace,
  getTargetGroups,
  getTransportModes,
  getWorkLevels,
  getWorkTypes,
} from "../taxonomy";
import type { CandidateDocumentRow, CandidatePhotoRow } from "./candidate-files.repository";
import type { CandidateRow, PortalRow, PortalVisibilityRow, StaffContact } from "./candidates.repository";
import type { MessageWithSender } from "./outreach.repository";
import {
  completeness,
  coursesOf,
  documentDto,
  educationOf,
  embedUrlOf,
  experienceOf,
  fileTail,
  gridOf,
  profileParts,
} from "./profile";

/** Row -> response for the candidate profile, the staff view and the inbox. */

export const CANDIDATES_BASE = "/api/v1/candidates";

type Labelled = { id: string; label: LocalizedText };
const labelMaps = new Map<() => readonly Labelled[], Map<string, LocalizedText>>();

/** The labels of a reference list by id (made once per list). */
export function labelsOf(list: () => readonly Labelled[]): Map<string, LocalizedText> {
  let map = labelMaps.get(list);
  if (!map) {
    map = new Map(list().map((item) => [item.id, item.label]));
    labelMaps.set(list, map);
  }
  return map;
}
function option(list: () => readonly Labelled[], id: string | null): OptionRef | null {
  if (id === null) return null;
  const label = labelsOf(list).get(id);
  return label ? { id, label } : null;
}
function options(list: () => readonly Labelled[], ids: readonly string[]): OptionRef[] {
  return ids.map((id) => option(list, id)).filter((o): o is OptionRef => o !== null);
}
function occupationOptions(ids: readonly string[]): OptionRef[] {
  return ids.flatMap((id) => {
    const occupation = getOccupation(id);
    return occupation ? [{ id, label: occupation.label }] : [];
  });
}

export type PortalRef = PortalVisibility["portal"];

export function portalRef(p: PortalRow): PortalRef {
  return { id: p.id, slug: p.slug, name: { nl: p.nameNl, en: p.nameEn }, isNational: p.parentId === null };
}

/** Where a profile is visible: its own portal by its column, others by the candidate's choices. */
export function visibilityOf(
  row: Pick<CandidateRow, "portalId" | "visible">,
  portals: readonly PortalRow[],
  choices: readonly PortalVisibilityRow[],
): PortalVisibility[] {
  const byPortal = new Map(choices.map((c) => [c.portalId, c]));
  return portals.map((p) => {
    const choice = byPortal.get(p.id);
    const home = p.id === row.portalId;
    return {
      portal: portalRef(p),
      home,
      visible: home ? row.visible : (choice?.visible ?? false),
      changedAt: choice?.changedAt.toISOString() ?? null,
    };
  });
}

function placeOf(row: CandidateRow) {
  const place = row.placeId ? getPlace(row.placeId) : undefined;
  return place ? { id: place.id, name: place.name } : row.city ? { id: null, name: row.city } : null;
}

/** Photos, videos (a player only with the viewer's consent to third-party cookies) and links. */
export function mediaOf(
  row: CandidateRow,
  photos: readonly CandidatePhotoRow[],
  base: string,
  consent: boolean,
): CandidateProfile["media"] {
  return {
    photos: photos.map(
      (p): MediaPhoto => ({
        id: p.id,
        url: `${base}/media/photos/${p.id}`,
        createdAt: p.createdAt.toISOString(),
      }),
    ),
    videos: row.media.videos.map((v) => ({
      url: v.url,
      title: v.title,
      embedUrl: consent ? embedUrlOf(v.url) : null,
    })),
    links: row.media.links.map((l) => ({ url: l.url, label: l.label })),
  };
}

export function mediaPhotoDto(photo: CandidatePhotoRow, base: string): MediaPhoto {
  return { id: photo.id, url: `${base}/media/photos/${photo.id}`, createdAt: photo.createdAt.toISOString() };
}

/** The candidate's own profile page with its completeness and visibility. */
export function presentMe(input: {
  row: CandidateRow;
  portals: readonly PortalRow[];
  choices: readonly PortalVisibilityRow[];
  documents: readonly CandidateDocumentRow[];
  photos: readonly CandidatePhotoRow[];
  consent: boolean;
  accountManager: StaffContact | null;
}): CandidateMeResponse {
  const { row, documents } = input;
  const base = `${CANDIDATES_BASE}/me`;
  const portal = input.portals.find((p) => p.id === row.portalId)!;
  const profile: CandidateProfile = {
    id: row.id,
    portal: portalRef(portal),
    ...profileParts(row, { base, place: placeOf(row), accountManager: input.accountManager }),
    media: mediaOf(row, input.photos, base, input.consent),
    documents: documents.map((d) => documentDto(d, base)),
    profileUpdatedAt: row.profileUpdatedAt.toISOString(),
  };
  return {
    profile,
    completeness: completeness({
      ...row,
      grid: gridOf(row),
      hasCv: documents.some((d) => d.kind === "cv"),
    }),
    visibility: visibilityOf(row, input.portals, input.choices),
  };
}

/** The profile page staff see (HalloWerk "Kandidaat profiel"), without contact details. */
export function presentStaffView(input: {
  row: CandidateRow;
  documents: readonly CandidateDocumentRow[];
  photos: readonly CandidatePhotoRow[];
  consent: boolean;
}): CandidateStaffView {
  const { row } = input;
  const base = `${CANDIDATES_BASE}/${row.id}`;
  const languageLabels = labelsOf(getLanguages);
  return {
    id: row.id,
    summary: {
      firstName: row.firstName,
      lastName: row.lastName,
      photoUrl: row.photoFileKey ? `${base}/photo?v=${fileTail(row.photoFileKey)}` : null,
      headline: row.headline,
      tags: {
        workTypes: options(getWorkTypes, row.workTypes),
        targetGroups: options(getTargetGroups, row.targetGroups),
      },
      place: placeOf(row),
      workLevel: option(getWorkLevels, row.workLevel),
      educationLevel: option(getEducationLevels, row.educationLevel),
      availability: {
        hoursMin: row.hoursMin,
        hoursMax: row.hoursMax,
        days: options(getDays, row.dayparts),
        dayparts: options(getDayparts, row.dayparts),
        grid: gridOf(row),
        availableFrom: row.availableFrom,
      },
      about: row.summary,
      contactPreference: row.contactPreference,
    },
    lists: {
      desiredOccupations: occupationOptions(row.desiredOccupationIds),
      sectors: options(getOccupationGroups, row.sectors),
      languages: row.languages.flatMap((l) => {
        const label = languageLabels.get(l.code);
        return label ? [{ id: l.code, label, level: l.level }] : [];
      }),
      drivingLicences: options(getDrivingLicences, row.drivingLicences),
      transportModes: options(getTransportModes, row.transportModes),
      certificates: options(getCertificates, row.certificates),
      physicalLimitations: options(getPhysicalCapacities, row.physicalLimitations),
    },
    media: mediaOf(row, input.photos, base, input.consent),
    experience: {
      work: experienceOf(row),
      education: educationOf(row).map((e) => ({ ...e, level: option(getEducationLevels, e.levelId) })),
      courses: coursesOf(row),
    },
    hobbies: row.hobbies,
    documents: input.documents.map((d) => documentDto(d, base)),
  };
}

/** The candidate's own details, for a viewer the candidate lets contact them directly. */
export function candidateContact(row: CandidateRow): ContactDetailsResponse {
  return {
    via: "candidate",
    candidate: {
      name: `${row.firstName} ${row.lastName}`.trim(),
      email: row.email,
      phone: row.phone,
      postcode: row.postcode,
      city: row.city,
    },
  };
}

export function contactViewDto(r: {
  at: Date;
  viewerName: string | null;
  organisationName: string | null;
}): ContactView {
  return {
    at: r.at.toISOString(),
    viewer: { name: r.viewerName ?? "—" },
    organisation: r.organisationName ? { name: r.organisationName } : null,
  };
}

export function messageDto(row: MessageWithSender): CandidateMessage {
  return {
    id: row.message.id,
    subject: row.message.subject,
    body: row.message.body,
    sender: { name: row.senderName, organisation: row.organisationName },
    createdAt: row.message.createdAt.toISOString(),
    readAt: row.message.readAt?.toISOString() ?? null,
  };
}
