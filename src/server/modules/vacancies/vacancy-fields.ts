import type { z } from "zod";
import type { Locale } from "../../../contracts/common";
import type { CreateVacancyRequestSchema } from "../../../contracts/vacancies";
import { AppError, type FieldError } from "../../platform/errors";
import { fieldMessage } from "../../platform/i18n";
import type { Bound } from "../../platform/store";
import { getEducationLevels, getOccupation, getOccupationGroups, getPlace } from "../taxonomy";
import type { NewVacancyRow, VacancyRow } from "./vacancies.repository";
import type { vacancyPeopleRepository } from "./vacancy-people.repository";

/** The rules of a vacancy's fields: what a request may set, what publishing needs, what changed. */

export type CreateInput = z.output<typeof CreateVacancyRequestSchema>;

/** The fields a person edits, as stored; the history records changes to these. */
const TRACKED: readonly (keyof VacancyRow)[] = [
  "departmentId",
  "siteId",
  "contactUserId",
  "accountManagerUserId",
  "ownerUserId",
  "displayTitle",
  "title",
  "description",
  "functionGroup",
  "occupationId",
  "educationLevel",
  "kind",
  "salaryScaleMin",
  "salaryScaleMax",
  "salaryMin",
  "salaryMax",
  "durationKind",
  "durationEndsOn",
  "hoursMin",
  "hoursMax",
  "positions",
  "useHeadOffice",
  "street",
  "houseNumber",
  "postcode",
  "placeId",
  "city",
  "serviceModel",
  "contactVia",
  "status",
  "publishOrganisationFrom",
  "publishPortalFrom",
  "publishAllPortalsFrom",
  "publishPublicFrom",
  "closesOn",
  "imageFileKey",
];

/** The tracked fields `after` changes: name -> [before, after]. */
export function diff(
  before: Partial<VacancyRow>,
  after: Partial<VacancyRow>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of TRACKED) {
    if (!(key in after)) continue;
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}

/** A field path for the API (the request's shape), from the stored column it checks. */
const FIELD_PATH: Partial<Record<keyof VacancyRow, string>> = {
  title: "functionTitle",
  publishOrganisationFrom: "publication.organisationFrom",
  publishPortalFrom: "publication.portalFrom",
  publishAllPortalsFrom: "publication.allPortalsFrom",
  publishPublicFrom: "publication.publicFrom",
  closesOn: "publication.closesOn",
  placeId: "workAddress.placeId",
  city: "workAddress",
};

export interface FieldContext {
  organisationId: string;
  current: VacancyRow | null;
  locale: Locale;
  /** The form's people and organisations, bound to the caller's scope. */
  people: Bound<typeof vacancyPeopleRepository>;
}

/**
 * Turns the request's fields into columns, and checks what zod cannot. Looks people and
 * departments up only when the request names them.
 */
export async function resolveFields(
  input: Partial<CreateInput>,
  context: FieldContext,
): Promise<Partial<NewVacancyRow>> {
  const { locale, people, organisationId } = context;
  const problems: FieldError[] = [];
  const fail = (path: string, key: string) => problems.push({ path, message: fieldMessage(key, locale) });
  const out: Partial<NewVacancyRow> = {};

  if (input.displayTitle !== undefined) out.displayTitle = input.displayTitle;
  if (input.functionTitle !== undefined) out.title = input.functionTitle;
  if (input.description !== undefined) out.description = input.description;
  if (input.kind !== undefined) out.kind = input.kind;
  if (input.positions !== undefined) out.positions = input.positions;
  if (input.serviceModel !== undefined) out.serviceModel = input.serviceModel;
  if (input.contactVia !== undefined) out.contactVia = input.contactVia;
  for (const key of [
    "salaryScaleMin",
    "salaryScaleMax",
    "salaryMin",
    "salaryMax",
    "hoursMin",
    "hoursMax",
  ] as const) {
    if (input[key] !== undefined) out[key] = input[key];
  }
  if (input.durationKind !== undefined) out.durationKind = input.durationKind;
  if (input.durationEndsOn !== undefined) out.durationEndsOn = input.durationEndsOn;

  if (input.functionGroup !== undefined) {
    if (input.functionGroup !== null && !getOccupationGroups().some((g) => g.id === input.functionGroup)) {
      fail("functionGroup", "unknown_option");
    }
    out.functionGroup = input.functionGroup;
  }
  if (input.educationLevel !== undefined) {
    if (input.educationLevel !== null && !getEducationLevels().some((l) => l.id === input.educationLevel)) {
      fail("educationLevel", "unknown_option");
    }
    out.educationLevel = input.educationLevel;
  }
  if (input.occupationId !== undefined) {
    const occupation = input.occupationId ? getOccupation(input.occupationId) : null;
    if (input.occupationId && !occupation) fail("occupationId", "unknown_occupation");
    out.occupationId = input.occupationId;
    // The occupation's ISCO group is the function group unless one was chosen.
    if (occupation && input.functionGroup == null && !context.current?.functionGroup) {
      out.functionGroup = occupation.group;
    }
  }
  if (input.departmentId !== undefined) {
    if (input.departmentId !== null && !(await people.isDepartmentOf(organisationId, input.departmentId))) {
      fail("departmentId", "department_other_organisation");
    }
    out.departmentId = input.departmentId;
  }
  // A site must be an active one of the organisation; a vacancy keeps a site deactivated since.
  if (input.siteId !== undefined) {
    if (
      input.siteId !== null &&
      input.siteId !== context.current?.siteId &&
      !(await people.isActiveSiteOf(organisationId, input.siteId))
    ) {
      fail("siteId", "site_not_available");
    }
    out.siteId = input.siteId;
  }
  if (input.contactUserId !== undefined) {
    if (input.contactUserId !== null && !(await people.isContactOf(organisationId, input.contactUserId))) {
      fail("contactUserId", "contact_other_organisation");
    }
    out.contactUserId = input.contactUserId;
  }
  if (input.accountManagerUserId !== undefined) {
    if (
      input.accountManagerUserId !== null &&
      !(await people.isAccountManager(organisationId, input.accountManagerUserId))
    ) {
      fail("accountManagerUserId", "person_not_allowed");
    }
    out.accountManagerUserId = input.accountManagerUserId;
  }
  if ("ownerUserId" in input && typeof input.ownerUserId === "string") {
    const owners = await people.owners(organisationId);
    if (!owners.some((o) => o.id === input.ownerUserId)) fail("ownerUserId", "person_not_allowed");
    out.ownerUserId = input.ownerUserId;
  }
  if (input.workAddress !== undefined) {
    if (input.workAddress === null) {
      const org = await people.organisation(organisationId);
      Object.assign(out, {
        useHeadOffice: true,
        street: org?.street ?? null,
        houseNumber: org?.houseNumber ?? null,
        postcode: org?.postcode ?? null,
        placeId: null,
        city: org?.city ?? null,
        lat: org?.lat ?? null,
        lon: org?.lon ?? null,
      });
    } else {
      const place = getPlace(input.workAddress.placeId);
      if (!place) fail("workAddress.placeId", "unknown_place");
      Object.assign(out, {
        useHeadOffice: false,
        street: input.workAddress.street || null,
        houseNumber: input.workAddress.houseNumber || null,
        postcode: input.workAddress.postcode ? input.workAddress.postcode.toUpperCase() : null,
        placeId: input.workAddress.placeId,
        city: place?.name ?? null,
        lat: place?.lat ?? null,
        lon: place?.lon ?? null,
      });
    }
  }
  if (input.publication !== undefined) {
    out.publishOrganisationFrom = input.publication.organisationFrom;
    out.publishPortalFrom = input.publication.portalFrom;
    out.publishAllPortalsFrom = input.publication.allPortalsFrom;
    out.publishPublicFrom = input.publication.publicFrom;
    out.closesOn = input.publication.closesOn;
  }

  // Checks across fields, on the vacancy as it will be after this change.
  const merged = { ...(context.current ?? {}), ...out } as Partial<VacancyRow>;
  const pairs = [
    ["hoursMin", "hoursMax"],
    ["salaryMin", "salaryMax"],
    ["salaryScaleMin", "salaryScaleMax"],
  ] as const;
  for (const [min, max] of pairs) {
    const a = merged[min];
    const b = merged[max];
    if (a != null && b != null && a > b) fail(max, "range_min_above_max");
  }
  if (merged.durationKind === "temporary" && !merged.durationEndsOn)
    fail("durationEndsOn", "end_date_required");
  const closes = merged.closesOn;
  if (closes) {
    const froms = [
      merged.publishOrganisationFrom,
      merged.publishPortalFrom,
      merged.publishAllPortalsFrom,
      merged.publishPublicFrom,
    ];
    if (froms.some((from) => from && from > closes))
      fail("publication.closesOn", "closes_before_publication");
  }
  for (const key of [
    "durationEndsOn",
    "closesOn",
    "publishOrganisationFrom",
    "publishPortalFrom",
    "publishAllPortalsFrom",
    "publishPublicFrom",
  ] as const) {
    const value = merged[key];
    if (value && Number.isNaN(Date.parse(value))) fail(FIELD_PATH[key] ?? key, "date_invalid");
  }
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
  return out;
}

/** What publishing needs (Vlimpers: "als de verplichte velden volledig zijn ingevuld"). */
export function missingForPublication(row: VacancyRow, locale: Locale): FieldError[] {
  const missing: FieldError[] = [];
  const need = (ok: boolean, path: string, key = "required_for_publication") => {
    if (!ok) missing.push({ path, message: fieldMessage(key, locale) });
  };
  need(row.displayTitle.trim().length > 0, "displayTitle");
  need(row.title.trim().length > 0, "functionTitle");
  need(row.description.trim().length > 0, "description");
  need(row.occupationId !== null, "occupationId");
  need(row.educationLevel !== null, "educationLevel");
  need(row.hoursMin !== null || row.hoursMax !== null, "hoursMax");
  need(row.city !== null && row.lat !== null, "workAddress");
  need(row.contactUserId !== null, "contactUserId");
  need(row.closesOn !== null, "publication.closesOn");
  need(
    [
      row.publishOrganisationFrom,
      row.publishPortalFrom,
      row.publishAllPortalsFrom,
      row.publishPublicFrom,
    ].some((d) => d !== null),
    "publication",
    "audience_required",
  );
  return missing;
}
