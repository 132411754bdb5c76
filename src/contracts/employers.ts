import { z } from "zod";
import { KvkNumberSchema } from "./tenancy";

/** Languages a contact person can be written to in (Carerix: language per contact). */
export const CONTACT_LANGUAGES = ["nl", "en", "de", "fr"] as const;
export const ContactLanguageSchema = z.enum(CONTACT_LANGUAGES);
export type ContactLanguage = z.infer<typeof ContactLanguageSchema>;

/**
 * A contact person's access to the portal: none yet, invited (invitation pending), active
 * (an account with the employer_contact role), or the last invitation expired / was revoked.
 */
export const ACCESS_STATUSES = ["none", "invited", "active", "expired", "revoked"] as const;
export const AccessStatusSchema = z.enum(ACCESS_STATUSES);
export type AccessStatus = z.infer<typeof AccessStatusSchema>;

const PersonRefSchema = z.object({ id: z.string(), name: z.string(), email: z.string().nullable() });

export const ContactPersonSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string(),
  mayManageVacancies: z.boolean(),
  language: ContactLanguageSchema,
  access: z.object({
    status: AccessStatusSchema,
    /** The pending or last invitation, when there is one. */
    invitationId: z.string().uuid().nullable(),
    invitedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    userId: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
  }),
  /** Activity in the portal: vacancies created or changed by this person. */
  activity: z.object({ vacancies: z.number().int(), lastActiveAt: z.string().nullable() }),
  createdAt: z.string(),
});
export type ContactPerson = z.infer<typeof ContactPersonSchema>;

export const EmployerAddressSchema = z.object({
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
});

export const EmployerSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kvkNumber: z.string().nullable(),
  address: EmployerAddressSchema,
  description: z.string(),
  website: z.string().nullable(),
  accountManager: PersonRefSchema.nullable(),
  managedBy: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  contacts: z.array(ContactPersonSchema),
  vacancies: z.object({ active: z.number().int(), expired: z.number().int() }),
  permissions: z.object({ edit: z.boolean(), archive: z.boolean(), delete: z.boolean() }),
  createdAt: z.string(),
});
export type Employer = z.infer<typeof EmployerSchema>;
export const EmployerResponseSchema = z.object({ employer: EmployerSchema });

export const EMPLOYER_SORTS = ["name", "location", "contacts", "accountManager"] as const;
export const EmployerListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** "mine", "all", "none" or a user id (HalloWerk: Mijn / Specifiek / Van alle / Zonder). */
  accountManager: z.string().max(100).default("all"),
  archive: z.enum(["active", "archived"]).default("active"),
  sort: z.enum(EMPLOYER_SORTS).default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type EmployerListQuery = z.infer<typeof EmployerListQuerySchema>;
export type EmployerListQueryInput = z.input<typeof EmployerListQuerySchema>;

export const EmployerListItemSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  city: z.string().nullable(),
  kvkNumber: z.string().nullable(),
  /** Contact persons' names, first one first (the overview shows "Paul +2"). */
  contacts: z.array(z.string()),
  accountManager: PersonRefSchema.nullable(),
  archived: z.boolean(),
});
export type EmployerListItem = z.infer<typeof EmployerListItemSchema>;

export const EmployerListResponseSchema = z.object({
  employers: z.array(EmployerListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EmployerListResponse = z.infer<typeof EmployerListResponseSchema>;

export const RegistrySearchQuerySchema = z.object({
  /** Name (and optionally place), or a KvK number. */
  q: z.string().trim().min(2).max(200),
  city: z.string().trim().max(100).optional(),
});

export const RegistryResultSchema = z.object({
  kvkNumber: z.string(),
  name: z.string(),
  tradeNames: z.array(z.string()),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  kind: z.string(),
  /** Set when an organisation with this KvK number is already registered here. */
  registered: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
});
export type RegistryResult = z.infer<typeof RegistryResultSchema>;
export const RegistrySearchResponseSchema = z.object({
  source: z.enum(["kvk", "offline"]),
  results: z.array(RegistryResultSchema),
});
export type RegistrySearchResponse = z.infer<typeof RegistrySearchResponseSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const CreateEmployerRequestSchema = z.object({
  name: z.string().trim().min(2).max(200),
  kvkNumber: KvkNumberSchema.nullable().default(null),
  street: optionalText(200),
  houseNumber: optionalText(20),
  postcode: optionalText(10),
  /** The place (data/places) the address is in; geocodes the employer for distance search. */
  placeId: z.string().max(80).nullable().default(null),
  city: optionalText(120),
  description: z.string().trim().max(5000).default(""),
  website: z.string().trim().url().max(300).nullable().default(null),
  accountManagerUserId: z.string().min(1).nullable().default(null),
});
export type CreateEmployerRequest = z.input<typeof CreateEmployerRequestSchema>;

export const UpdateEmployerRequestSchema = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  kvkNumber: KvkNumberSchema.nullable().optional(),
  street: z.string().trim().max(200).nullable().optional(),
  houseNumber: z.string().trim().max(20).nullable().optional(),
  postcode: z.string().trim().max(10).nullable().optional(),
  placeId: z.string().max(80).nullable().optional(),
  city: z.string().trim().max(120).nullable().optional(),
  description: z.string().trim().max(5000).optional(),
  website: z.string().trim().url().max(300).nullable().optional(),
});
export type UpdateEmployerRequest = z.input<typeof UpdateEmployerRequestSchema>;

export const AssignAccountManagerRequestSchema = z.object({ userId: z.string().min(1).nullable() });

export const AccountManagerOptionsResponseSchema = z.object({ accountManagers: z.array(PersonRefSchema) });

export const ContactPersonInputSchema = z.object({
  name: z.string().trim().min(2).max(200),
  email: z.string().trim().toLowerCase().email().max(254).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, { message: "phone_invalid" })
    .nullable()
    .default(null),
  notes: z.string().trim().max(5000).default(""),
  mayManageVacancies: z.boolean().default(false),
  language: ContactLanguageSchema.default("nl"),
});
export type ContactPersonInput = z.input<typeof ContactPersonInputSchema>;
export const UpdateContactPersonRequestSchema = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  email: z.string().trim().toLowerCase().email().max(254).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, { message: "phone_invalid" })
    .nullable()
    .optional(),
  notes: z.string().trim().max(5000).optional(),
  mayManageVacancies: z.boolean().optional(),
  language: ContactLanguageSchema.optional(),
});
export const ContactPersonResponseSchema = z.object({ contact: ContactPersonSchema });

export const InviteContactRequestSchema = z.object({
  personalMessage: z.string().trim().max(2000).nullable().default(null),
});

/** The account manager's home: my employers, my vacancies, and what changed since my last visit. */
export const AccountManagerHomeResponseSchema = z.object({
  employers: z.array(EmployerListItemSchema),
  vacancies: z.array(
    z.object({
      id: z.string().uuid(),
      displayTitle: z.string(),
      organisationName: z.string(),
      status: z.string(),
      closesOn: z.string().nullable(),
    }),
  ),
  /** What changed since the last visit: one row per vacancy, the latest change first. */
  changes: z.array(
    z.object({
      vacancyId: z.string().uuid(),
      /** The vacancy's display title. */
      title: z.string(),
      link: z.string(),
      /** The latest change. */
      at: z.string(),
      /**
       * What happened, each once, the latest first: vacancy history actions ("updated",
       * "published_to", …) and "applied" for new applications.
       */
      actions: z.array(z.string()),
      /** How many applications came in. */
      applications: z.number().int().min(0),
      /** Who made the changes (others than the caller), each once. */
      actors: z.array(z.string()),
      /** Closed or archived, or past its closing date: marked "Gesloten". */
      closed: z.boolean(),
    }),
  ),
  lastVisitAt: z.string().nullable(),
});
export type AccountManagerHomeResponse = z.infer<typeof AccountManagerHomeResponseSchema>;
