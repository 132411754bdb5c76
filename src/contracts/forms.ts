import { z } from "zod";
import { LocalizedTextSchema } from "./common";

/**
 * Application forms (Vlimpers "sollicitatieformulieren", issue 15): a selection officer builds a
 * vacancy's form from a template; applicants answer it in steps (eligibility questions, the
 * form, CV and documents, review). A form is versioned: submitted answers keep pointing at the
 * version they answered, so changing the form never makes them unreadable.
 */

// The Belgian national register number (rijksregisternummer): one check for forms and corrections.
export { formatNationalRegisterNumber, isValidNationalRegisterNumber } from "./national-register";

// --- Definitions -----------------------------------------------------------------------------

export const FORM_FIELD_KINDS = [
  "short_text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "yes_no",
  "date",
  "number",
  "file",
  "diploma_level",
  "languages",
  "national_register_number",
] as const;
export type FormFieldKind = (typeof FORM_FIELD_KINDS)[number];

/** Kinds whose answers are one of the field's options. */
export const CHOICE_KINDS: readonly FormFieldKind[] = ["single_choice", "multiple_choice"];
/** Kinds an eligibility question may stop an application on. */
export const KNOCK_OUT_KINDS: readonly FormFieldKind[] = ["yes_no", "single_choice"];

/** The language levels of the Common European Framework of Reference. */
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** The section whose questions are asked first and may stop an application. */
export const ELIGIBILITY_SECTION = "eligibility";

/** Stable keys: answers are stored under them, so they never change with a label. */
export const FormKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "form_key_invalid" });

const Text = (max: number) =>
  LocalizedTextSchema.extend({ nl: z.string().max(max), en: z.string().max(max) });

export const FormOptionSchema = z.object({ key: FormKeySchema, label: Text(200) });
export type FormOption = z.infer<typeof FormOptionSchema>;

export const KnockOutSchema = z.object({
  /** The answers that stop the application: "yes"/"no" for yes/no questions, option keys otherwise. */
  answers: z.array(z.string().max(40)).min(1).max(20),
  /** What the applicant reads when their answer stops the application. */
  message: Text(1000),
});
export type KnockOut = z.infer<typeof KnockOutSchema>;

export const FormFieldSchema = z.object({
  key: FormKeySchema,
  kind: z.enum(FORM_FIELD_KINDS),
  label: Text(300),
  help: Text(1000),
  required: z.boolean(),
  options: z.array(FormOptionSchema).max(50),
  knockOut: KnockOutSchema.nullable(),
});
export type FormField = z.infer<typeof FormFieldSchema>;

export const FormSectionSchema = z.object({
  key: FormKeySchema,
  title: Text(200),
  fields: z.array(FormFieldSchema).max(60),
});
export type FormSection = z.infer<typeof FormSectionSchema>;

export const FormDefinitionSchema = z.object({ sections: z.array(FormSectionSchema).max(20) });
export type FormDefinition = z.infer<typeof FormDefinitionSchema>;

// --- Answers ---------------------------------------------------------------------------------

/** A file uploaded for a file question (the id the upload returned). */
export const FileAnswerSchema = z.object({ fileId: z.string().uuid() });
export const LanguageAnswerSchema = z.object({ code: z.string().max(10), level: z.enum(CEFR_LEVELS) });

/** One answer; what it must be follows from the field's kind and is checked on submit. */
export const AnswerValueSchema = z.union([
  z.string().max(10_000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(40)).max(50),
  FileAnswerSchema,
  z.array(LanguageAnswerSchema).max(30),
  z.null(),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export const AnswersSchema = z.record(z.string().max(40), AnswerValueSchema);
export type Answers = z.infer<typeof AnswersSchema>;

// --- Templates -------------------------------------------------------------------------------

export const FormTemplateSchema = z.object({
  /** "standard" for the template Werkbrug ships; a uuid for an organisation's own. */
  id: z.string(),
  name: z.string(),
  shipped: z.boolean(),
  organisationId: z.string().uuid().nullable(),
  definition: FormDefinitionSchema,
});
export type FormTemplate = z.infer<typeof FormTemplateSchema>;
export const FormTemplateListResponseSchema = z.object({
  templates: z.array(FormTemplateSchema),
  /** The organisations the caller may keep templates for. */
  organisations: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});
export type FormTemplateListResponse = z.infer<typeof FormTemplateListResponseSchema>;
export const CreateFormTemplateRequestSchema = z.strictObject({
  organisationId: z.string().uuid(),
  name: z.string().trim().min(1).max(120),
  definition: FormDefinitionSchema,
});
export type CreateFormTemplateRequest = z.infer<typeof CreateFormTemplateRequestSchema>;
export const FormTemplateResponseSchema = z.object({ template: FormTemplateSchema });

// --- A vacancy's form ------------------------------------------------------------------------

export const FormVersionSchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Applications submitted with this version. */
  answered: z.number().int(),
});
export type FormVersion = z.infer<typeof FormVersionSchema>;

export const ApplicationFormSchema = z.object({
  id: z.string().uuid(),
  vacancyId: z.string().uuid(),
  version: FormVersionSchema,
  definition: FormDefinitionSchema,
  /** Whether the caller may change it. */
  canEdit: z.boolean(),
});
export type ApplicationForm = z.infer<typeof ApplicationFormSchema>;
export const ApplicationFormResponseSchema = z.object({
  /** Null: the vacancy has no form (applicants send a motivation and CV). */
  form: ApplicationFormSchema.nullable(),
  canEdit: z.boolean(),
});
export type ApplicationFormResponse = z.infer<typeof ApplicationFormResponseSchema>;

/** Make the form from a template, or save an edited definition (a new version once answered). */
export const SaveApplicationFormRequestSchema = z
  .strictObject({
    templateId: z.string().max(60).optional(),
    definition: FormDefinitionSchema.optional(),
  })
  .refine((v) => (v.templateId === undefined) !== (v.definition === undefined), {
    message: "template_or_definition",
    path: ["definition"],
  });
export type SaveApplicationFormRequest = z.infer<typeof SaveApplicationFormRequestSchema>;

export const FormVersionListResponseSchema = z.object({
  versions: z.array(FormVersionSchema.extend({ definition: FormDefinitionSchema })),
});
export type FormVersionListResponse = z.infer<typeof FormVersionListResponseSchema>;

// --- Applying --------------------------------------------------------------------------------

export const APPLY_STEPS = ["eligibility", "form", "documents", "review"] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

export const UploadedFileSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type UploadedFile = z.infer<typeof UploadedFileSchema>;

export const ApplicationDraftSchema = z.object({
  answers: AnswersSchema,
  step: z.enum(APPLY_STEPS),
  updatedAt: z.string(),
});
export type ApplicationDraft = z.infer<typeof ApplicationDraftSchema>;

/** What the applicant sees: the form to answer, their draft and files, or that they applied. */
export const ApplyFormResponseSchema = z.object({
  form: z.object({ versionId: z.string().uuid(), definition: FormDefinitionSchema }).nullable(),
  draft: ApplicationDraftSchema.nullable(),
  /** Answers the applicant's profile gives (diploma level, languages), to start a form without a draft. */
  prefill: AnswersSchema,
  files: z.array(UploadedFileSchema),
  applied: z.boolean(),
});
export type ApplyFormResponse = z.infer<typeof ApplyFormResponseSchema>;

export const SaveDraftRequestSchema = z.strictObject({
  answers: AnswersSchema,
  step: z.enum(APPLY_STEPS),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequestSchema>;
export const DraftResponseSchema = z.object({ draft: ApplicationDraftSchema });

export const UploadedFileResponseSchema = z.object({ file: UploadedFileSchema });
export const UploadFileQuerySchema = z.object({
  /** The file question the file answers. */
  field: FormKeySchema,
  fileName: z.string().trim().min(1).max(200),
});

export const SubmitApplicationRequestSchema = z.strictObject({
  /** utm_source of the page the applicant came from. */
  source: z
    .string()
    .regex(/^[a-z0-9._-]{1,60}$/i)
    .nullable()
    .optional(),
  referralCode: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .nullable()
    .optional(),
});
export type SubmitApplicationRequest = z.infer<typeof SubmitApplicationRequestSchema>;

// --- Staff reading an application's answers -----------------------------------------------------

/** The answers an application was submitted with, in the version of the form they answered. */
export const ApplicationAnswersResponseSchema = z.object({
  answers: z
    .object({
      version: z.number().int(),
      definition: FormDefinitionSchema,
      answers: AnswersSchema,
      /** The files the answers refer to, each downloadable by staff who see the match. */
      files: z.array(UploadedFileSchema.extend({ url: z.string() })),
    })
    .nullable(),
});
export type ApplicationAnswersResponse = z.infer<typeof ApplicationAnswersResponseSchema>;
/** The answers of one application with their form version and files (null: no form). */
export const ApplicationAnswersSchema = ApplicationAnswersResponseSchema.shape.answers;
export type ApplicationAnswers = NonNullable<ApplicationAnswersResponse["answers"]>;

// --- Mijn sollicitaties: the timeline -------------------------------------------------------

export const ApplicationStepSchema = z.object({
  phase: z.object({ key: z.string(), label: LocalizedTextSchema }),
  at: z.string(),
});
export const ApplicationTimelineSchema = z.object({
  applicationId: z.string().uuid(),
  steps: z.array(ApplicationStepSchema),
  /** Whether the applicant may still withdraw (not in a final phase). */
  canWithdraw: z.boolean(),
});
export type ApplicationTimeline = z.infer<typeof ApplicationTimelineSchema>;
export const ApplicationTimelineResponseSchema = z.object({ timeline: ApplicationTimelineSchema });
