import { z } from "zod";
import { CandidateProfileSchema, PortalVisibilitySchema } from "./candidates";
import { LocalizedTextSchema } from "./common";
import { HourKindSchema, TimesheetStatusSchema } from "./placements";

/**
 * Privacy self-service for candidates (AVG/GDPR, issue 5 part 7): consent per purpose with its
 * history, "download my data" (JSON and PDF) and "delete my account" (anonymisation).
 */

/**
 * What a candidate consents to:
 * - `employers_portal`: being visible to employers (and other staff) in a portal's candidates
 *   overview; one consent per portal, and the same thing as the portal visibility of decision
 *   0011 (candidate_portal_visibility and candidates.visible are its current state).
 * - `research`: use of their data for research; one per person, its current state is
 *   users.consent_research (the Settings switch).
 */
export const CONSENT_PURPOSES = ["employers_portal", "research"] as const;
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;

/** Who made a change: the candidate, a staff member on their behalf, or the system (retention). */
export const CONSENT_SOURCES = ["candidate", "staff", "system"] as const;
export const ConsentSourceSchema = z.enum(CONSENT_SOURCES);
export type ConsentSource = z.infer<typeof ConsentSourceSchema>;

export const SetConsentRequestSchema = z
  .object({
    given: z.boolean(),
    /** For `employers_portal`: the portal's id or slug; the request's portal when left out. */
    portal: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type SetConsentRequest = z.infer<typeof SetConsentRequestSchema>;

const PortalRefSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: LocalizedTextSchema,
  isNational: z.boolean(),
});

/** The current state of one consent; `at` is when it was last given or withdrawn (null: never). */
export const ConsentStateSchema = z.object({
  purpose: ConsentPurposeSchema,
  /** The portal of an `employers_portal` consent; null for `research`. */
  portal: PortalRefSchema.nullable(),
  given: z.boolean(),
  at: z.string().nullable(),
});
export type ConsentState = z.infer<typeof ConsentStateSchema>;

/** One change, as recorded (the history is never rewritten). */
export const ConsentHistoryEntrySchema = z.object({
  purpose: ConsentPurposeSchema,
  portal: PortalRefSchema.nullable(),
  given: z.boolean(),
  at: z.string(),
  source: ConsentSourceSchema,
});
export type ConsentHistoryEntry = z.infer<typeof ConsentHistoryEntrySchema>;

export const ConsentsResponseSchema = z.object({
  consents: z.array(ConsentStateSchema),
  /** Newest first. */
  history: z.array(ConsentHistoryEntrySchema),
});
export type ConsentsResponse = z.infer<typeof ConsentsResponseSchema>;

/**
 * "Delete my account": anonymises the person for good. `confirm` must be true; `password` is the
 * account's password (required when the account has one; otherwise the session must be fresh).
 */
export const EraseAccountRequestSchema = z
  .object({
    confirm: z.boolean(),
    password: z.string().max(128).optional(),
  })
  .strict();
export type EraseAccountRequest = z.infer<typeof EraseAccountRequestSchema>;

// ---------------------------------------------------------------------------------------------
// "Download my data": everything stored about the person.

const FileRefSchema = z.object({
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  /** Where the signed-in person downloads it. */
  url: z.string(),
});

const profile = CandidateProfileSchema.shape;

/** One candidate profile (one per portal the person registered on), in the profile's parts. */
export const CandidateExportSchema = z.object({
  id: z.string().uuid(),
  portal: PortalRefSchema,
  general: profile.general,
  preferences: profile.preferences,
  availability: profile.availability,
  contact: profile.contact,
  experience: profile.experience,
  education: profile.education,
  courses: profile.courses,
  media: profile.media,
  hobbies: profile.hobbies,
  documents: profile.documents,
  visibility: z.array(PortalVisibilitySchema),
  /** Every column of the stored row, as stored (dates as ISO strings). */
  stored: z.record(z.string(), z.unknown()),
});
export type CandidateExport = z.infer<typeof CandidateExportSchema>;

export const PersonalDataExportSchema = z.object({
  format: z.literal("werkbrug-personal-data/1"),
  exportedAt: z.string(),
  /** The account (users row), without anything secret. */
  account: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    image: z.string().nullable(),
    locale: z.string(),
    phone: z.string().nullable(),
    postcode: z.string().nullable(),
    twoFactorEnabled: z.boolean(),
    consentEmbeddedVideo: z.boolean(),
    consentResearch: z.boolean(),
    deactivatedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  /** How the person signs in (password, Microsoft): no passwords or tokens. */
  signInMethods: z.array(z.object({ providerId: z.string(), createdAt: z.string(), updatedAt: z.string() })),
  sessions: z.array(
    z.object({
      createdAt: z.string(),
      updatedAt: z.string(),
      expiresAt: z.string(),
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  memberships: z.array(
    z.object({
      role: z.string(),
      portal: z.string().nullable(),
      organisation: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  candidates: z.array(CandidateExportSchema),
  consents: z.object({
    /** Per profile: the current state of each consent. */
    current: z.array(ConsentStateSchema.extend({ candidateId: z.string().uuid() })),
    history: z.array(ConsentHistoryEntrySchema.extend({ candidateId: z.string().uuid() })),
  }),
  /** Applications, saved and proposed matches, with the vacancy and the motivation. */
  applications: z.array(
    z.object({
      id: z.string().uuid(),
      candidateId: z.string().uuid(),
      vacancyId: z.string().uuid(),
      vacancyTitle: z.string(),
      organisation: z.string(),
      source: z.string(),
      status: z.string(),
      motivation: z.string(),
      cv: FileRefSchema.nullable(),
      channelSource: z.string().nullable(),
      /** The application form as answered: each question with the answer given, and the files sent. */
      form: z
        .object({
          version: z.number().int(),
          answers: z.array(z.object({ question: z.string(), answer: z.string() })),
          files: z.array(FileRefSchema),
        })
        .nullable(),
      proposedAt: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  /**
   * Placements (hired through an application or match) with the weeks of hours the person wrote:
   * where and when they worked; the employer's rate is not about them and is left out.
   */
  placements: z.array(
    z.object({
      id: z.string().uuid(),
      candidateId: z.string().uuid(),
      /** The application or match the person was hired through (one of `applications`). */
      matchId: z.string().uuid(),
      vacancyTitle: z.string(),
      employer: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      /** Newest week first. */
      weeks: z.array(
        z.object({
          weekStart: z.string(),
          status: TimesheetStatusSchema,
          /** What the person wrote with the week. */
          remark: z.string(),
          /** What the approver wrote with their decision. */
          decisionComment: z.string().nullable(),
          submittedAt: z.string().nullable(),
          decidedAt: z.string().nullable(),
          /** Hours per day and kind (quarter hours: 7.75 is 7 hours 45 minutes). */
          entries: z.array(z.object({ date: z.string(), kind: HourKindSchema, hours: z.number() })),
        }),
      ),
    }),
  ),
  /** Messages staff sent to the person ("benaderen"), as in their inbox. */
  messages: z.array(
    z.object({
      candidateId: z.string().uuid(),
      subject: z.string(),
      body: z.string(),
      sender: z.string().nullable(),
      organisation: z.string().nullable(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
  /** Vacancies the person saved for later. */
  savedVacancies: z.array(
    z.object({
      candidateId: z.string().uuid(),
      vacancyId: z.string().uuid(),
      vacancyTitle: z.string(),
      organisation: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** Every time staff opened the person's contact details. */
  contactViews: z.array(
    z.object({ at: z.string(), viewer: z.string().nullable(), organisation: z.string().nullable() }),
  ),
  /** Security events about the account (sign-ins, second factor …). */
  auditEvents: z.array(
    z.object({
      at: z.string(),
      type: z.string(),
      email: z.string().nullable(),
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  /** Invitations sent to the person's address. */
  invitations: z.array(
    z.object({
      email: z.string(),
      organisation: z.string(),
      role: z.string(),
      invitedBy: z.string().nullable(),
      personalMessage: z.string().nullable(),
      createdAt: z.string(),
      expiresAt: z.string(),
      acceptedAt: z.string().nullable(),
      revokedAt: z.string().nullable(),
    }),
  ),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;

/** The sections of the export, in order (the PDF follows them; the test checks each is there). */
export const EXPORT_SECTIONS = [
  "account",
  "signInMethods",
  "sessions",
  "memberships",
  "candidates",
  "consents",
  "applications",
  "placements",
  "messages",
  "savedVacancies",
  "contactViews",
  "auditEvents",
  "invitations",
] as const satisfies readonly (keyof PersonalDataExport)[];
