import { z } from "zod";
import { LabelsSchema, OutcomeOptionSchema, REFERRAL_COLOURS } from "./matches";

export { type OutcomeOption, OutcomeOptionSchema, REFERRAL_COLOURS, type ReferralColour } from "./matches";

/**
 * The referral portal (seed 003): employees ("verwijzers") refer people they know to their
 * organisation's vacancies; the organisation moves each referred candidate through milestones
 * whose outcomes are green, orange or red; referrers follow progress and earn points.
 */

/** How the referral came: the referrer entered the person, or the person applied via the link. */
export const REFERRAL_CHANNELS = ["direct", "link"] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];

const Postcode = z
  .string()
  .trim()
  .regex(/^(\d{4} ?[A-Za-z]{2}|\d{4})$/, { message: "postcode_invalid" })
  .transform((v) => v.toUpperCase().replace(/^(\d{4}) ?([A-Z]{2})$/, "$1 $2"));
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, { message: "phone_invalid" });
const Name = z.string().trim().min(1).max(100);

// --- The referrer's side -----------------------------------------------------------------------

/** A vacancy the referrer may refer people to, with their own link to share. */
export const ReferrableVacancySchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  city: z.string().nullable(),
  site: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  closesOn: z.string().nullable(),
  /** The referrer's personal link: who applies through it counts as referred by them. */
  shareUrl: z.string().url(),
  /** How many people the referrer referred to this vacancy already. */
  referredByMe: z.number().int(),
});
export type ReferrableVacancy = z.infer<typeof ReferrableVacancySchema>;
export const ReferrableVacancyListResponseSchema = z.object({ vacancies: z.array(ReferrableVacancySchema) });

/** The referrer enters a person they know; the person is asked to confirm by mail. */
export const CreateReferralRequestSchema = z.strictObject({
  vacancyId: z.string().uuid(),
  firstName: Name,
  lastName: Name,
  email: z.string().trim().toLowerCase().email({ message: "email_invalid" }).max(200),
  phone: Phone,
  postcode: Postcode,
  /** Why the person fits ("waarom past deze persoon?"). */
  reason: z.string().trim().min(1).max(2000),
  /** The referrer asked the person and they agreed to be referred. */
  consent: z.literal(true, { message: "consent_required" }),
});
export type CreateReferralRequest = z.infer<typeof CreateReferralRequestSchema>;

/** A milestone as the referrer sees it: the colour only, never comments or reasons. */
export const ReferrerMilestoneSchema = z.object({
  key: z.string(),
  label: LabelsSchema,
  colour: z.enum(REFERRAL_COLOURS).nullable(),
  at: z.string().nullable(),
});

/** A person the caller referred, with their progress and the points it earned. */
export const MyReferralSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  vacancy: z.object({ id: z.string().uuid(), title: z.string() }),
  channel: z.enum(REFERRAL_CHANNELS),
  referredAt: z.string(),
  /** When the person confirmed their interest (EOI); null while the mail is unanswered. */
  confirmedAt: z.string().nullable(),
  /** "live", or "stopped" ("niet verder") after a red outcome: never the reason. */
  state: z.enum(["live", "stopped"]),
  milestones: z.array(ReferrerMilestoneSchema),
  points: z.number().int(),
});
export type MyReferral = z.infer<typeof MyReferralSchema>;
export const MyReferralListResponseSchema = z.object({ referrals: z.array(MyReferralSchema) });
export const MyReferralResponseSchema = z.object({ referral: MyReferralSchema });

/** One line of the points ledger: an award, or its reversal after an undo (negative). */
export const PointsEntrySchema = z.object({
  id: z.string().uuid(),
  at: z.string(),
  points: z.number().int(),
  milestone: LabelsSchema,
  candidateName: z.string(),
  vacancyTitle: z.string(),
  reversal: z.boolean(),
});
export type PointsEntry = z.infer<typeof PointsEntrySchema>;
export const MyPointsResponseSchema = z.object({
  balance: z.number().int(),
  entries: z.array(PointsEntrySchema),
});
export type MyPointsResponse = z.infer<typeof MyPointsResponseSchema>;

// --- The referred person's confirmation (public, by the token in their mail) -------------------

export const ReferralInvitationResponseSchema = z.object({
  vacancy: z.object({ title: z.string(), organisation: z.string(), city: z.string().nullable() }),
  referrerName: z.string(),
  person: z.object({
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string(),
    postcode: z.string(),
    placeId: z.string().nullable(),
  }),
  confirmedAt: z.string().nullable(),
});
export type ReferralInvitationResponse = z.infer<typeof ReferralInvitationResponseSchema>;

export const ConfirmReferralRequestSchema = z.strictObject({
  firstName: Name,
  lastName: Name,
  phone: Phone,
  postcode: Postcode,
  /** Home place from the reference data, for the distance to the work. */
  placeId: z.string().max(100).nullable().optional(),
});
export type ConfirmReferralRequest = z.infer<typeof ConfirmReferralRequestSchema>;

// --- The organisation's side: the candidates list and the milestones ---------------------------

export const REFERRAL_SORTS = ["updated", "name", "eoi"] as const;
export const REFERRAL_STATUSES = ["none", ...REFERRAL_COLOURS] as const;

export const ReferralListQuerySchema = z.strictObject({
  archived: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  siteId: z.string().uuid().optional(),
  /** Candidate's or referrer's name. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(REFERRAL_SORTS).default("updated"),
  /** The milestone (phase key) the candidate is at. */
  phase: z.string().max(40).optional(),
  /** The colour of the current milestone's outcome; "none" for not yet given. */
  status: z.enum(REFERRAL_STATUSES).optional(),
  /** Place of the vacancy (its site's or its own city). */
  city: z.string().trim().max(120).optional(),
  vacancyId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReferralListQuery = z.input<typeof ReferralListQuerySchema>;

export const ReferralSummarySchema = z.object({
  id: z.string().uuid(),
  matchId: z.string().uuid(),
  candidateName: z.string(),
  referrer: z.object({ id: z.string(), name: z.string() }).nullable(),
  vacancy: z.object({ id: z.string().uuid(), title: z.string(), city: z.string().nullable() }),
  site: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  channel: z.enum(REFERRAL_CHANNELS),
  /** The milestone reached (the last with an outcome) or null when none was marked yet. */
  phase: z.object({ key: z.string(), label: LabelsSchema }).nullable(),
  status: z.enum(REFERRAL_STATUSES),
  archived: z.boolean(),
  eoiAt: z.string().nullable(),
  referredAt: z.string(),
  updatedAt: z.string(),
});
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

export const ReferralListResponseSchema = z.object({
  items: z.array(ReferralSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** What the filters offer: the caller's sites, vacancies with referrals, milestones, places. */
  facets: z.object({
    sites: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
    vacancies: z.array(z.object({ id: z.string().uuid(), title: z.string() })),
    phases: z.array(z.object({ key: z.string(), label: LabelsSchema })),
    cities: z.array(z.string()),
  }),
});
export type ReferralListResponse = z.infer<typeof ReferralListResponseSchema>;

export const StaffMilestoneSchema = z.object({
  phaseId: z.string().uuid(),
  key: z.string(),
  label: LabelsSchema,
  options: z.array(OutcomeOptionSchema),
  /** The outcome that stands on this milestone, if any. */
  outcome: z
    .object({
      option: OutcomeOptionSchema.nullable(),
      colour: z.enum(REFERRAL_COLOURS),
      at: z.string(),
      by: z.object({ id: z.string(), name: z.string() }).nullable(),
      comment: z.string().nullable(),
    })
    .nullable(),
  /** Whether an outcome may be given now (the open milestone). */
  open: z.boolean(),
  /** Whether its outcome is the last step and may be undone. */
  undoable: z.boolean(),
  /** Points a green outcome here gives the referrer (0: none). */
  points: z.number().int(),
});
export type StaffMilestone = z.infer<typeof StaffMilestoneSchema>;

export const ReferralDetailSchema = ReferralSummarySchema.extend({
  contact: z.object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    /** Straight-line distance from home to the vacancy's site (or the vacancy's place). */
    distanceKm: z.number().nullable(),
  }),
  reason: z.string(),
  consentAt: z.string(),
  milestones: z.array(StaffMilestoneSchema),
  /** Whether the caller may give outcomes and undo them. */
  mayUpdate: z.boolean(),
});
export type ReferralDetail = z.infer<typeof ReferralDetailSchema>;
export const ReferralDetailResponseSchema = z.object({ referral: ReferralDetailSchema });

export const RecordOutcomeRequestSchema = z.strictObject({
  /** The option of the milestone's list ("key"), which carries the colour. */
  option: z.string().max(40),
  comment: z.string().trim().max(2000).optional(),
});
export type RecordOutcomeRequest = z.infer<typeof RecordOutcomeRequestSchema>;

// --- Results: leaderboard and referrals/hires per month ----------------------------------------

export const ReferralStatsQuerySchema = z.strictObject({
  siteId: z.string().uuid().optional(),
  /** First and last day of the period (inclusive, yyyy-mm-dd); default the last 12 months. */
  from: z.string().date().optional(),
  to: z.string().date().optional(),
});
export const ReferralStatsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  leaderboard: z.array(
    z.object({
      referrer: z.object({ id: z.string(), name: z.string() }),
      referrals: z.number().int(),
      hires: z.number().int(),
      points: z.number().int(),
    }),
  ),
  perMonth: z.array(z.object({ month: z.string(), referrals: z.number().int(), hires: z.number().int() })),
});
export type ReferralStatsResponse = z.infer<typeof ReferralStatsResponseSchema>;

// --- Settings: milestones and points per organisation -------------------------------------------

export const ReferralSettingsSchema = z.object({
  organisationId: z.string().uuid(),
  procedureId: z.string().uuid(),
  milestones: z.array(
    z.object({
      /** null for a milestone being added. */
      phaseId: z.string().uuid().nullable(),
      key: z.string(),
      label: LabelsSchema,
      options: z.array(OutcomeOptionSchema),
      points: z.number().int().min(0).max(10000),
    }),
  ),
});
export type ReferralSettings = z.infer<typeof ReferralSettingsSchema>;
export const ReferralSettingsResponseSchema = z.object({ settings: ReferralSettingsSchema });
export const ReferralSettingsQuerySchema = z.strictObject({ organisationId: z.string().uuid().optional() });

/** The whole ordered list: existing milestones by phaseId (renamed, moved), new ones without. */
export const UpdateReferralSettingsRequestSchema = z.strictObject({
  organisationId: z.string().uuid(),
  milestones: z
    .array(
      z.strictObject({
        phaseId: z.string().uuid().nullable(),
        label: z.strictObject({
          nl: z.string().trim().min(1).max(120),
          en: z.string().trim().min(1).max(120),
          de: z.string().trim().max(120).optional(),
          fr: z.string().trim().max(120).optional(),
        }),
        options: z
          .array(
            z.strictObject({
              key: z
                .string()
                .regex(/^[a-z0-9_]{1,40}$/)
                .optional(),
              colour: z.enum(REFERRAL_COLOURS),
              label: z.strictObject({
                nl: z.string().trim().min(1).max(120),
                en: z.string().trim().min(1).max(120),
              }),
            }),
          )
          .min(1)
          .max(12),
        points: z.number().int().min(0).max(10000),
      }),
    )
    .min(1)
    .max(20),
});
export type UpdateReferralSettingsRequest = z.infer<typeof UpdateReferralSettingsRequestSchema>;

// --- Whether the caller works with referrals, and their unread referral notices --------------

export const ReferralReachResponseSchema = z.object({
  /** The caller manages an organisation that takes referrals: "Verwijzingen" leads somewhere. */
  works: z.boolean(),
  /** Unread notices about referrals: new referred candidates (staff) or progress (referrers). */
  unread: z.number().int().min(0),
});
export type ReferralReachResponse = z.infer<typeof ReferralReachResponseSchema>;

export const READABLE_REFERRAL_NOTICES = ["new", "progress"] as const;
export const ReadReferralNoticesRequestSchema = z.strictObject({
  /** "new": new referred candidates (the list was opened); "progress": the referrer's updates. */
  kind: z.enum(READABLE_REFERRAL_NOTICES),
});
export const ReadReferralNoticesResponseSchema = z.object({ read: z.number().int().min(0) });

/** Whether the vacancy's owner hears of every newly referred candidate (a per-vacancy choice). */
export const ReferralNoticeSettingSchema = z.object({ notify: z.boolean() });
export const UpdateReferralNoticeSettingRequestSchema = z.strictObject({ notify: z.boolean() });
