import { z } from "zod";
import { LocalizedTextSchema } from "./common";
import { IsoDateSchema } from "./vacancies";

/**
 * The candidate profile (HalloWerk "Kandidaat profiel": Algemeen, Media, Ervaring; Kansenportaal:
 * opt in per portal). The candidate reads and edits it in parts; staff see it without contact
 * details, which they ask for separately (and which is logged).
 */

/** Contact by employers: "direct" with the candidate, or through their account manager. */
export const CONTACT_PREFERENCES = ["direct", "account_manager"] as const;
export const ContactPreferenceSchema = z.enum(CONTACT_PREFERENCES);
export type ContactPreference = z.infer<typeof ContactPreferenceSchema>;

/**
 * Document types ("document type bijlage", Carerix): every candidate document has one. Which of
 * them contact persons see (and may upload) is a setting of the team (contracts/documents.ts).
 */
export const DOCUMENT_KINDS = [
  "cv",
  "certificate",
  "diploma",
  "reference",
  "contract",
  "identity",
  "other",
] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const LANGUAGE_LEVELS = ["basic", "good", "fluent", "native"] as const;
export const LanguageLevelSchema = z.enum(LANGUAGE_LEVELS);

/** The parts of the profile, as the edit screens and the completeness meter name them. */
export const PROFILE_PARTS = [
  "general",
  "preferences",
  "availability",
  "contact",
  "experience",
  "education",
  "courses",
  "media",
  "hobbies",
  "documents",
] as const;
export const ProfilePartSchema = z.enum(PROFILE_PARTS);
export type ProfilePart = z.infer<typeof ProfilePartSchema>;

const id = z.string().min(1).max(80);
const ids = (max: number) => z.array(id).max(max);
const HttpUrlSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, { message: "url_invalid" });
const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, { message: "phone_invalid" });
const PostcodeSchema = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$|^[1-9][0-9]{3}$/, { message: "postcode_invalid" });

export const LanguageSkillSchema = z.object({ code: id, level: LanguageLevelSchema });
export type LanguageSkill = z.infer<typeof LanguageSkillSchema>;

/** One job ("Werkervaring"); `to` null while it lasts. */
export const ExperienceEntrySchema = z.object({
  title: z.string().trim().min(1).max(160),
  occupationId: id.nullable().default(null),
  employer: z.string().trim().max(160).default(""),
  place: z.string().trim().max(120).default(""),
  from: IsoDateSchema,
  to: IsoDateSchema.nullable().default(null),
  description: z.string().trim().max(4000).default(""),
});
export type ExperienceEntry = z.output<typeof ExperienceEntrySchema>;

/** One education ("Opleidingen"), with whether the diploma was obtained. */
export const EducationEntrySchema = z.object({
  title: z.string().trim().min(1).max(160),
  institution: z.string().trim().max(160).default(""),
  place: z.string().trim().max(120).default(""),
  levelId: id.nullable().default(null),
  from: IsoDateSchema,
  to: IsoDateSchema.nullable().default(null),
  diplomaObtained: z.boolean().default(false),
  description: z.string().trim().max(4000).default(""),
});
export type EducationEntry = z.output<typeof EducationEntrySchema>;

/** One course or training ("Cursussen & trainingen"), with whether a certificate was obtained. */
export const CourseEntrySchema = z.object({
  title: z.string().trim().min(1).max(160),
  provider: z.string().trim().max(160).default(""),
  year: z.number().int().min(1940).max(2100).nullable().default(null),
  certificate: z.boolean().default(false),
});
export type CourseEntry = z.output<typeof CourseEntrySchema>;

export const VideoLinkSchema = z.object({
  url: HttpUrlSchema,
  title: z.string().trim().max(160).default(""),
});
export const WebLinkSchema = z.object({
  url: HttpUrlSchema,
  label: z.string().trim().max(160).default(""),
});

// ---------------------------------------------------------------------------------------------
// Writing: every part optional, and inside a part every field optional; a list is replaced whole.

export const GeneralPartSchema = z
  .object({
    firstName: z.string().trim().min(1).max(80),
    lastName: z.string().trim().min(1).max(120),
    /** The one-liner ("oneliner waarin de kandidaat zich kort omschrijft"). */
    headline: z.string().trim().max(160),
    /** About me ("Over de kandidaat"). */
    summary: z.string().trim().max(5000),
    placeId: id.nullable(),
    postcode: PostcodeSchema.nullable(),
    birthDate: IsoDateSchema.nullable(),
    /** Work and thinking level ("werk- en denkniveau"). */
    workLevel: id.nullable(),
    /** Highest education level. */
    educationLevel: id.nullable(),
    targetGroups: ids(10),
    languages: z.array(LanguageSkillSchema).max(30),
    drivingLicences: ids(20),
    certificates: ids(50),
    /** Physical capacity ("belastbaarheid"): what the candidate is limited in. */
    physicalLimitations: ids(50),
  })
  .partial()
  .strict();

export const PreferencesPartSchema = z
  .object({
    desiredOccupationIds: ids(20),
    workTypes: ids(5),
    /** Favourite fields ("vakgebieden"): occupation group ids. */
    sectors: ids(50),
    transportModes: ids(10),
    maxTravelKm: z.number().int().min(0).max(500).nullable(),
  })
  .partial()
  .strict();

export const AvailabilityPartSchema = z
  .object({
    hoursMin: z.number().int().min(0).max(80).nullable(),
    hoursMax: z.number().int().min(0).max(80).nullable(),
    /** "<day>-<daypart>" ids from the dayparts reference list, e.g. "maandag-ochtend". */
    grid: ids(28),
    availableFrom: IsoDateSchema.nullable(),
  })
  .partial()
  .strict();

export const ContactPartSchema = z
  .object({
    email: z.email({ message: "email_invalid" }).max(200).nullable(),
    phone: PhoneSchema.nullable(),
    contactPreference: ContactPreferenceSchema,
  })
  .partial()
  .strict();

export const MediaLinksPartSchema = z
  .object({
    videos: z.array(VideoLinkSchema).max(10),
    links: z.array(WebLinkSchema).max(20),
  })
  .partial()
  .strict();

export const UpdateCandidateProfileRequestSchema = z
  .object({
    general: GeneralPartSchema,
    preferences: PreferencesPartSchema,
    availability: AvailabilityPartSchema,
    contact: ContactPartSchema,
    experience: z.array(ExperienceEntrySchema).max(30),
    education: z.array(EducationEntrySchema).max(30),
    courses: z.array(CourseEntrySchema).max(50),
    media: MediaLinksPartSchema,
    hobbies: z.string().trim().max(2000),
  })
  .partial()
  .strict();
export type UpdateCandidateProfileRequest = z.input<typeof UpdateCandidateProfileRequestSchema>;

export const SetPortalVisibilityRequestSchema = z.object({
  /** The portal's id or its slug ("haaglanden"). */
  portal: z.string().trim().min(1).max(64),
  visible: z.boolean(),
});
export type SetPortalVisibilityRequest = z.infer<typeof SetPortalVisibilityRequestSchema>;

export const UploadDocumentQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  kind: DocumentKindSchema.default("cv"),
});

// ---------------------------------------------------------------------------------------------
// Reading

const PortalRefSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: LocalizedTextSchema,
  isNational: z.boolean(),
});

const PlaceRefSchema = z.object({ id: z.string().nullable(), name: z.string() });

export const CandidateDocumentSchema = z.object({
  id: z.string().uuid(),
  kind: DocumentKindSchema,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Download URL (always as an attachment). */
  url: z.string(),
  createdAt: z.string(),
});
export type CandidateDocument = z.infer<typeof CandidateDocumentSchema>;

export const MediaPhotoSchema = z.object({ id: z.string().uuid(), url: z.string(), createdAt: z.string() });
export type MediaPhoto = z.infer<typeof MediaPhotoSchema>;

export const VideoSchema = z.object({
  url: z.string(),
  title: z.string(),
  /**
   * The player URL (YouTube, Vimeo) when the viewer consented to third-party cookies; null
   * otherwise, and the UI shows a plain link.
   */
  embedUrl: z.string().nullable(),
});

export const MediaSchema = z.object({
  photos: z.array(MediaPhotoSchema),
  videos: z.array(VideoSchema),
  links: z.array(z.object({ url: z.string(), label: z.string() })),
});

const PersonContactSchema = z.object({
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  organisation: z.string().nullable(),
});

/** The whole profile as its owner sees and edits it. */
export const CandidateProfileSchema = z.object({
  id: z.string().uuid(),
  portal: PortalRefSchema,
  general: z.object({
    firstName: z.string(),
    lastName: z.string(),
    photoUrl: z.string().nullable(),
    headline: z.string(),
    summary: z.string(),
    place: PlaceRefSchema.nullable(),
    postcode: z.string().nullable(),
    birthDate: z.string().nullable(),
    workLevel: z.string().nullable(),
    educationLevel: z.string().nullable(),
    targetGroups: z.array(z.string()),
    languages: z.array(LanguageSkillSchema),
    drivingLicences: z.array(z.string()),
    certificates: z.array(z.string()),
    physicalLimitations: z.array(z.string()),
  }),
  preferences: z.object({
    desiredOccupationIds: z.array(z.string()),
    workTypes: z.array(z.string()),
    sectors: z.array(z.string()),
    transportModes: z.array(z.string()),
    maxTravelKm: z.number().nullable(),
  }),
  availability: z.object({
    hoursMin: z.number().nullable(),
    hoursMax: z.number().nullable(),
    grid: z.array(z.string()),
    availableFrom: z.string().nullable(),
  }),
  contact: z.object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    contactPreference: ContactPreferenceSchema,
    /** Assigned by staff; employers reach a candidate who chose "account_manager" through them. */
    accountManager: PersonContactSchema.nullable(),
  }),
  experience: z.array(ExperienceEntrySchema),
  education: z.array(EducationEntrySchema),
  courses: z.array(CourseEntrySchema),
  media: MediaSchema,
  hobbies: z.string(),
  documents: z.array(CandidateDocumentSchema),
  profileUpdatedAt: z.string(),
});
export type CandidateProfile = z.infer<typeof CandidateProfileSchema>;

/** What the candidate still has to fill in; `percent` of the checks are met. */
export const CompletenessSchema = z.object({
  percent: z.number().int().min(0).max(100),
  missing: z.array(z.object({ part: ProfilePartSchema, key: z.string() })),
});
export type Completeness = z.infer<typeof CompletenessSchema>;

export const PortalVisibilitySchema = z.object({
  portal: PortalRefSchema,
  /** The portal the candidate registered on. */
  home: z.boolean(),
  visible: z.boolean(),
  changedAt: z.string().nullable(),
});
export type PortalVisibility = z.infer<typeof PortalVisibilitySchema>;

export const CandidateMeResponseSchema = z.object({
  profile: CandidateProfileSchema,
  completeness: CompletenessSchema,
  visibility: z.array(PortalVisibilitySchema),
});
export type CandidateMeResponse = z.infer<typeof CandidateMeResponseSchema>;

export const VisibilityResponseSchema = z.object({ visibility: z.array(PortalVisibilitySchema) });

const OptionRefSchema = z.object({ id: z.string(), label: LocalizedTextSchema });
export type OptionRef = z.infer<typeof OptionRefSchema>;

/**
 * The profile as staff see it (the explorer's profile page): no e-mail, phone, postcode or birth
 * date. Contact details come from the contact-details endpoint, which is logged.
 */
export const CandidateStaffViewSchema = z.object({
  id: z.string().uuid(),
  summary: z.object({
    firstName: z.string(),
    lastName: z.string(),
    photoUrl: z.string().nullable(),
    headline: z.string(),
    tags: z.object({ workTypes: z.array(OptionRefSchema), targetGroups: z.array(OptionRefSchema) }),
    place: PlaceRefSchema.nullable(),
    workLevel: OptionRefSchema.nullable(),
    educationLevel: OptionRefSchema.nullable(),
    availability: z.object({
      hoursMin: z.number().nullable(),
      hoursMax: z.number().nullable(),
      days: z.array(OptionRefSchema),
      dayparts: z.array(OptionRefSchema),
      grid: z.array(z.string()),
      availableFrom: z.string().nullable(),
    }),
    about: z.string(),
    contactPreference: ContactPreferenceSchema,
  }),
  lists: z.object({
    desiredOccupations: z.array(OptionRefSchema),
    sectors: z.array(OptionRefSchema),
    languages: z.array(OptionRefSchema.extend({ level: LanguageLevelSchema })),
    drivingLicences: z.array(OptionRefSchema),
    transportModes: z.array(OptionRefSchema),
    certificates: z.array(OptionRefSchema),
    physicalLimitations: z.array(OptionRefSchema),
  }),
  media: MediaSchema,
  experience: z.object({
    work: z.array(ExperienceEntrySchema),
    education: z.array(EducationEntrySchema.extend({ level: OptionRefSchema.nullable() })),
    courses: z.array(CourseEntrySchema),
  }),
  hobbies: z.string(),
  documents: z.array(CandidateDocumentSchema),
});
export type CandidateStaffView = z.infer<typeof CandidateStaffViewSchema>;

/**
 * What "Contactgegevens" answers: the candidate's own details when they chose direct contact,
 * otherwise their account manager's (null when none is assigned yet).
 */
export const ContactDetailsResponseSchema = z.discriminatedUnion("via", [
  z.object({
    via: z.literal("candidate"),
    candidate: z.object({
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      postcode: z.string().nullable(),
      city: z.string().nullable(),
    }),
  }),
  z.object({
    via: z.literal("account_manager"),
    accountManager: PersonContactSchema.nullable(),
  }),
]);
export type ContactDetailsResponse = z.infer<typeof ContactDetailsResponseSchema>;

/** One time staff opened the candidate's contact details. */
export const ContactViewSchema = z.object({
  at: z.string(),
  viewer: z.object({ name: z.string() }),
  organisation: z.object({ name: z.string() }).nullable(),
});
export type ContactView = z.infer<typeof ContactViewSchema>;

export const ContactViewsResponseSchema = z.object({ views: z.array(ContactViewSchema) });
export type ContactViewsResponse = z.infer<typeof ContactViewsResponseSchema>;

/** "Benaderen": staff write to a visible candidate (inbox + mail). */
export const ApproachRequestSchema = z.object({
  subject: z.string().trim().min(2).max(200),
  message: z.string().trim().min(2).max(5000),
});
export type ApproachRequest = z.infer<typeof ApproachRequestSchema>;

export const CandidateMessageSchema = z.object({
  id: z.string().uuid(),
  subject: z.string(),
  body: z.string(),
  /** Who wrote: the person and the organisation they wrote for. */
  sender: z.object({ name: z.string().nullable(), organisation: z.string().nullable() }),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type CandidateMessage = z.infer<typeof CandidateMessageSchema>;
export const CandidateMessageResponseSchema = z.object({ message: CandidateMessageSchema });
export const CandidateMessagesResponseSchema = z.object({
  messages: z.array(CandidateMessageSchema),
  unread: z.number().int(),
});

export const SavedVacancySchema = z.object({
  vacancyId: z.string().uuid(),
  displayTitle: z.string(),
  organisationName: z.string(),
  city: z.string().nullable(),
  closesOn: z.string().nullable(),
  /** Whether the candidate can still see (and respond to) it today. */
  open: z.boolean(),
  savedAt: z.string(),
});
export type SavedVacancy = z.infer<typeof SavedVacancySchema>;
export const SavedVacanciesResponseSchema = z.object({ saved: z.array(SavedVacancySchema) });

/** An account manager registers a job seeker (municipality practice) on the request's portal. */
export const RegisterJobSeekerRequestSchema = z.object({
  name: z.string().trim().min(2).max(120),
  /** Without an e-mail address the profile exists without an account (no claim possible yet). */
  email: z.string().trim().toLowerCase().email().max(254).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{8,20}$/, { message: "phone_invalid" })
    .nullable()
    .default(null),
  placeId: z.string().max(80).nullable().default(null),
  /** Send the mail with the link to claim the account right away. */
  invite: z.boolean().default(true),
});
export type RegisterJobSeekerRequest = z.input<typeof RegisterJobSeekerRequestSchema>;

export const ClaimStatusSchema = z.enum(["none", "pending", "claimed", "expired", "revoked"]);
export const RegisteredJobSeekerSchema = z.object({
  candidateId: z.string().uuid(),
  name: z.string(),
  email: z.string().nullable(),
  claim: z.object({ status: ClaimStatusSchema, expiresAt: z.string().nullable() }),
});
export type RegisteredJobSeeker = z.infer<typeof RegisteredJobSeekerSchema>;
export const RegisteredJobSeekerResponseSchema = z.object({ jobSeeker: RegisteredJobSeekerSchema });

export const ClaimPreviewResponseSchema = z.object({
  name: z.string(),
  email: z.string(),
  portalName: LocalizedTextSchema,
  registeredBy: z.string().nullable(),
  expiresAt: z.string(),
});
export const ClaimAccountRequestSchema = z.object({
  token: z.string().min(20).max(200),
  password: z.string().max(128),
  acceptTerms: z.literal(true, { message: "terms_required" }),
});
export const ClaimAccountResponseSchema = z.object({ email: z.string() });

/** What a portal may ask of a candidate on the first visit of its candidate side (Kansenportaal). */
export const CANDIDATE_INTAKE_FIELDS = [
  "phone",
  "place",
  "birthDate",
  "workLevel",
  "occupations",
  "availability",
] as const;
export const IntakeFieldSchema = z.enum(CANDIDATE_INTAKE_FIELDS);
export type IntakeField = z.infer<typeof IntakeFieldSchema>;

export const IntakeStatusSchema = z.object({
  portal: z.object({ slug: z.string(), name: LocalizedTextSchema }),
  /** Whether the person already takes part in this portal as a candidate. */
  member: z.boolean(),
  required: z.array(IntakeFieldSchema),
  missing: z.array(IntakeFieldSchema),
  complete: z.boolean(),
  values: z.object({
    phone: z.string().nullable(),
    placeId: z.string().nullable(),
    placeName: z.string().nullable(),
    birthDate: z.string().nullable(),
    workLevel: z.string().nullable(),
    desiredOccupationIds: z.array(z.string()),
    hoursMin: z.number().nullable(),
    hoursMax: z.number().nullable(),
  }),
});
export type IntakeStatus = z.infer<typeof IntakeStatusSchema>;

export const IntakeRequestSchema = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{8,20}$/, { message: "phone_invalid" })
    .nullable()
    .optional(),
  placeId: z.string().max(80).nullable().optional(),
  birthDate: IsoDateSchema.nullable().optional(),
  workLevel: z.string().max(40).nullable().optional(),
  desiredOccupationIds: z.array(z.string().max(40)).max(20).optional(),
  hoursMin: z.number().int().min(1).max(60).nullable().optional(),
  hoursMax: z.number().int().min(1).max(60).nullable().optional(),
});
export type IntakeRequest = z.infer<typeof IntakeRequestSchema>;

/** "Favorieten": a staff member's own list of candidates (private), with the team's work on them. */
export const FAVOURITE_SORTS = ["name", "saved", "proposed", "added"] as const;
export const FavouritesQuerySchema = z.object({
  sort: z.enum(FAVOURITE_SORTS).default("added"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type FavouritesQuery = z.infer<typeof FavouritesQuerySchema>;
export const FavouriteSchema = z.object({
  candidateId: z.string().uuid(),
  name: z.string(),
  city: z.string().nullable(),
  headline: z.string(),
  /** On how many vacancies the candidate is saved, and how many times proposed. */
  savedCount: z.number().int(),
  proposedCount: z.number().int(),
  addedAt: z.string(),
});
export const FavouritesResponseSchema = z.object({
  favourites: z.array(FavouriteSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FavouritesResponse = z.infer<typeof FavouritesResponseSchema>;
export const FavouriteStateSchema = z.object({ favourite: z.boolean() });

/** "Geschiedenis": candidates whose contact details I requested, last viewed first. */
export const ContactHistoryResponseSchema = z.object({
  history: z.array(
    z.object({
      candidateId: z.string().uuid(),
      name: z.string(),
      city: z.string().nullable(),
      lastViewedAt: z.string(),
      views: z.number().int(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ContactHistoryResponse = z.infer<typeof ContactHistoryResponseSchema>;
