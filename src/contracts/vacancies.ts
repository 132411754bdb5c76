import { z } from "zod";
import { SiteRefSchema } from "./sites";

/**
 * Vacancies ("kansen"). Life cycle (Kansenportaal, HalloWerk, Vlimpers):
 * requested -> (rejected | draft) ; draft -> published -> withdrawn | closed -> archived,
 * and back from the archive to draft ("Activeer vacature").
 */
export const VACANCY_STATUSES = [
  "requested",
  "rejected",
  "draft",
  "published",
  "withdrawn",
  "closed",
  "archived",
] as const;
export const VacancyStatusSchema = z.enum(VACANCY_STATUSES);
export type VacancyStatus = z.infer<typeof VacancyStatusSchema>;

/** "Soort kans" in the Kansenportaal. */
export const VACANCY_KINDS = [
  "vacancy",
  "internship",
  "work_experience",
  "apprenticeship",
  "traineeship",
  "project",
  "job_rotation",
  "shadowing",
  "volunteer",
] as const;
export const VacancyKindSchema = z.enum(VACANCY_KINDS);
export type VacancyKind = z.infer<typeof VacancyKindSchema>;

/** "Dienstverleningsmodel" in HalloWerk: who does the recruitment. */
export const SERVICE_MODELS = ["self_service", "together", "account_manager"] as const;
export const ServiceModelSchema = z.enum(SERVICE_MODELS);
export type ServiceModel = z.infer<typeof ServiceModelSchema>;

/** Whom the candidate deals with: the account manager or the employer. */
export const CONTACT_VIA = ["account_manager", "employer"] as const;
export const ContactViaSchema = z.enum(CONTACT_VIA);
export type ContactVia = z.infer<typeof ContactViaSchema>;

export const CREATED_BY_KINDS = ["account_manager", "employer"] as const;
export const CreatedByKindSchema = z.enum(CREATED_BY_KINDS);
export type CreatedByKind = z.infer<typeof CreatedByKindSchema>;

export const DURATION_KINDS = ["permanent", "temporary"] as const;
export const DurationKindSchema = z.enum(DURATION_KINDS);

/**
 * Who can see a published vacancy, narrowest first. Each audience has its own start date;
 * a wider audience also sees nothing before its own date (Kansenportaal "Publicatiedata").
 */
export const AUDIENCES = ["organisation", "portal", "all_portals", "public"] as const;
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof AudienceSchema>;

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date_invalid" });

export const PublicationSchema = z.object({
  organisationFrom: IsoDateSchema.nullable().default(null),
  portalFrom: IsoDateSchema.nullable().default(null),
  allPortalsFrom: IsoDateSchema.nullable().default(null),
  publicFrom: IsoDateSchema.nullable().default(null),
  /** Last day the vacancy is visible ("sluitingsdatum"). */
  closesOn: IsoDateSchema.nullable().default(null),
});
export type Publication = z.infer<typeof PublicationSchema>;

/** A work address other than the head office; the place is geocoded from data/places. */
export const WorkAddressInputSchema = z.object({
  street: z.string().trim().max(200).default(""),
  houseNumber: z.string().trim().max(20).default(""),
  postcode: z.string().trim().max(10).default(""),
  placeId: z.string().min(1).max(80),
});

const nullableInt = (min: number, max: number) => z.number().int().min(min).max(max).nullable().default(null);

/** The editable fields of a vacancy; on update every field is optional. */
export const VacancyFieldsSchema = z.object({
  departmentId: z.string().uuid().nullable().default(null),
  /** The organisation's site ("Locatie") the work is at: one of its active sites. */
  siteId: z.string().uuid().nullable().default(null),
  /** The person responses go to; a user of the same organisation. */
  contactUserId: z.string().min(1).nullable().default(null),
  accountManagerUserId: z.string().min(1).nullable().default(null),
  displayTitle: z.string().trim().min(2).max(160),
  functionTitle: z.string().trim().min(2).max(160),
  description: z.string().trim().max(20_000).default(""),
  /** Occupation group ("functiegroep"), an ISCO group id from the reference lists. */
  functionGroup: z.string().max(10).nullable().default(null),
  occupationId: z.string().max(40).nullable().default(null),
  educationLevel: z.string().max(40).nullable().default(null),
  kind: VacancyKindSchema.default("vacancy"),
  /** Salary scale numbers ("functieschaal"), e.g. 6 to 8. */
  salaryScaleMin: nullableInt(1, 30),
  salaryScaleMax: nullableInt(1, 30),
  /** Gross monthly salary in euros, when known. */
  salaryMin: nullableInt(0, 100_000),
  salaryMax: nullableInt(0, 100_000),
  durationKind: DurationKindSchema.default("permanent"),
  durationEndsOn: IsoDateSchema.nullable().default(null),
  hoursMin: nullableInt(1, 60),
  hoursMax: nullableInt(1, 60),
  positions: z.number().int().min(1).max(999).default(1),
  /** null: the organisation's head office. */
  workAddress: WorkAddressInputSchema.nullable().default(null),
  serviceModel: ServiceModelSchema.default("self_service"),
  contactVia: ContactViaSchema.default("employer"),
  publication: PublicationSchema.default({
    organisationFrom: null,
    portalFrom: null,
    allPortalsFrom: null,
    publicFrom: null,
    closesOn: null,
  }),
});

export const CreateVacancyRequestSchema = VacancyFieldsSchema.extend({
  /** The employer the vacancy belongs to. */
  organisationId: z.string().uuid(),
  /** An HR officer's request for a vacancy (Vlimpers) starts as "requested". */
  asRequest: z.boolean().default(false),
  requestComment: z.string().trim().max(2000).nullable().default(null),
});
export type CreateVacancyRequest = z.input<typeof CreateVacancyRequestSchema>;

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * Every field optional and WITHOUT its default: a PATCH that leaves a field out must leave it
 * alone (zod 4 applies defaults inside `.partial()`).
 */
function partialWithoutDefaults<S extends z.ZodRawShape>(shape: S) {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) {
    out[key] = (
      schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : (schema as z.ZodType)
    ).optional();
  }
  return z.object(out as { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> });
}

export const UpdateVacancyRequestSchema = partialWithoutDefaults(VacancyFieldsSchema.shape).extend({
  ownerUserId: z.string().min(1).optional(),
});
export type UpdateVacancyRequest = z.input<typeof UpdateVacancyRequestSchema>;

export const VACANCY_ACTIONS = [
  "publish",
  "withdraw",
  "close",
  "archive",
  "reactivate",
  "approve",
  "reject",
] as const;
export const VacancyActionSchema = z.enum(VACANCY_ACTIONS);
export type VacancyAction = z.infer<typeof VacancyActionSchema>;

export const VacancyTransitionRequestSchema = z.object({
  action: VacancyActionSchema,
  comment: z.string().trim().max(2000).nullable().default(null),
});

export const PersonRefSchema = z.object({ id: z.string(), name: z.string(), email: z.string().nullable() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

export const VacancyAttachmentSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
  createdAt: z.string(),
});
export type VacancyAttachment = z.infer<typeof VacancyAttachmentSchema>;

export const VacancyWorkAddressSchema = z.object({
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  placeId: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  isHeadOffice: z.boolean(),
});

export const VacancyPermissionsSchema = z.object({
  edit: z.boolean(),
  publish: z.boolean(),
  archive: z.boolean(),
  delete: z.boolean(),
  approve: z.boolean(),
  changeOwner: z.boolean(),
});
export type VacancyPermissions = z.infer<typeof VacancyPermissionsSchema>;

export const VacancySchema = z.object({
  id: z.string().uuid(),
  status: VacancyStatusSchema,
  organisation: z.object({ id: z.string().uuid(), name: z.string(), city: z.string().nullable() }),
  department: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  site: SiteRefSchema.nullable(),
  contact: PersonRefSchema.nullable(),
  accountManager: PersonRefSchema.nullable(),
  owner: PersonRefSchema.nullable(),
  createdBy: PersonRefSchema.nullable(),
  createdByKind: CreatedByKindSchema,
  displayTitle: z.string(),
  functionTitle: z.string(),
  description: z.string(),
  functionGroup: z.string().nullable(),
  occupation: z.object({ id: z.string(), label: z.string() }).nullable(),
  educationLevel: z.string().nullable(),
  kind: VacancyKindSchema,
  salaryScaleMin: z.number().nullable(),
  salaryScaleMax: z.number().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  durationKind: DurationKindSchema,
  durationEndsOn: z.string().nullable(),
  hoursMin: z.number().nullable(),
  hoursMax: z.number().nullable(),
  positions: z.number(),
  workAddress: VacancyWorkAddressSchema,
  /** The vacancy's own image, else the organisation's logo, else null. */
  imageUrl: z.string().nullable(),
  attachments: z.array(VacancyAttachmentSchema),
  serviceModel: ServiceModelSchema,
  contactVia: ContactViaSchema,
  publication: PublicationSchema,
  /** The audiences that can see it today (computed at read time from the dates). */
  visibleTo: z.array(AudienceSchema),
  request: z
    .object({
      requestedBy: PersonRefSchema.nullable(),
      comment: z.string().nullable(),
      decidedBy: PersonRefSchema.nullable(),
      decisionComment: z.string().nullable(),
      decidedAt: z.string().nullable(),
    })
    .nullable(),
  counts: z.object({ saved: z.number(), proposed: z.number(), applied: z.number() }),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: VacancyPermissionsSchema,
});
export type Vacancy = z.infer<typeof VacancySchema>;

export const VacancyResponseSchema = z.object({ vacancy: VacancySchema });

export const VACANCY_SORTS = [
  "title",
  "company",
  "location",
  "created",
  "closing",
  "visibility",
  "candidates",
] as const;

/**
 * The views of the staff overview, each a set of statuses (`LIST_VIEW_STATUSES`). Closing puts a
 * vacancy in the archive (Kansenportaal: "Als je de kans sluit, komt deze terecht bij Mijn
 * gearchiveerde kansen"), so "active" is what is still being worked on and "archived" holds
 * the closed and the archived ones; "requested" is the HR officer's requests; "not_archived"
 * is everything outside the archive proper (an employer's page: open and past their date).
 */
export const VACANCY_LIST_VIEWS = ["active", "archived", "requested", "not_archived"] as const;
export type VacancyListView = (typeof VACANCY_LIST_VIEWS)[number];
export const LIST_VIEW_STATUSES: Record<VacancyListView, readonly VacancyStatus[]> = {
  active: ["requested", "rejected", "draft", "published", "withdrawn"],
  archived: ["closed", "archived"],
  requested: ["requested"],
  not_archived: ["requested", "rejected", "draft", "published", "withdrawn", "closed"],
};

/** Filters of the staff overview (HalloWerk "Vacatures filteren"). */
export const VacancyListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** "mine", "none" or a user id. */
  accountManager: z.string().max(100).optional(),
  /** "Mijn vacatures" (Vlimpers): those the caller is the primary owner or a co-owner of. */
  owner: z.enum(["mine"]).optional(),
  contactVia: ContactViaSchema.optional(),
  status: z.enum(VACANCY_LIST_VIEWS).default("active"),
  /** "soon": open and closing today or within the next 7 days (the staff home's block). */
  closing: z.enum(["all", "future", "soon", "expired"]).default("all"),
  visible: z.enum(["all", "yes", "no"]).default("all"),
  proposed: z.enum(["all", "yes", "no"]).default("all"),
  /** "new": with applications nobody has moved on from the phase they arrived in. */
  applications: z.enum(["all", "new"]).default("all"),
  createdBy: CreatedByKindSchema.optional(),
  serviceModel: ServiceModelSchema.optional(),
  organisationId: z.string().uuid().optional(),
  sort: z.enum(VACANCY_SORTS).default("created"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type VacancyListQuery = z.infer<typeof VacancyListQuerySchema>;
export type VacancyListQueryInput = z.input<typeof VacancyListQuerySchema>;

export const VacancyListItemSchema = z.object({
  id: z.string().uuid(),
  status: VacancyStatusSchema,
  displayTitle: z.string(),
  functionTitle: z.string(),
  organisation: z.object({ id: z.string().uuid(), name: z.string() }),
  city: z.string().nullable(),
  createdAt: z.string(),
  closesOn: z.string().nullable(),
  visibleTo: z.array(AudienceSchema),
  createdByKind: CreatedByKindSchema,
  accountManager: PersonRefSchema.nullable(),
  savedCount: z.number(),
  proposedCount: z.number(),
  /** What the caller may do with it: the overview offers only those status changes. */
  permissions: VacancyPermissionsSchema,
});
export type VacancyListItem = z.infer<typeof VacancyListItemSchema>;

export const VacancyListResponseSchema = z.object({
  vacancies: z.array(VacancyListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** How many vacancies each view holds with the same search and filters (the view tabs). */
  viewCounts: z.object({ active: z.number().int(), archived: z.number().int(), requested: z.number().int() }),
});
export type VacancyListResponse = z.infer<typeof VacancyListResponseSchema>;

export const VacancyHistoryEntrySchema = z.object({
  id: z.string().uuid(),
  at: z.string(),
  actor: PersonRefSchema.nullable(),
  action: z.string(),
  /** Changed fields: name -> [before, after]. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  comment: z.string().nullable(),
});
export const VacancyHistoryResponseSchema = z.object({ history: z.array(VacancyHistoryEntrySchema) });
export type VacancyHistoryEntry = z.infer<typeof VacancyHistoryEntrySchema>;

/** People the form offers as contact person, account manager or owner. */
export const VacancyOptionsResponseSchema = z.object({
  organisations: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      departments: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
      /**
       * A contact person must choose the department ("Afdeling", Carerix); the choices are only
       * those their relation to the employer allows.
       */
      departmentRequired: z.boolean(),
      /** Whether the organisation as a whole may be chosen instead of one of its departments. */
      wholeOrganisation: z.boolean(),
      contacts: z.array(PersonRefSchema),
      /** The organisation's active sites; the form offers "Locatie" when there are any. */
      sites: z.array(SiteRefSchema),
      accountManager: PersonRefSchema.nullable(),
      headOffice: z.object({ street: z.string().nullable(), city: z.string().nullable() }),
    }),
  ),
  accountManagers: z.array(PersonRefSchema),
  owners: z.array(PersonRefSchema),
});
export type VacancyOptionsResponse = z.infer<typeof VacancyOptionsResponseSchema>;

/** Candidate side: vacancies this candidate can see. */
export const CandidateVacancyQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  functionGroup: z.string().max(10).optional(),
  educationLevel: z.string().max(40).optional(),
  kind: VacancyKindSchema.optional(),
  hoursMin: z.coerce.number().int().min(0).max(60).optional(),
  hoursMax: z.coerce.number().int().min(0).max(60).optional(),
  /** Distance in km from the candidate's home place (or from `placeId`). */
  distanceKm: z.coerce.number().int().min(1).max(500).optional(),
  placeId: z.string().max(80).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type CandidateVacancyQuery = z.infer<typeof CandidateVacancyQuerySchema>;
export type CandidateVacancyQueryInput = z.input<typeof CandidateVacancyQuerySchema>;

export const CandidateVacancyItemSchema = z.object({
  id: z.string().uuid(),
  displayTitle: z.string(),
  functionTitle: z.string(),
  organisationName: z.string(),
  city: z.string().nullable(),
  kind: VacancyKindSchema,
  hoursMin: z.number().nullable(),
  hoursMax: z.number().nullable(),
  educationLevel: z.string().nullable(),
  closesOn: z.string().nullable(),
  /** Distance in km from the search origin, when there is one. */
  distanceKm: z.number().nullable(),
  summary: z.string(),
  imageUrl: z.string().nullable(),
  applied: z.boolean(),
});
export type CandidateVacancyItem = z.infer<typeof CandidateVacancyItemSchema>;

export const CandidateVacancyListResponseSchema = z.object({
  vacancies: z.array(CandidateVacancyItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Where distances are measured from (the candidate's home place), if known. */
  origin: z.object({ placeId: z.string().nullable(), name: z.string() }).nullable(),
});
export type CandidateVacancyListResponse = z.infer<typeof CandidateVacancyListResponseSchema>;

export const CandidateVacancyDetailSchema = z.object({
  id: z.string().uuid(),
  displayTitle: z.string(),
  functionTitle: z.string(),
  description: z.string(),
  organisationName: z.string(),
  city: z.string().nullable(),
  kind: VacancyKindSchema,
  occupation: z.object({ id: z.string(), label: z.string() }).nullable(),
  educationLevel: z.string().nullable(),
  hoursMin: z.number().nullable(),
  hoursMax: z.number().nullable(),
  positions: z.number(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryScaleMin: z.number().nullable(),
  salaryScaleMax: z.number().nullable(),
  durationKind: DurationKindSchema,
  durationEndsOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  imageUrl: z.string().nullable(),
  attachments: z.array(VacancyAttachmentSchema),
  contactName: z.string().nullable(),
  application: z.object({ id: z.string().uuid(), createdAt: z.string() }).nullable(),
});
export const CandidateVacancyDetailResponseSchema = z.object({ vacancy: CandidateVacancyDetailSchema });
export type CandidateVacancyDetail = z.infer<typeof CandidateVacancyDetailSchema>;

export const APPLICATION_STATUSES = ["submitted", "in_review", "withdrawn", "hired", "rejected"] as const;
export const ApplicationSchema = z.object({
  id: z.string().uuid(),
  vacancyId: z.string().uuid(),
  displayTitle: z.string(),
  organisationName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  motivation: z.string(),
  cv: z.object({ fileName: z.string(), url: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Application = z.infer<typeof ApplicationSchema>;
export const ApplicationResponseSchema = z.object({ application: ApplicationSchema });
export const ApplicationListResponseSchema = z.object({ applications: z.array(ApplicationSchema) });

/** Views and applications per source (utm_source, feed site), for the click reports (Vlimpers). */
export const VacancySourcesResponseSchema = z.object({
  sources: z.array(
    z.object({
      source: z.string(),
      views: z.number().int(),
      applications: z.number().int(),
    }),
  ),
});
export type VacancySourcesResponse = z.infer<typeof VacancySourcesResponseSchema>;

/** "Toevoegen aan vacature": the vacancies a candidate is on, for the whole team. */
export const CandidateOnVacancySchema = z.object({
  vacancyId: z.string().uuid(),
  displayTitle: z.string(),
  organisationName: z.string(),
  source: z.enum(["applied", "saved", "proposed", "referred", "reserve_list"]),
  addedBy: z.string().nullable(),
  addedAt: z.string(),
  proposed: z.boolean(),
});
export type CandidateOnVacancy = z.infer<typeof CandidateOnVacancySchema>;
export const CandidateVacanciesResponseSchema = z.object({ vacancies: z.array(CandidateOnVacancySchema) });
export const SaveCandidateRequestSchema = z.object({ vacancyId: z.string().uuid() });
