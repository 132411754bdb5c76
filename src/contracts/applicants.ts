import { z } from "zod";
import { ApplicationAnswersSchema } from "./forms";
import { ActorSchema, LabelsSchema, MATCH_SOURCES, PHASE_MEANINGS, PhaseSchema } from "./matches";

/**
 * Applicants per vacancy (issue 15, Vlimpers "sollicitanten raadplegen en beheren"): the
 * vacancy's matches as its staff see them, with filters and counts, one applicant's profile,
 * timeline, notes and corrected fields ("aanpassingsvelden"), phase changes for several at once,
 * and mail to applicants from templates with merge fields.
 */

const Uuid = z.string().uuid();
const MatchIds = z
  .array(Uuid)
  .min(1)
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, { message: "duplicate_ids" });

// --- The list -----------------------------------------------------------------------------------

/** Where a match came from: a true application, saved or proposed by staff, or referred. */
export const APPLICANT_SOURCES = MATCH_SOURCES;
export type ApplicantSource = (typeof APPLICANT_SOURCES)[number];
/** The channel filter's value for applicants without a utm_source. */
export const NO_CHANNEL = "none";

const PAIR = "[a-z0-9_]{1,40}:[a-z0-9_]{1,40}";
const AnswerFilter = z
  .string()
  .regex(new RegExp(`^${PAIR}(,${PAIR}){0,19}$`), { message: "answer_filter_invalid" });

/** A choice question of the vacancy's form that the list filters on, with its options. */
export const AnswerFilterQuestionSchema = z.object({
  key: z.string(),
  label: z.object({ nl: z.string(), en: z.string() }),
  options: z.array(z.object({ key: z.string(), label: z.object({ nl: z.string(), en: z.string() }) })),
  knockOut: z.boolean(),
});
export type AnswerFilterQuestion = z.infer<typeof AnswerFilterQuestionSchema>;

export const ApplicantListQuerySchema = z.strictObject({
  /** Phase ids (comma-separated or repeated): applicants in any of them. */
  phase: z.union([Uuid, z.array(Uuid)]).optional(),
  source: z.union([z.enum(APPLICANT_SOURCES), z.array(z.enum(APPLICANT_SOURCES))]).optional(),
  /** `matches.channel_source` (utm_source), "none" for applicants who came without one. */
  channel: z.string().trim().max(60).optional(),
  /** Applied from / to (inclusive, yyyy-mm-dd, Brussels time). */
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  /** Name or e-mail, accents and case ignored (the corrected ones too). */
  q: z.string().trim().max(100).optional(),
  /**
   * Answers to the form's choice questions, `question:option` (yes/no: `question:yes`), comma-
   * separated for several: applicants who gave every one of them (knock-out questions included).
   */
  answer: AnswerFilter.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ApplicantListQuery = z.input<typeof ApplicantListQuerySchema>;
export type ParsedApplicantListQuery = z.output<typeof ApplicantListQuerySchema>;

export const ApplicantSummarySchema = z.object({
  /** The match id. */
  id: Uuid,
  candidateId: Uuid,
  /** First and last name as used in the procedure (corrected, else the profile's). */
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  source: z.enum(APPLICANT_SOURCES),
  channel: z.string().nullable(),
  phase: z.object({ id: Uuid, key: z.string(), label: LabelsSchema }),
  state: z.enum(PHASE_MEANINGS),
  appliedAt: z.string(),
  phaseSince: z.string(),
  hasCv: z.boolean(),
});
export type ApplicantSummary = z.infer<typeof ApplicantSummarySchema>;

const FacetCount = z.object({ count: z.number().int() });

export const ApplicantPermissionsSchema = z.object({
  /** The phases the caller may move applicants to (the matches module's rule); empty: none. */
  moveTo: z.array(Uuid),
  /** Mail applicants of this vacancy. */
  mail: z.boolean(),
  /** Correct the fields of an application ("aanpassingsvelden"). */
  correct: z.boolean(),
  /** Write notes. */
  note: z.boolean(),
  /** Open the vacancy itself (leaders and jury members reach only its applicants). */
  vacancy: z.boolean(),
});
export type ApplicantPermissions = z.infer<typeof ApplicantPermissionsSchema>;

export const ApplicantListResponseSchema = z.object({
  vacancy: z.object({ id: Uuid, title: z.string(), organisationId: Uuid }),
  /** The phases of the vacancy's procedure in order (and of older procedures its applicants are in). */
  phases: z.array(PhaseSchema),
  items: z.array(ApplicantSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /**
   * Counts per value of each filter, with every other filter applied (so a count says how many
   * the list would hold with that value chosen instead).
   */
  /** The choice questions of the vacancy's current form (none without a form). */
  answerQuestions: z.array(AnswerFilterQuestionSchema),
  facets: z.object({
    phases: z.array(FacetCount.extend({ phaseId: Uuid })),
    sources: z.array(FacetCount.extend({ source: z.enum(APPLICANT_SOURCES) })),
    channels: z.array(FacetCount.extend({ channel: z.string() })),
  }),
  permissions: ApplicantPermissionsSchema,
});
export type ApplicantListResponse = z.infer<typeof ApplicantListResponseSchema>;

// --- One applicant ------------------------------------------------------------------------------

/** The fields staff may correct on an application, with history ("aanpassingsvelden"). */
export const CORRECTION_FIELDS = [
  "national_register_number",
  "first_name",
  "last_name",
  "email",
  "phone",
] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

export const CorrectionSchema = z.object({
  id: Uuid,
  field: z.enum(CORRECTION_FIELDS),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  by: ActorSchema.nullable(),
  at: z.string(),
});
export type Correction = z.infer<typeof CorrectionSchema>;

export const ApplicantFieldSchema = z.object({
  field: z.enum(CORRECTION_FIELDS),
  /** The value from the profile (or the application form), before any correction. */
  original: z.string().nullable(),
  /** The value that counts: the latest correction's, else the original. */
  value: z.string().nullable(),
  corrected: z.boolean(),
  /** Every correction of this field, newest first. */
  history: z.array(CorrectionSchema),
});
export type ApplicantField = z.infer<typeof ApplicantFieldSchema>;

export const NoteSchema = z.object({
  id: Uuid,
  text: z.string(),
  author: ActorSchema.nullable(),
  at: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const MAIL_DELIVERY_STATUSES = ["sending", "sent", "failed"] as const;
export type MailDeliveryStatus = (typeof MAIL_DELIVERY_STATUSES)[number];

export const TimelineItemSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("step"),
    id: Uuid,
    at: z.string(),
    by: ActorSchema.nullable(),
    fromPhase: z.object({ id: Uuid, label: LabelsSchema }).nullable(),
    toPhase: z.object({ id: Uuid, label: LabelsSchema }),
    comment: z.string().nullable(),
    undone: z.boolean(),
  }),
  z.object({
    kind: z.literal("note"),
    id: Uuid,
    at: z.string(),
    by: ActorSchema.nullable(),
    text: z.string(),
  }),
  z.object({
    kind: z.literal("mail"),
    id: Uuid,
    at: z.string(),
    by: ActorSchema.nullable(),
    mailingId: Uuid,
    subject: z.string(),
    body: z.string(),
    to: z.string(),
    status: z.enum(MAIL_DELIVERY_STATUSES),
  }),
  z.object({
    kind: z.literal("correction"),
    id: Uuid,
    at: z.string(),
    by: ActorSchema.nullable(),
    field: z.enum(CORRECTION_FIELDS),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
  }),
]);
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const ApplicantDetailSchema = ApplicantSummarySchema.extend({
  vacancy: z.object({ id: Uuid, title: z.string() }),
  profile: z.object({
    headline: z.string(),
    summary: z.string(),
    city: z.string().nullable(),
    educationLevel: z.string().nullable(),
    workLevel: z.string().nullable(),
    experience: z.array(z.object({ title: z.string(), employer: z.string().nullable() })),
    /** The language mail to this applicant is written in (their account's; nl without one). */
    locale: z.string(),
    hasAccount: z.boolean(),
  }),
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
  motivation: z.string(),
  /** The CV sent with the application (download link), if any. */
  cv: z.object({ fileName: z.string(), url: z.string() }).nullable(),
  /** The answers to the vacancy's application form, in the version answered; null without a form. */
  answers: ApplicationAnswersSchema,
  fields: z.array(ApplicantFieldSchema),
  notes: z.array(NoteSchema),
  /** Phase steps, notes, mails and corrections, newest first. */
  timeline: z.array(TimelineItemSchema),
  permissions: ApplicantPermissionsSchema,
});
export type ApplicantDetail = z.infer<typeof ApplicantDetailSchema>;
export const ApplicantDetailResponseSchema = z.object({ applicant: ApplicantDetailSchema });
export type ApplicantDetailResponse = z.infer<typeof ApplicantDetailResponseSchema>;

// --- Changes ------------------------------------------------------------------------------------

export const MoveApplicantsRequestSchema = z.strictObject({
  matchIds: MatchIds,
  phaseId: Uuid,
  comment: z.string().trim().max(2000).optional(),
});
export type MoveApplicantsRequest = z.infer<typeof MoveApplicantsRequestSchema>;
export const MoveApplicantsResponseSchema = z.object({ moved: z.array(ApplicantSummarySchema) });
export type MoveApplicantsResponse = z.infer<typeof MoveApplicantsResponseSchema>;

export const AddNoteRequestSchema = z.strictObject({ text: z.string().trim().min(1).max(5000) });
export type AddNoteRequest = z.infer<typeof AddNoteRequestSchema>;
export const NoteResponseSchema = z.object({ note: NoteSchema });

export const CorrectFieldRequestSchema = z.strictObject({
  field: z.enum(CORRECTION_FIELDS),
  /** The corrected value; empty or null: back to the original. */
  value: z.string().trim().max(200).nullable(),
});
export type CorrectFieldRequest = z.infer<typeof CorrectFieldRequestSchema>;
export const CorrectFieldResponseSchema = z.object({ field: ApplicantFieldSchema });

// --- Mail templates -----------------------------------------------------------------------------

/**
 * The merge fields a subject or body may hold, written {{voornaam}}: the one canonical set (in
 * Dutch, the product's default language), filled per recipient in the recipient's language.
 */
export const MERGE_FIELDS = ["voornaam", "naam", "vacature", "fase", "datum"] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
/** Every {{...}} in a text, with what is between the braces (spaces around it ignored). */
export const MERGE_FIELD_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

export const MAIL_LOCALES = ["nl", "en", "de", "fr"] as const;
/** One language's subject and body of a mail to applicants. */
export interface TemplateText {
  subject: string;
  body: string;
}
export type ApplicantMailLocale = (typeof MAIL_LOCALES)[number];

const Subject = z.string().trim().min(1).max(200);
const Body = z.string().trim().min(1).max(20_000);
const OptionalSubject = z.string().trim().max(200).nullable().optional();
const OptionalBody = z.string().trim().max(20_000).nullable().optional();

/** Subject and body per language: Dutch and English always, German and French optional. */
export const TemplateTextsSchema = z.strictObject({
  nl: z.strictObject({ subject: Subject, body: Body }),
  en: z.strictObject({ subject: Subject, body: Body }),
  de: z.strictObject({ subject: OptionalSubject, body: OptionalBody }).nullable().optional(),
  fr: z.strictObject({ subject: OptionalSubject, body: OptionalBody }).nullable().optional(),
});
export type TemplateTexts = z.infer<typeof TemplateTextsSchema>;

export const MailTemplateSchema = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  name: z.string(),
  texts: z.object({
    nl: z.object({ subject: z.string(), body: z.string() }),
    en: z.object({ subject: z.string(), body: z.string() }),
    de: z.object({ subject: z.string(), body: z.string() }).nullable(),
    fr: z.object({ subject: z.string(), body: z.string() }).nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether the caller may change or delete it. */
  editable: z.boolean(),
});
export type MailTemplate = z.infer<typeof MailTemplateSchema>;

export const MailTemplateListQuerySchema = z.strictObject({ organisationId: Uuid.optional() });
export const MailTemplateListResponseSchema = z.object({
  templates: z.array(MailTemplateSchema),
  mergeFields: z.array(z.enum(MERGE_FIELDS)),
  /** The organisations the caller may make templates for. */
  organisations: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type MailTemplateListResponse = z.infer<typeof MailTemplateListResponseSchema>;

export const SaveMailTemplateRequestSchema = z.strictObject({
  organisationId: Uuid,
  name: z.string().trim().min(1).max(120),
  texts: TemplateTextsSchema,
});
export type SaveMailTemplateRequest = z.infer<typeof SaveMailTemplateRequestSchema>;
export const MailTemplateResponseSchema = z.object({ template: MailTemplateSchema });

// --- Mailings -----------------------------------------------------------------------------------

/** A mail to applicants: from a template (each in their language), or one text for all. */
export const MailApplicantsRequestSchema = z
  .strictObject({
    matchIds: MatchIds,
    templateId: Uuid.optional(),
    message: z.strictObject({ subject: Subject, body: Body }).optional(),
  })
  .refine((r) => (r.templateId === undefined) !== (r.message === undefined), {
    message: "template_or_message",
    path: ["templateId"],
  });
export type MailApplicantsRequest = z.infer<typeof MailApplicantsRequestSchema>;

export const MailPreviewSchema = z.object({
  matchId: Uuid,
  name: z.string(),
  to: z.string().nullable(),
  locale: z.enum(MAIL_LOCALES),
  subject: z.string(),
  body: z.string(),
});
export type MailPreview = z.infer<typeof MailPreviewSchema>;
export const MailPreviewResponseSchema = z.object({ previews: z.array(MailPreviewSchema) });
export type MailPreviewResponse = z.infer<typeof MailPreviewResponseSchema>;

export const MailingSchema = z.object({
  id: Uuid,
  vacancyId: Uuid,
  templateId: Uuid.nullable(),
  sentBy: ActorSchema.nullable(),
  at: z.string(),
  recipients: z.array(
    z.object({
      id: Uuid,
      matchId: Uuid,
      name: z.string(),
      to: z.string(),
      locale: z.enum(MAIL_LOCALES),
      subject: z.string(),
      status: z.enum(MAIL_DELIVERY_STATUSES),
    }),
  ),
});
export type Mailing = z.infer<typeof MailingSchema>;
export const MailingResponseSchema = z.object({ mailing: MailingSchema });
export type MailingResponse = z.infer<typeof MailingResponseSchema>;
