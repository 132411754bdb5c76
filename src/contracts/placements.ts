import { z } from "zod";
import { ActorSchema } from "./matches";

/*
 * Placements and timesheets (issue 13, Carerix "Urenstaten"): a hired candidate's placement with
 * the employer, the weeks of hours they submit, the contact's approval and the payroll export.
 */

export const HOUR_KINDS = ["normal", "overtime", "travel"] as const;
export const HourKindSchema = z.enum(HOUR_KINDS);
export type HourKind = z.infer<typeof HourKindSchema>;

/** draft: saved by the candidate; submitted: "Verzonden"; approved and rejected by the approver. */
export const TIMESHEET_STATUSES = ["draft", "submitted", "approved", "rejected"] as const;
export const TimesheetStatusSchema = z.enum(TIMESHEET_STATUSES);
export type TimesheetStatus = z.infer<typeof TimesheetStatusSchema>;

export const PLACEMENT_STATES = ["upcoming", "active", "ended"] as const;
export type PlacementState = (typeof PLACEMENT_STATES)[number];

export const TIMESHEET_MAIL_MODES = ["each", "daily"] as const;
export type TimesheetMailMode = (typeof TIMESHEET_MAIL_MODES)[number];

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date");
/** The Monday a week starts on (ISO 8601 weeks). */
export const WeekStartSchema = DateSchema;

const Named = z.object({ id: z.string().uuid(), name: z.string() });
const VacancyRef = z.object({ id: z.string().uuid(), displayTitle: z.string() });

/** Hours per kind and in all; numbers of hours with quarter hours (0.25). */
export const HourTotalsSchema = z.object({
  normal: z.number().min(0),
  overtime: z.number().min(0),
  travel: z.number().min(0),
  total: z.number().min(0),
});
export type HourTotals = z.infer<typeof HourTotalsSchema>;

/** Rates are in euro cents per hour. */
const RateCentsSchema = z.number().int().min(0).max(100_000_00);

export const PlacementSchema = z.object({
  id: z.string().uuid(),
  matchId: z.string().uuid(),
  candidate: Named,
  vacancy: VacancyRef,
  /** The employer (the top organisation of the vacancy's). */
  employer: Named,
  /** The contact persons who approve the weeks. */
  approvers: z.array(z.object({ contactPersonId: z.string().uuid(), name: z.string() })),
  startDate: DateSchema,
  endDate: DateSchema.nullable(),
  /** "Goedkeuring weekstaten door opdrachtgever nodig". */
  needsClientApproval: z.boolean(),
  rateCents: RateCentsSchema.nullable(),
  /** "Niet factureerbaar". */
  nonBillable: z.boolean(),
  state: z.enum(PLACEMENT_STATES),
  /**
   * Whether the contacts see and decide the submitted weeks today (Carerix's three conditions:
   * started and not ended, client approval needed, a valid billable rate); otherwise the recruiter does.
   */
  approvedByContacts: z.boolean(),
  /** Weeks waiting for a decision, and the hours approved so far. */
  waiting: z.number().int().min(0),
  approvedHours: z.number().min(0),
  createdBy: ActorSchema.nullable(),
  createdAt: z.string(),
});
export type Placement = z.infer<typeof PlacementSchema>;
export const PlacementResponseSchema = z.object({ placement: PlacementSchema });

const PlacementFieldsSchema = z.object({
  approverIds: z.array(z.string().uuid()).max(20).default([]),
  startDate: DateSchema,
  endDate: DateSchema.nullable().default(null),
  needsClientApproval: z.boolean().default(true),
  rateCents: RateCentsSchema.nullable().default(null),
  nonBillable: z.boolean().default(false),
});

/** "Plaatsing vastleggen" on a match in a hired phase. */
export const CreatePlacementRequestSchema = PlacementFieldsSchema.extend({
  matchId: z.string().uuid(),
}).strict();
export type CreatePlacementRequest = z.infer<typeof CreatePlacementRequestSchema>;

export const UpdatePlacementRequestSchema = z
  .object({
    approverIds: z.array(z.string().uuid()).max(20),
    startDate: DateSchema,
    endDate: DateSchema.nullable(),
    needsClientApproval: z.boolean(),
    rateCents: RateCentsSchema.nullable(),
    nonBillable: z.boolean(),
  })
  .partial()
  .strict();
export type UpdatePlacementRequest = z.infer<typeof UpdatePlacementRequestSchema>;

export const PlacementListQuerySchema = z.object({
  status: z.enum(["active", "upcoming", "ended", "all"]).default("active"),
  employerId: z.string().uuid().optional(),
  /** Candidate or vacancy name contains. */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type PlacementListQuery = z.infer<typeof PlacementListQuerySchema>;

export const PlacementListResponseSchema = z.object({
  placements: z.array(PlacementSchema),
  total: z.number().int().min(0),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The employers the caller's placements are with, for the filter. */
  employers: z.array(Named),
});
export type PlacementListResponse = z.infer<typeof PlacementListResponseSchema>;

/** What the "Plaatsing vastleggen" dialog needs for one match. */
export const PlacementOptionsResponseSchema = z.object({
  /** Whether the match is in a hired phase and the caller may record its placement. */
  mayPlace: z.boolean(),
  /** The employer's contact persons with portal access, who can approve hours. */
  approvers: z.array(
    z.object({ contactPersonId: z.string().uuid(), name: z.string(), email: z.string().nullable() }),
  ),
  /** The placement already recorded for this match. */
  placement: PlacementSchema.nullable(),
});
export type PlacementOptionsResponse = z.infer<typeof PlacementOptionsResponseSchema>;

// --- Timesheets ("weekstaten") --------------------------------------------------------------------

export const TimesheetEntrySchema = z.object({
  date: DateSchema,
  kind: HourKindSchema.default("normal"),
  /** Hours with quarter hours: 7.75 is 7 hours 45 minutes. */
  hours: z.number().multipleOf(0.25).min(0.25).max(24),
});
export type TimesheetEntry = z.infer<typeof TimesheetEntrySchema>;

export const TIMESHEET_ACTIONS = ["submitted", "resubmitted", "approved", "rejected"] as const;
export type TimesheetAction = (typeof TIMESHEET_ACTIONS)[number];

/** A week in lists: whose, which week, status and totals. */
export const TimesheetSummarySchema = z.object({
  /** Null for a week nobody has saved yet. */
  id: z.string().uuid().nullable(),
  placementId: z.string().uuid(),
  weekStart: WeekStartSchema,
  /** ISO week, e.g. "2026-W49". */
  week: z.string(),
  status: TimesheetStatusSchema.nullable(),
  candidate: Named,
  vacancy: VacancyRef,
  employer: Named,
  totals: HourTotalsSchema,
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: ActorSchema.nullable(),
  /** The approver's comment on the latest decision (a rejected week shows why in the candidate's list). */
  decisionComment: z.string().nullable().default(null),
});
export type TimesheetSummary = z.infer<typeof TimesheetSummarySchema>;

/** One week opened: its days, the remark, the decision and the approval log. */
export const TimesheetSchema = TimesheetSummarySchema.extend({
  entries: z.array(TimesheetEntrySchema.required()),
  remark: z.string(),
  decisionComment: z.string().nullable(),
  /** The days of the week that fall within the placement (others cannot take hours). */
  days: z.array(z.object({ date: DateSchema, inPlacement: z.boolean() })).length(7),
  log: z.array(
    z.object({
      action: z.enum(TIMESHEET_ACTIONS),
      by: ActorSchema.nullable(),
      at: z.string(),
      comment: z.string().nullable(),
    }),
  ),
  rateCents: RateCentsSchema.nullable(),
  /** The candidate may still change and (re)submit it (draft or rejected). */
  mayEdit: z.boolean(),
  /** The caller may approve or reject it now. */
  mayDecide: z.boolean(),
});
export type Timesheet = z.infer<typeof TimesheetSchema>;
export const TimesheetResponseSchema = z.object({ timesheet: TimesheetSchema });

/** Saving a week as a draft, or submitting it ("Versturen") with what the form holds. */
export const SaveTimesheetRequestSchema = z
  .object({
    entries: z.array(TimesheetEntrySchema).max(7 * HOUR_KINDS.length),
    remark: z.string().trim().max(2000).default(""),
  })
  .strict();
export type SaveTimesheetRequest = z.infer<typeof SaveTimesheetRequestSchema>;

export const TimesheetDecisionRequestSchema = z
  .object({
    decision: z.enum(["approve", "reject"]),
    comment: z.string().trim().max(2000).default(""),
  })
  .strict();
export type TimesheetDecisionRequest = z.infer<typeof TimesheetDecisionRequestSchema>;

/** Approving several weeks at once (the contact's dashboard); all of them or none. */
export const BulkApproveRequestSchema = z
  .object({ timesheetIds: z.array(z.string().uuid()).min(1).max(100) })
  .strict();
export type BulkApproveRequest = z.infer<typeof BulkApproveRequestSchema>;
export const BulkApproveResponseSchema = z.object({ approved: z.number().int().min(0) });

export const TimesheetListQuerySchema = z.object({
  /** waiting: submitted weeks the caller decides; decided: approved or rejected (latest first). */
  status: z.enum(["waiting", "decided"]).default("waiting"),
});
export const TimesheetListResponseSchema = z.object({ timesheets: z.array(TimesheetSummarySchema) });
export type TimesheetListResponse = z.infer<typeof TimesheetListResponseSchema>;

/** The candidate's placements with their weeks (from the start up to this week). */
export const MyPlacementSchema = z.object({
  placement: PlacementSchema.pick({
    id: true,
    vacancy: true,
    employer: true,
    startDate: true,
    endDate: true,
    state: true,
  }),
  weeks: z.array(TimesheetSummarySchema),
});
export type MyPlacement = z.infer<typeof MyPlacementSchema>;
export const MyPlacementsResponseSchema = z.object({ placements: z.array(MyPlacementSchema) });
export type MyPlacementsResponse = z.infer<typeof MyPlacementsResponseSchema>;

/** The recruiter's view of one placement: the weeks with totals (for the chart of hours per week). */
export const PlacementDetailResponseSchema = z.object({
  placement: PlacementSchema,
  weeks: z.array(TimesheetSummarySchema),
  totals: HourTotalsSchema,
  mayEdit: z.boolean(),
});
export type PlacementDetailResponse = z.infer<typeof PlacementDetailResponseSchema>;

export const TimesheetMailPreferenceSchema = z.object({ mode: z.enum(TIMESHEET_MAIL_MODES) }).strict();
export type TimesheetMailPreference = z.infer<typeof TimesheetMailPreferenceSchema>;

/** Approved hours for payroll and invoicing, by the week's Monday. */
export const TimesheetExportQuerySchema = z
  .object({
    from: DateSchema,
    to: DateSchema,
    employerId: z.string().uuid().optional(),
    format: z.enum(["csv", "xlsx"]).default("xlsx"),
    /** The file's language (headers, separators, decimals); else the request's Accept-Language. */
    lang: z.enum(["nl", "en"]).optional(),
  })
  .strict();
export type TimesheetExportQuery = z.infer<typeof TimesheetExportQuerySchema>;
