import { z } from "zod";
import { LocaleSchema } from "./common";
import { IsoDateSchema } from "./vacancies";

/**
 * Selection results (issue 16 parts 3 and 4, Vlimpers): a vacancy's selection parts
 * ("Schriftelijke proef", "Jurygesprek"), the jury's scores and verdicts per applicant and part,
 * the officer's decision per applicant, the selection report (PV-rapport) and its approval by
 * the vacancy's HR officer or leader ("Vacatures goedkeuren").
 */

const Required = (max: number) => z.string().trim().min(1, { message: "required" }).max(max);
const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const VERDICTS = ["suitable", "unsuitable"] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** The selection procedure's phases the officer decides to (matches module's phase keys). */
export const OUTCOMES = ["passed", "failed", "reserve"] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const SCORE_MAX_LIMIT = 1000;

export const SelectionPartSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  dates: z.array(IsoDateSchema),
  maxScore: z.number().int(),
  /** Whether a jury member scored it already: then it cannot be removed. */
  scored: z.boolean(),
});
export type SelectionPart = z.infer<typeof SelectionPartSchema>;

export const SelectionPartInputSchema = z.object({
  /** An existing part keeps its scores; without an id a new part is made. */
  id: z.string().uuid().optional(),
  name: Required(120),
  dates: z.array(IsoDateSchema).max(20).default([]),
  maxScore: z.number().int().min(1).max(SCORE_MAX_LIMIT),
});

/** The vacancy's parts in the order given; a scored part left out is refused. */
export const PutSelectionPartsRequestSchema = z.object({
  parts: z.array(SelectionPartInputSchema).max(20),
});
export type PutSelectionPartsRequest = z.input<typeof PutSelectionPartsRequestSchema>;

export const ScoreRequestSchema = z.object({
  /** 0..the part's maximum, in steps of 0.01; null: a verdict only. */
  score: z.number().min(0).max(SCORE_MAX_LIMIT).nullable().default(null),
  verdict: VerdictSchema.nullable().default(null),
  motivation: Optional(4000),
});
export type ScoreRequest = z.input<typeof ScoreRequestSchema>;

export const DecideRequestSchema = z.object({
  matchId: z.string().uuid(),
  outcome: OutcomeSchema,
  comment: Optional(2000),
});
export type DecideRequest = z.input<typeof DecideRequestSchema>;

const PersonSchema = z.object({ id: z.string(), name: z.string() });

export const JuryScoreSchema = z.object({
  jury: PersonSchema,
  score: z.number().nullable(),
  verdict: VerdictSchema.nullable(),
  motivation: z.string().nullable(),
  at: z.string(),
});
export type JuryScore = z.infer<typeof JuryScoreSchema>;

export const PartResultSchema = z.object({
  partId: z.string().uuid(),
  /** Officers see every jury member's; a jury member only their own. */
  scores: z.array(JuryScoreSchema),
  /** The mean of the jury's scores (2 decimals); null without scores or for a jury member. */
  average: z.number().nullable(),
  suitable: z.number().int(),
  unsuitable: z.number().int(),
});
export type PartResult = z.infer<typeof PartResultSchema>;

export const ApplicantResultSchema = z.object({
  matchId: z.string().uuid(),
  name: z.string(),
  phase: z.object({ key: z.string(), label: z.string() }),
  /** The officer's decision: the applicant's phase when it is one of passed/failed/reserve/hired. */
  decision: z.string().nullable(),
  results: z.array(PartResultSchema),
  /** The sum of the parts' averages; null without any score (or for a jury member). */
  total: z.number().nullable(),
  /** Position by total, 1 = highest; equal totals share a place. Null without a total. */
  rank: z.number().int().nullable(),
});
export type ApplicantResult = z.infer<typeof ApplicantResultSchema>;

export const APPROVAL_STATUSES = ["pending", "approved", "rejected"] as const;
export const ApprovalStatusSchema = z.enum(APPROVAL_STATUSES);
export type ApprovalStatus = z.infer<typeof ApprovalStatusSchema>;

export const ApprovalSummarySchema = z.object({
  id: z.string().uuid(),
  status: ApprovalStatusSchema,
  approver: PersonSchema,
  requestedBy: PersonSchema,
  message: z.string().nullable(),
  remarks: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ApprovalSummary = z.infer<typeof ApprovalSummarySchema>;

export const SelectionOverviewSchema = z.object({
  vacancy: z.object({ id: z.string().uuid(), title: z.string(), status: z.string() }),
  parts: z.array(SelectionPartSchema),
  jury: z.array(PersonSchema),
  applicants: z.array(ApplicantResultSchema),
  /** The maximum total: the sum of the parts' maxima. */
  maxTotal: z.number(),
  /** The latest approval request of the PV, if any. */
  approval: ApprovalSummarySchema.nullable(),
  /** Whom the officer may ask approval: the vacancy's HR officers and leaders. */
  approvers: z.array(PersonSchema.extend({ role: z.enum(["hr", "leader"]) })),
  permissions: z.object({
    /** The officer: parts, decisions, the PV and asking approval. */
    manage: z.boolean(),
    /** A jury member of the vacancy: scores. */
    score: z.boolean(),
    /** Why nothing may change now, if so. */
    locked: z.enum(["closed", "approval_pending", "approved"]).nullable(),
  }),
});
export type SelectionOverview = z.infer<typeof SelectionOverviewSchema>;

export const ReportQuerySchema = z.object({
  format: z.enum(["json", "pdf", "xlsx"]).default("json"),
  /** The file's language when a link is followed (a browser sends its own Accept-Language). */
  lang: LocaleSchema.optional(),
});

/** The PV-rapport: what the PDF and the spreadsheet show, fixed when approval is asked. */
export const SelectionReportSchema = z.object({
  vacancy: z.object({
    id: z.string().uuid(),
    title: z.string(),
    organisation: z.string(),
    owner: z.string().nullable(),
  }),
  generatedAt: z.string(),
  jury: z.array(PersonSchema),
  parts: z.array(SelectionPartSchema.omit({ scored: true })),
  maxTotal: z.number(),
  applicants: z.array(
    ApplicantResultSchema.extend({
      phase: z.object({ key: z.string(), label: z.object({ nl: z.string(), en: z.string() }) }),
    }),
  ),
});
export type SelectionReport = z.infer<typeof SelectionReportSchema>;

export const RequestApprovalSchema = z.object({
  approverUserId: z.string().min(1),
  message: Optional(2000),
});
export type RequestApproval = z.input<typeof RequestApprovalSchema>;

export const DecideApprovalSchema = z.object({
  decision: z.enum(["approved", "rejected"]),
  remarks: Optional(4000),
});
export type DecideApproval = z.input<typeof DecideApprovalSchema>;

export const ApprovalRequestSchema = ApprovalSummarySchema.extend({
  vacancy: z.object({ id: z.string().uuid(), title: z.string(), organisation: z.string() }),
  /** Whether the caller (the approver) may decide now. */
  mayDecide: z.boolean(),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequestSchema>;

export const ApprovalListResponseSchema = z.object({ items: z.array(ApprovalRequestSchema) });
export type ApprovalListResponse = z.infer<typeof ApprovalListResponseSchema>;

export const ApprovalDetailSchema = ApprovalRequestSchema.extend({ report: SelectionReportSchema });
export type ApprovalDetail = z.infer<typeof ApprovalDetailSchema>;
