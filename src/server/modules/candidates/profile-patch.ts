import type { z } from "zod";
import type { UpdateCandidateProfileRequestSchema } from "../../../contracts/candidates";
import type { Locale } from "../../../contracts/common";
import { AppError, type FieldError } from "../../platform/errors";
import { fieldMessage } from "../../platform/i18n";
import {
  getCertificates,
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
import { labelsOf } from "./candidates.presenter";
import type { CandidateRow, NewCandidateRow } from "./candidates.repository";
import { daypartsOfGrid, parseGridCell, sortGrid } from "./profile";

/** The rules of a profile change: what zod cannot check (reference ids, dates, ranges across fields). */

export type UpdateProfileInput = z.output<typeof UpdateCandidateProfileRequestSchema>;

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

/**
 * Turns a PATCH into columns after checking everything zod cannot (reference ids, dates,
 * ranges across fields). Any problem refuses the whole change, so nothing is half saved.
 */
export function resolvePatch(
  input: UpdateProfileInput,
  current: CandidateRow,
  locale: Locale,
): Partial<NewCandidateRow> {
  const problems: FieldError[] = [];
  const fail = (path: string, key: string) => problems.push({ path, message: fieldMessage(key, locale) });
  const out: Partial<NewCandidateRow> = {};
  const known = (list: () => readonly { id: string }[]) => {
    const ids = labelsOf(list as Parameters<typeof labelsOf>[0]);
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
      out.drivingLicences = checkIds("general.drivingLicences", g.drivingLicences, known(getDrivingLicences));
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
      out.transportModes = checkIds("preferences.transportModes", p.transportModes, known(getTransportModes));
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
