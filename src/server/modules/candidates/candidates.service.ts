import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  CandidateDocument,
  CandidateMeResponse,
  CandidateProfile,
  CandidateStaffView,
  ContactDetailsResponse,
  ContactView,
  DocumentKind,
  MediaPhoto,
  OptionRef,
  PortalVisibility,
  SetPortalVisibilityRequest,
  UpdateCandidateProfileRequestSchema,
} from "../../../contracts/candidates";
import type { Locale, LocalizedText } from "../../../contracts/common";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError, type FieldError } from "../../platform/errors";
import { type FileStorage, sniffDocument, sniffImage } from "../../platform/files";
import { fieldMessage } from "../../platform/i18n";
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
} from "../taxonomy/reference-data";
import type { PortalRow } from "../tenancy/tenancy.repository";
import { contactDetailsOf, staffPortalAccess } from "./candidates.policy";
import {
  allPortals,
  type CandidatePhotoRow,
  type CandidateRow,
  type CandidateScope,
  candidatePortalsOfUser,
  candidatesOfUser,
  countDocuments,
  deleteDocument,
  deletePhoto,
  findDocument,
  findPhoto,
  findVisibleCandidate,
  insertCandidate,
  insertContactView,
  insertDocument,
  insertPhoto,
  listContactViews,
  listDocuments,
  listPhotos,
  listPortalVisibility,
  type NewCandidateRow,
  setPortalVisibility,
  staffContact,
  staffMemberships,
  updateCandidate,
  userConsentsToEmbeds,
  type VisibleOnPortalScope,
} from "./candidates.repository";
import {
  completeness,
  coursesOf,
  daypartsOfGrid,
  documentDto,
  educationOf,
  embedUrlOf,
  experienceOf,
  fileTail,
  gridOf,
  parseGridCell,
  profileParts,
  sortGrid,
} from "./profile";

/** Profile photos and media photos: at most 5 MB. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** CVs and other documents: at most 10 MB. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_DOCUMENTS = 20;
const MAX_MEDIA_PHOTOS = 20;

type UpdateInput = z.output<typeof UpdateCandidateProfileRequestSchema>;

export interface CandidateServiceDeps {
  db: Db;
  files: FileStorage;
}

/** The request's portal, as the candidates module needs it. */
export type HostPortal = Pick<PortalRow, "id" | "parentId">;

const BASE = "/api/v1/candidates";

function isValidDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function dedupe<T>(items: readonly T[], key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "2512ab" -> "2512 AB", as the post office writes it. */
function formatPostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, "").toUpperCase();
  return compact.length === 6 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
}

type Labelled = { id: string; label: LocalizedText };
const labelMaps = new Map<() => readonly Labelled[], Map<string, LocalizedText>>();
function labelsOf(list: () => readonly Labelled[]): Map<string, LocalizedText> {
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

/**
 * The candidate profile: the candidate edits their own in parts; staff read it through a
 * portal the candidate chose to be visible on (decision 0011), and ask for contact details
 * separately, which is logged and shown to the candidate.
 */
export function createCandidateService(deps: CandidateServiceDeps) {
  const { db, files } = deps;

  /**
   * The signed-in candidate's profile: the one on the request's portal, else their first. A
   * person with the candidate role but no profile yet (a staff member who is also a candidate)
   * gets an empty, invisible one.
   */
  async function ownProfile(principal: Principal, host: HostPortal | null) {
    const rows = await candidatesOfUser(db, principal.userId);
    const scope: CandidateScope = { candidateIds: rows.map((r) => r.id) };
    const found = rows.find((r) => r.portalId === host?.id) ?? rows[0];
    if (found) return { row: found, scope };
    const portalIds = await candidatePortalsOfUser(db, principal.userId);
    const portalId = portalIds.find((p) => p === host?.id) ?? portalIds[0];
    if (!portalId) throw new AppError("forbidden");
    const contact = await staffContact(db, principal.userId);
    const [first, ...rest] = (contact?.name ?? "").trim().split(/\s+/);
    const row = await insertCandidate(
      db,
      { portalId },
      {
        portalId,
        userId: principal.userId,
        firstName: first || "-",
        lastName: rest.join(" ") || "-",
        email: contact?.email ?? null,
        phone: contact?.phone ?? null,
        visible: false,
      },
    );
    return { row, scope: { candidateIds: [...scope.candidateIds, row.id] } };
  }

  /** All profiles of the signed-in person (documents and logs may belong to any of them). */
  async function ownScope(principal: Principal): Promise<CandidateScope> {
    const rows = await candidatesOfUser(db, principal.userId);
    return { candidateIds: rows.map((r) => r.id) };
  }

  async function portalRefs() {
    const rows = await allPortals(db);
    return rows.map((p) => ({
      row: p,
      ref: { id: p.id, slug: p.slug, name: { nl: p.nameNl, en: p.nameEn }, isNational: p.parentId === null },
    }));
  }

  async function visibilityOf(row: CandidateRow, scope: CandidateScope): Promise<PortalVisibility[]> {
    const choices = new Map((await listPortalVisibility(db, scope, row.id)).map((c) => [c.portalId, c]));
    return (await portalRefs()).map(({ ref }) => {
      const choice = choices.get(ref.id);
      const home = ref.id === row.portalId;
      return {
        portal: ref,
        home,
        visible: home ? row.visible : (choice?.visible ?? false),
        changedAt: choice?.changedAt.toISOString() ?? null,
      };
    });
  }

  function mediaOf(
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

  async function meResponse(
    principal: Principal,
    row: CandidateRow,
    scope: CandidateScope,
  ): Promise<CandidateMeResponse> {
    const base = `${BASE}/me`;
    const [documents, photos, consent, portals, visibility] = await Promise.all([
      listDocuments(db, scope, row.id),
      listPhotos(db, scope, row.id),
      userConsentsToEmbeds(db, principal.userId),
      portalRefs(),
      visibilityOf(row, scope),
    ]);
    const portal = portals.find((p) => p.ref.id === row.portalId)!.ref;
    const accountManager = row.accountManagerUserId ? await staffContact(db, row.accountManagerUserId) : null;
    const place = row.placeId ? getPlace(row.placeId) : undefined;
    const profile: CandidateProfile = {
      id: row.id,
      portal,
      ...profileParts(row, {
        base,
        place: place ? { id: place.id, name: place.name } : row.city ? { id: null, name: row.city } : null,
        accountManager,
      }),
      media: mediaOf(row, photos, base, consent),
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
      visibility,
    };
  }

  /**
   * Turns a PATCH into columns after checking everything zod cannot (reference ids, dates,
   * ranges across fields). Any problem refuses the whole change, so nothing is half saved.
   */
  function resolvePatch(input: UpdateInput, current: CandidateRow, locale: Locale): Partial<NewCandidateRow> {
    const problems: FieldError[] = [];
    const fail = (path: string, key: string) => problems.push({ path, message: fieldMessage(key, locale) });
    const out: Partial<NewCandidateRow> = {};
    const known = (list: () => readonly { id: string }[]) => {
      const ids = labelsOf(list as () => readonly Labelled[]);
      return (id: string) => ids.has(id);
    };
    const checkIds = (
      path: string,
      values: readonly string[],
      isKnown: (id: string) => boolean,
      key = "unknown_option",
    ): string[] => {
      values.forEach((value, i) => {
        if (!isKnown(value)) fail(`${path}.${i}`, key);
      });
      return dedupe(values);
    };
    const checkDate = (path: string, value: string | null | undefined): void => {
      if (value && !isValidDate(value)) fail(path, "date_invalid");
    };

    const g = input.general;
    if (g) {
      if (g.firstName !== undefined) out.firstName = g.firstName;
      if (g.lastName !== undefined) out.lastName = g.lastName;
      if (g.headline !== undefined) out.headline = g.headline;
      if (g.summary !== undefined) out.summary = g.summary;
      if (g.placeId !== undefined) {
        const place = g.placeId === null ? null : getPlace(g.placeId);
        if (g.placeId !== null && !place) fail("general.placeId", "unknown_place");
        out.placeId = g.placeId;
        out.city = place?.name ?? null;
        out.lat = place?.lat ?? null;
        out.lon = place?.lon ?? null;
      }
      if (g.postcode !== undefined) out.postcode = g.postcode === null ? null : formatPostcode(g.postcode);
      if (g.birthDate !== undefined) {
        if (g.birthDate !== null) {
          if (!isValidDate(g.birthDate)) fail("general.birthDate", "date_invalid");
          else if (g.birthDate < "1900-01-01" || g.birthDate >= new Date().toISOString().slice(0, 10)) {
            fail("general.birthDate", "birth_date_invalid");
          }
        }
        out.birthDate = g.birthDate;
      }
      if (g.workLevel !== undefined) {
        if (g.workLevel !== null && !known(getWorkLevels)(g.workLevel))
          fail("general.workLevel", "unknown_option");
        out.workLevel = g.workLevel;
      }
      if (g.educationLevel !== undefined) {
        if (g.educationLevel !== null && !known(getEducationLevels)(g.educationLevel)) {
          fail("general.educationLevel", "unknown_option");
        }
        out.educationLevel = g.educationLevel;
      }
      if (g.targetGroups !== undefined)
        out.targetGroups = checkIds("general.targetGroups", g.targetGroups, known(getTargetGroups));
      if (g.languages !== undefined) {
        const isLanguage = known(getLanguages);
        g.languages.forEach((l, i) => {
          if (!isLanguage(l.code)) fail(`general.languages.${i}.code`, "unknown_language");
        });
        out.languages = dedupe(g.languages, (l) => l.code).map((l) => ({ code: l.code, level: l.level }));
      }
      if (g.drivingLicences !== undefined)
        out.drivingLicences = checkIds(
          "general.drivingLicences",
          g.drivingLicences,
          known(getDrivingLicences),
        );
      if (g.certificates !== undefined)
        out.certificates = checkIds("general.certificates", g.certificates, known(getCertificates));
      if (g.physicalLimitations !== undefined) {
        out.physicalLimitations = checkIds(
          "general.physicalLimitations",
          g.physicalLimitations,
          known(getPhysicalCapacities),
        );
      }
    }

    const p = input.preferences;
    if (p) {
      if (p.desiredOccupationIds !== undefined) {
        out.desiredOccupationIds = checkIds(
          "preferences.desiredOccupationIds",
          p.desiredOccupationIds,
          (id) => getOccupation(id) !== undefined,
          "unknown_occupation",
        );
      }
      if (p.workTypes !== undefined)
        out.workTypes = checkIds("preferences.workTypes", p.workTypes, known(getWorkTypes));
      if (p.sectors !== undefined)
        out.sectors = checkIds("preferences.sectors", p.sectors, known(getOccupationGroups));
      if (p.transportModes !== undefined)
        out.transportModes = checkIds(
          "preferences.transportModes",
          p.transportModes,
          known(getTransportModes),
        );
      if (p.maxTravelKm !== undefined) out.maxTravelKm = p.maxTravelKm;
    }

    const a = input.availability;
    if (a) {
      if (a.hoursMin !== undefined) out.hoursMin = a.hoursMin;
      if (a.hoursMax !== undefined) out.hoursMax = a.hoursMax;
      const min = out.hoursMin !== undefined ? out.hoursMin : current.hoursMin;
      const max = out.hoursMax !== undefined ? out.hoursMax : current.hoursMax;
      if (min != null && max != null && min > max) fail("availability.hoursMax", "range_min_above_max");
      if (a.grid !== undefined) {
        const grid = checkIds("availability.grid", a.grid, (id) => parseGridCell(id) !== null);
        if (grid.every((id) => parseGridCell(id) !== null)) {
          out.availabilityGrid = sortGrid(grid);
          out.dayparts = daypartsOfGrid(grid);
        }
      }
      if (a.availableFrom !== undefined) {
        checkDate("availability.availableFrom", a.availableFrom);
        out.availableFrom = a.availableFrom;
      }
    }

    const c = input.contact;
    if (c) {
      if (c.email !== undefined) out.email = c.email === null ? null : c.email.toLowerCase();
      if (c.phone !== undefined) out.phone = c.phone;
      if (c.contactPreference !== undefined) out.contactPreference = c.contactPreference;
    }

    const checkPeriod = (path: string, from: string, to: string | null) => {
      checkDate(`${path}.from`, from);
      checkDate(`${path}.to`, to);
      if (to && isValidDate(from) && isValidDate(to) && to < from) fail(`${path}.to`, "end_before_start");
    };
    if (input.experience !== undefined) {
      out.experience = input.experience.map((e, i) => {
        if (e.occupationId !== null && !getOccupation(e.occupationId)) {
          fail(`experience.${i}.occupationId`, "unknown_occupation");
        }
        checkPeriod(`experience.${i}`, e.from, e.to);
        return {
          title: e.title,
          occupationId: e.occupationId,
          employer: e.employer,
          from: e.from,
          to: e.to,
          ...(e.place ? { place: e.place } : {}),
          ...(e.description ? { description: e.description } : {}),
        };
      });
    }
    if (input.education !== undefined) {
      const isLevel = known(getEducationLevels);
      out.education = input.education.map((e, i) => {
        if (e.levelId !== null && !isLevel(e.levelId)) fail(`education.${i}.levelId`, "unknown_option");
        checkPeriod(`education.${i}`, e.from, e.to);
        return {
          title: e.title,
          institution: e.institution,
          levelId: e.levelId,
          from: e.from,
          to: e.to,
          diplomaObtained: e.diplomaObtained,
          ...(e.place ? { place: e.place } : {}),
          ...(e.description ? { description: e.description } : {}),
        };
      });
    }
    if (input.courses !== undefined) {
      out.courses = input.courses.map((course) => ({
        title: course.title,
        provider: course.provider,
        year: course.year,
        certificate: course.certificate,
      }));
    }
    if (input.media !== undefined) {
      out.media = {
        videos: input.media.videos?.map((v) => ({ url: v.url, title: v.title })) ?? current.media.videos,
        links: input.media.links?.map((l) => ({ url: l.url, label: l.label })) ?? current.media.links,
      };
    }
    if (input.hobbies !== undefined) out.hobbies = input.hobbies;

    if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
    return out;
  }

  /** Staff see candidates through the request's portal, if their organisation is at home there. */
  async function staffScope(principal: Principal, host: HostPortal) {
    const access = staffPortalAccess(await staffMemberships(db, principal.userId), host.id);
    if (!access) throw new AppError("not_found");
    const scope: VisibleOnPortalScope = { portalId: host.id, national: host.parentId === null };
    return { scope, organisationId: access.organisationId };
  }

  async function visibleCandidate(principal: Principal, host: HostPortal, id: string) {
    const { scope, organisationId } = await staffScope(principal, host);
    const row = await findVisibleCandidate(db, scope, id);
    if (!row) throw new AppError("not_found");
    // From here on the candidate's own rows (documents, photos, log) are in reach.
    return { row, own: { candidateIds: [row.id] } as CandidateScope, organisationId };
  }

  async function storedFile(key: string | null) {
    const file = key ? await files.get(key) : null;
    if (!file) throw new AppError("not_found");
    return file;
  }

  function imageOrFail(data: Buffer, locale: Locale) {
    const image = sniffImage(data);
    if (!image) {
      throw new AppError("validation_failed", {
        fields: [{ path: "photo", message: fieldMessage("image_type_not_allowed", locale) }],
      });
    }
    return image;
  }

  return {
    async me(principal: Principal, host: HostPortal | null): Promise<CandidateMeResponse> {
      const { row, scope } = await ownProfile(principal, host);
      return meResponse(principal, row, scope);
    },

    async updateProfile(
      principal: Principal,
      host: HostPortal | null,
      input: UpdateInput,
      locale: Locale,
    ): Promise<CandidateMeResponse> {
      const { row, scope } = await ownProfile(principal, host);
      const patch = resolvePatch(input, row, locale);
      const updated = Object.keys(patch).length > 0 ? await updateCandidate(db, scope, row.id, patch) : row;
      if (!updated) throw new AppError("not_found");
      return meResponse(principal, updated, scope);
    },

    async setPhoto(
      principal: Principal,
      host: HostPortal | null,
      data: Buffer,
      locale: Locale,
    ): Promise<{ photoUrl: string }> {
      const { row, scope } = await ownProfile(principal, host);
      const image = imageOrFail(data, locale);
      const key = `candidates/${row.id}/photo-${randomUUID()}.${image.ext}`;
      await files.put(key, data, image.type);
      await updateCandidate(db, scope, row.id, { photoFileKey: key });
      if (row.photoFileKey) await files.delete(row.photoFileKey);
      return { photoUrl: `${BASE}/me/photo?v=${fileTail(key)}` };
    },

    async removePhoto(principal: Principal, host: HostPortal | null): Promise<void> {
      const { row, scope } = await ownProfile(principal, host);
      if (!row.photoFileKey) return;
      await updateCandidate(db, scope, row.id, { photoFileKey: null });
      await files.delete(row.photoFileKey);
    },

    async ownPhoto(principal: Principal, host: HostPortal | null) {
      const { row } = await ownProfile(principal, host);
      return storedFile(row.photoFileKey);
    },

    async addMediaPhoto(
      principal: Principal,
      host: HostPortal | null,
      data: Buffer,
      locale: Locale,
    ): Promise<MediaPhoto> {
      const { row, scope } = await ownProfile(principal, host);
      const image = imageOrFail(data, locale);
      if ((await listPhotos(db, scope, row.id)).length >= MAX_MEDIA_PHOTOS) {
        throw new AppError("validation_failed", {
          fields: [{ path: "photo", message: fieldMessage("too_many_files", locale) }],
        });
      }
      const key = `candidates/${row.id}/media/${randomUUID()}.${image.ext}`;
      await files.put(key, data, image.type);
      const photo = await insertPhoto(db, scope, {
        candidateId: row.id,
        portalId: row.portalId,
        fileKey: key,
        contentType: image.type,
      });
      return {
        id: photo.id,
        url: `${BASE}/me/media/photos/${photo.id}`,
        createdAt: photo.createdAt.toISOString(),
      };
    },

    async removeMediaPhoto(principal: Principal, photoId: string): Promise<void> {
      const removed = await deletePhoto(db, await ownScope(principal), photoId);
      if (!removed) throw new AppError("not_found");
      await files.delete(removed.fileKey);
    },

    async ownMediaPhoto(principal: Principal, photoId: string) {
      const photo = await findPhoto(db, await ownScope(principal), photoId);
      return storedFile(photo?.fileKey ?? null);
    },

    async addDocument(
      principal: Principal,
      host: HostPortal | null,
      upload: { fileName: string; kind: DocumentKind; data: Buffer },
      locale: Locale,
    ): Promise<CandidateDocument> {
      const { row, scope } = await ownProfile(principal, host);
      const kind = sniffDocument(upload.data);
      if (!kind) {
        throw new AppError("validation_failed", {
          fields: [{ path: "file", message: fieldMessage("document_type_not_allowed", locale) }],
        });
      }
      if ((await countDocuments(db, scope, row.id)) >= MAX_DOCUMENTS) {
        throw new AppError("validation_failed", {
          fields: [{ path: "file", message: fieldMessage("too_many_files", locale) }],
        });
      }
      const key = `candidates/${row.id}/documents/${randomUUID()}.${kind.ext}`;
      await files.put(key, upload.data, kind.type);
      const document = await insertDocument(db, scope, {
        candidateId: row.id,
        portalId: row.portalId,
        kind: upload.kind,
        fileKey: key,
        fileName: `${upload.fileName.replace(/\.[a-z0-9]{1,5}$/i, "")}.${kind.ext}`,
        contentType: kind.type,
        size: upload.data.length,
      });
      return documentDto(document, `${BASE}/me`);
    },

    async ownDocument(principal: Principal, documentId: string) {
      const document = await findDocument(db, await ownScope(principal), documentId);
      if (!document) throw new AppError("not_found");
      return { ...(await storedFile(document.fileKey)), fileName: document.fileName };
    },

    async removeDocument(principal: Principal, documentId: string): Promise<void> {
      const removed = await deleteDocument(db, await ownScope(principal), documentId);
      if (!removed) throw new AppError("not_found");
      await files.delete(removed.fileKey);
    },

    async setVisibility(
      principal: Principal,
      host: HostPortal | null,
      input: SetPortalVisibilityRequest,
      locale: Locale,
    ): Promise<PortalVisibility[]> {
      const { row, scope } = await ownProfile(principal, host);
      const portal = (await portalRefs()).find(
        (p) => p.ref.id === input.portal || p.ref.slug === input.portal,
      );
      if (!portal) {
        throw new AppError("validation_failed", {
          fields: [{ path: "portal", message: fieldMessage("unknown_option", locale) }],
        });
      }
      await setPortalVisibility(db, scope, row, portal.ref.id, input.visible);
      const [updated] = (await candidatesOfUser(db, principal.userId)).filter((r) => r.id === row.id);
      return visibilityOf(updated ?? row, scope);
    },

    async contactViews(principal: Principal): Promise<ContactView[]> {
      const rows = await listContactViews(db, await ownScope(principal));
      return rows.map((r) => ({
        at: r.at.toISOString(),
        viewer: { name: r.viewerName ?? "—" },
        organisation: r.organisationName ? { name: r.organisationName } : null,
      }));
    },

    /** The profile page staff see (HalloWerk "Kandidaat profiel"), without contact details. */
    async staffView(principal: Principal, host: HostPortal, id: string): Promise<CandidateStaffView> {
      const { row, own } = await visibleCandidate(principal, host, id);
      const base = `${BASE}/${row.id}`;
      const [documents, photos, consent] = await Promise.all([
        listDocuments(db, own, row.id),
        listPhotos(db, own, row.id),
        userConsentsToEmbeds(db, principal.userId),
      ]);
      const place = row.placeId ? getPlace(row.placeId) : undefined;
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
          place: place ? { id: place.id, name: place.name } : row.city ? { id: null, name: row.city } : null,
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
        media: mediaOf(row, photos, base, consent),
        experience: {
          work: experienceOf(row),
          education: educationOf(row).map((e) => ({ ...e, level: option(getEducationLevels, e.levelId) })),
          courses: coursesOf(row),
        },
        hobbies: row.hobbies,
        documents: documents.map((d) => documentDto(d, base)),
      };
    },

    /**
     * "Contactgegevens": logged every time, then the candidate's own details or their account
     * manager's, as the candidate chose (decision 0011).
     */
    async contactDetails(
      principal: Principal,
      host: HostPortal,
      id: string,
    ): Promise<ContactDetailsResponse> {
      const { row, own, organisationId } = await visibleCandidate(principal, host, id);
      await insertContactView(db, own, {
        candidateId: row.id,
        portalId: row.portalId,
        viewerUserId: principal.userId,
        viewerOrganisationId: organisationId,
      });
      if (contactDetailsOf(row, principal.userId) === "candidate") {
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
      return {
        via: "account_manager",
        accountManager: row.accountManagerUserId ? await staffContact(db, row.accountManagerUserId) : null,
      };
    },

    async staffDocument(principal: Principal, host: HostPortal, id: string, documentId: string) {
      const { own } = await visibleCandidate(principal, host, id);
      const document = await findDocument(db, own, documentId);
      if (!document) throw new AppError("not_found");
      return { ...(await storedFile(document.fileKey)), fileName: document.fileName };
    },

    async staffPhoto(principal: Principal, host: HostPortal, id: string) {
      const { row } = await visibleCandidate(principal, host, id);
      return storedFile(row.photoFileKey);
    },

    async staffMediaPhoto(principal: Principal, host: HostPortal, id: string, photoId: string) {
      const { own } = await visibleCandidate(principal, host, id);
      const photo = await findPhoto(db, own, photoId);
      return storedFile(photo?.fileKey ?? null);
    },
  };
}

export type CandidateService = ReturnType<typeof createCandidateService>;
