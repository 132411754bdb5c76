import type {
  ContactVia,
  CreateVacancyRequest,
  ServiceModel,
  UpdateVacancyRequest,
  Vacancy,
  VacancyKind,
} from "../../../contracts/vacancies";

export interface Choice {
  value: string;
  label: string;
}

/**
 * What the form holds while someone types: numbers and dates as the text in their inputs, so
 * nothing typed is lost or reformatted when the server sends the form back with errors.
 */
export interface VacancyDraft {
  organisationId: string;
  departmentId: string;
  /** The organisation's site ("Locatie"); "" for none. */
  siteId: string;
  contactUserId: string;
  accountManagerUserId: string;
  contactVia: ContactVia;
  displayTitle: string;
  functionTitle: string;
  description: string;
  functionGroup: string;
  occupation: Choice | null;
  educationLevel: string;
  kind: VacancyKind;
  salaryScaleMin: string;
  salaryScaleMax: string;
  salaryMin: string;
  salaryMax: string;
  durationKind: "permanent" | "temporary";
  durationEndsOn: string;
  hoursMin: string;
  hoursMax: string;
  positions: string;
  /** "Ander adres": a work address other than the head office. */
  otherAddress: boolean;
  street: string;
  houseNumber: string;
  postcode: string;
  place: Choice | null;
  serviceModel: ServiceModel;
  organisationFrom: string;
  portalFrom: string;
  allPortalsFrom: string;
  publicFrom: string;
  closesOn: string;
  ownerUserId: string;
  requestComment: string;
}

export function emptyDraft(defaults: Partial<VacancyDraft> = {}): VacancyDraft {
  return {
    organisationId: "",
    departmentId: "",
    siteId: "",
    contactUserId: "",
    accountManagerUserId: "",
    contactVia: "employer",
    displayTitle: "",
    functionTitle: "",
    description: "",
    functionGroup: "",
    occupation: null,
    educationLevel: "",
    kind: "vacancy",
    salaryScaleMin: "",
    salaryScaleMax: "",
    salaryMin: "",
    salaryMax: "",
    durationKind: "permanent",
    durationEndsOn: "",
    hoursMin: "",
    hoursMax: "",
    positions: "1",
    otherAddress: false,
    street: "",
    houseNumber: "",
    postcode: "",
    place: null,
    serviceModel: "self_service",
    organisationFrom: "",
    portalFrom: "",
    allPortalsFrom: "",
    publicFrom: "",
    closesOn: "",
    ownerUserId: "",
    requestComment: "",
    ...defaults,
  };
}

const text = (value: number | string | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

export function draftFromVacancy(vacancy: Vacancy): VacancyDraft {
  const address = vacancy.workAddress;
  return emptyDraft({
    organisationId: vacancy.organisation.id,
    departmentId: vacancy.department?.id ?? "",
    siteId: vacancy.site?.id ?? "",
    contactUserId: vacancy.contact?.id ?? "",
    accountManagerUserId: vacancy.accountManager?.id ?? "",
    contactVia: vacancy.contactVia,
    displayTitle: vacancy.displayTitle,
    functionTitle: vacancy.functionTitle,
    description: vacancy.description,
    functionGroup: vacancy.functionGroup ?? "",
    occupation: vacancy.occupation ? { value: vacancy.occupation.id, label: vacancy.occupation.label } : null,
    educationLevel: vacancy.educationLevel ?? "",
    kind: vacancy.kind,
    salaryScaleMin: text(vacancy.salaryScaleMin),
    salaryScaleMax: text(vacancy.salaryScaleMax),
    salaryMin: text(vacancy.salaryMin),
    salaryMax: text(vacancy.salaryMax),
    durationKind: vacancy.durationKind,
    durationEndsOn: vacancy.durationEndsOn ?? "",
    hoursMin: text(vacancy.hoursMin),
    hoursMax: text(vacancy.hoursMax),
    positions: String(vacancy.positions),
    otherAddress: !address.isHeadOffice,
    street: address.isHeadOffice ? "" : (address.street ?? ""),
    houseNumber: address.isHeadOffice ? "" : (address.houseNumber ?? ""),
    postcode: address.isHeadOffice ? "" : (address.postcode ?? ""),
    place:
      !address.isHeadOffice && address.placeId
        ? { value: address.placeId, label: address.city ?? address.placeId }
        : null,
    serviceModel: vacancy.serviceModel,
    organisationFrom: vacancy.publication.organisationFrom ?? "",
    portalFrom: vacancy.publication.portalFrom ?? "",
    allPortalsFrom: vacancy.publication.allPortalsFrom ?? "",
    publicFrom: vacancy.publication.publicFrom ?? "",
    closesOn: vacancy.publication.closesOn ?? "",
    ownerUserId: vacancy.owner?.id ?? "",
  });
}

/** A whole number as typed, or null when empty; anything else goes as is for the server to refuse. */
function whole(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : Number.NaN;
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** The contract's editable fields, from the draft. */
export function draftToFields(draft: VacancyDraft) {
  return {
    departmentId: orNull(draft.departmentId),
    siteId: orNull(draft.siteId),
    contactUserId: orNull(draft.contactUserId),
    accountManagerUserId: orNull(draft.accountManagerUserId),
    displayTitle: draft.displayTitle.trim(),
    functionTitle: draft.functionTitle.trim(),
    description: draft.description.trim(),
    functionGroup: orNull(draft.functionGroup),
    occupationId: draft.occupation?.value ?? null,
    educationLevel: orNull(draft.educationLevel),
    kind: draft.kind,
    salaryScaleMin: whole(draft.salaryScaleMin),
    salaryScaleMax: whole(draft.salaryScaleMax),
    salaryMin: whole(draft.salaryMin),
    salaryMax: whole(draft.salaryMax),
    durationKind: draft.durationKind,
    durationEndsOn: draft.durationKind === "temporary" ? orNull(draft.durationEndsOn) : null,
    hoursMin: whole(draft.hoursMin),
    hoursMax: whole(draft.hoursMax),
    positions: whole(draft.positions) ?? 1,
    workAddress: draft.otherAddress
      ? {
          street: draft.street.trim(),
          houseNumber: draft.houseNumber.trim(),
          postcode: draft.postcode.trim(),
          placeId: draft.place?.value ?? "",
        }
      : null,
    serviceModel: draft.serviceModel,
    contactVia: draft.contactVia,
    publication: {
      organisationFrom: orNull(draft.organisationFrom),
      portalFrom: orNull(draft.portalFrom),
      allPortalsFrom: orNull(draft.allPortalsFrom),
      publicFrom: orNull(draft.publicFrom),
      closesOn: orNull(draft.closesOn),
    },
  } satisfies Omit<UpdateVacancyRequest, "ownerUserId">;
}

export function toCreateRequest(draft: VacancyDraft, asRequest: boolean): CreateVacancyRequest {
  return {
    ...draftToFields(draft),
    organisationId: draft.organisationId,
    asRequest,
    requestComment: asRequest ? orNull(draft.requestComment) : null,
  };
}

/**
 * Only what the user changed, compared with the vacancy as the form opened it: a PATCH leaves
 * every field it does not name alone (and the history lists only real changes).
 */
export function toUpdateRequest(
  draft: VacancyDraft,
  original: VacancyDraft,
  changeOwner: boolean,
): UpdateVacancyRequest {
  const now = draftToFields(draft);
  const before = draftToFields(original);
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) changed[key] = now[key];
  }
  if (changeOwner && draft.ownerUserId && draft.ownerUserId !== original.ownerUserId) {
    changed.ownerUserId = draft.ownerUserId;
  }
  return changed as UpdateVacancyRequest;
}

const ADDRESS_KEYS = ["otherAddress", "street", "houseNumber", "postcode", "place"] as const;

/**
 * Checks the browser can make before asking the server; keys are the API's field paths. On an
 * edit (`original`), an address the user did not touch is not checked again.
 */
export function draftProblems(draft: VacancyDraft, original?: VacancyDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.organisationId) problems.organisationId = "vacancies.form.errors.organisation";
  if (draft.displayTitle.trim().length < 2) problems.displayTitle = "vacancies.form.errors.title";
  if (draft.functionTitle.trim().length < 2) problems.functionTitle = "vacancies.form.errors.title";
  const pairs = [
    ["salaryScaleMin", "salaryScaleMax"],
    ["salaryMin", "salaryMax"],
    ["hoursMin", "hoursMax"],
  ] as const;
  for (const [min, max] of pairs) {
    const low = whole(draft[min]);
    const high = whole(draft[max]);
    if (low !== null && high !== null && low > high) problems[max] = "vacancies.form.errors.minAboveMax";
  }
  const addressTouched =
    !original || ADDRESS_KEYS.some((key) => JSON.stringify(draft[key]) !== JSON.stringify(original[key]));
  if (addressTouched && draft.otherAddress && !draft.place) {
    problems["workAddress.placeId"] = "vacancies.form.errors.place";
  }
  const closes = draft.closesOn.trim();
  for (const key of ["organisationFrom", "portalFrom", "allPortalsFrom", "publicFrom"] as const) {
    const from = draft[key].trim();
    if (from && closes && from > closes)
      problems[`publication.${key}`] = "vacancies.form.errors.afterClosing";
  }
  return problems;
}

/** Labels (i18n keys) of the API's field paths, for error lists such as "what is missing to publish". */
export const FIELD_LABEL_KEYS: Record<string, string> = {
  organisationId: "vacancies.fields.organisation",
  departmentId: "vacancies.fields.department",
  siteId: "sites.vacancyField",
  contactUserId: "vacancies.fields.contact",
  accountManagerUserId: "vacancies.fields.accountManager",
  ownerUserId: "vacancies.fields.owner",
  contactVia: "vacancies.fields.contactVia",
  displayTitle: "vacancies.fields.displayTitle",
  functionTitle: "vacancies.fields.functionTitle",
  description: "vacancies.fields.description",
  functionGroup: "vacancies.fields.functionGroup",
  occupationId: "vacancies.fields.occupation",
  educationLevel: "vacancies.fields.educationLevel",
  kind: "vacancies.fields.kind",
  salaryScaleMin: "vacancies.fields.salaryScaleMin",
  salaryScaleMax: "vacancies.fields.salaryScaleMax",
  salaryMin: "vacancies.fields.salaryMin",
  salaryMax: "vacancies.fields.salaryMax",
  durationKind: "vacancies.fields.duration",
  durationEndsOn: "vacancies.fields.durationEndsOn",
  hoursMin: "vacancies.fields.hoursMin",
  hoursMax: "vacancies.fields.hoursMax",
  positions: "vacancies.fields.positions",
  workAddress: "vacancies.fields.workAddress",
  "workAddress.street": "vacancies.fields.street",
  "workAddress.houseNumber": "vacancies.fields.houseNumber",
  "workAddress.postcode": "vacancies.fields.postcode",
  "workAddress.placeId": "vacancies.fields.place",
  serviceModel: "vacancies.fields.serviceModel",
  publication: "vacancies.fields.publication",
  "publication.organisationFrom": "vacancies.audienceFrom.organisation",
  "publication.portalFrom": "vacancies.audienceFrom.portal",
  "publication.allPortalsFrom": "vacancies.audienceFrom.all_portals",
  "publication.publicFrom": "vacancies.audienceFrom.public",
  "publication.closesOn": "vacancies.fields.closesOn",
  requestComment: "vacancies.fields.requestComment",
};
