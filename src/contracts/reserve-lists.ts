import { z } from "zod";

/**
 * Reserve lists ("werfreserve") and closing a selection procedure (issue 16 parts 5 and 6,
 * Vlimpers): a vacancy's laureates in ranking order with a validity period, called up for
 * another vacancy of the organisation; "afsluiten" (completed) and "annuleren" (cancelled).
 */

const Uuid = z.string().uuid();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date_invalid" });

/** Upcoming (before its start), valid, or expired (after its end). */
export const RESERVE_LIST_STATES = ["upcoming", "valid", "expired"] as const;
export type ReserveListState = (typeof RESERVE_LIST_STATES)[number];

export const ReserveListValiditySchema = z
  .object({ startsOn: IsoDate, endsOn: IsoDate })
  .refine((v) => v.endsOn >= v.startsOn, { message: "reserve_list_end_before_start", path: ["endsOn"] });
export type ReserveListValidity = z.infer<typeof ReserveListValiditySchema>;

export const AddLaureatesRequestSchema = z.object({
  /** Applicants (matches) of the list's vacancy, added after the laureates already on it, in this order. */
  matchIds: z
    .array(Uuid)
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, { message: "duplicate_ids" }),
});
export type AddLaureatesRequest = z.infer<typeof AddLaureatesRequestSchema>;

export const OrderLaureatesRequestSchema = z.object({
  /** Every laureate of the list, in the new ranking order. */
  laureateIds: z
    .array(Uuid)
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: "duplicate_ids" }),
});
export type OrderLaureatesRequest = z.infer<typeof OrderLaureatesRequestSchema>;

/** "call_up": oproepen, the laureate is mailed; "added": added by hand, without a mail. */
export const CALL_UP_KINDS = ["call_up", "added"] as const;
export type CallUpKind = (typeof CALL_UP_KINDS)[number];

export const CallUpRequestSchema = z.object({
  vacancyId: Uuid,
  kind: z.enum(CALL_UP_KINDS).default("call_up"),
});
export type CallUpRequest = z.input<typeof CallUpRequestSchema>;

const VacancyRef = z.object({ id: Uuid, title: z.string() });
const PersonRef = z.object({ id: z.string(), name: z.string() });

export const CallUpSchema = z.object({
  id: Uuid,
  kind: z.enum(CALL_UP_KINDS),
  vacancy: VacancyRef,
  /** The new match on that vacancy (null once it was removed). */
  matchId: Uuid.nullable(),
  by: PersonRef.nullable(),
  at: z.string(),
});
export type CallUp = z.infer<typeof CallUpSchema>;

export const LaureateSchema = z.object({
  id: Uuid,
  position: z.number().int(),
  matchId: Uuid,
  candidateId: Uuid,
  name: z.string(),
  email: z.string().nullable(),
  /** The applicant's current phase on the list's vacancy, in the reader's language. */
  phase: z.string(),
  addedAt: z.string(),
  callUps: z.array(CallUpSchema),
});
export type Laureate = z.infer<typeof LaureateSchema>;

export const ReserveListSchema = z.object({
  id: Uuid,
  vacancy: VacancyRef.extend({ status: z.string() }),
  organisationId: Uuid,
  startsOn: z.string(),
  endsOn: z.string(),
  state: z.enum(RESERVE_LIST_STATES),
  laureates: z.array(LaureateSchema),
  permissions: z.object({
    /** Change the validity and the order, remove laureates. */
    manage: z.boolean(),
    /** Add applicants of the vacancy (not after the procedure was closed). */
    addLaureates: z.boolean(),
    /** Call laureates up for another vacancy (only while the list is valid). */
    callUp: z.boolean(),
  }),
});
export type ReserveList = z.infer<typeof ReserveListSchema>;
export const ReserveListResponseSchema = z.object({ reserveList: ReserveListSchema });
export type ReserveListResponse = z.infer<typeof ReserveListResponseSchema>;

/** A vacancy's reserve list, or none yet, and whether the caller may make one. */
export const VacancyReserveListResponseSchema = z.object({
  reserveList: ReserveListSchema.nullable(),
  mayCreate: z.boolean(),
});
export type VacancyReserveListResponse = z.infer<typeof VacancyReserveListResponseSchema>;

export const ReserveListSummarySchema = z.object({
  id: Uuid,
  vacancy: VacancyRef.extend({ status: z.string() }),
  organisationName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: z.enum(RESERVE_LIST_STATES),
  laureates: z.number().int(),
  callUps: z.number().int(),
});
export type ReserveListSummary = z.infer<typeof ReserveListSummarySchema>;
export const ReserveListOverviewResponseSchema = z.object({ items: z.array(ReserveListSummarySchema) });
export type ReserveListOverviewResponse = z.infer<typeof ReserveListOverviewResponseSchema>;

/** The vacancies a laureate may be called up for: the organisation's open ones the caller may change. */
export const CallUpTargetsResponseSchema = z.object({
  vacancies: z.array(VacancyRef.extend({ status: z.string() })),
});
export type CallUpTargetsResponse = z.infer<typeof CallUpTargetsResponseSchema>;

export const CallUpResponseSchema = z.object({ callUp: CallUpSchema, reserveList: ReserveListSchema });
export type CallUpResponse = z.infer<typeof CallUpResponseSchema>;

// --- Closing a selection procedure ---------------------------------------------------------------

/** "Afsluiten" (the procedure ran its course) or "annuleren" (it was stopped, with a reason). */
export const CLOSURE_KINDS = ["completed", "cancelled"] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

export const CloseProcedureRequestSchema = z
  .object({
    kind: z.enum(CLOSURE_KINDS),
    reason: z.string().trim().max(2000).nullish(),
  })
  .refine((v) => v.kind !== "cancelled" || (v.reason ?? "").length > 0, {
    message: "closure_reason_required",
    path: ["reason"],
  });
export type CloseProcedureRequest = z.input<typeof CloseProcedureRequestSchema>;

export const ClosureSchema = z.object({
  kind: z.enum(CLOSURE_KINDS),
  reason: z.string().nullable(),
  by: PersonRef.nullable(),
  at: z.string(),
  /** Applicants still open who were sent the final mail. */
  mailed: z.number().int(),
});
export type Closure = z.infer<typeof ClosureSchema>;

export const ClosureResponseSchema = z.object({
  closure: ClosureSchema.nullable(),
  /** Whether the caller may close the procedure now (a selection procedure, not closed yet). */
  mayClose: z.boolean(),
  /** Applicants still open (they get a final mail when the procedure is closed). */
  openApplicants: z.number().int(),
});
export type ClosureResponse = z.infer<typeof ClosureResponseSchema>;
