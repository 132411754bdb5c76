import { z } from "zod";

/**
 * Matches (candidate x vacancy) move through the phases of a procedure (decision 0016): the
 * recruitment phases of a hiring-manager portal (Carerix), the milestones of a referral portal
 * with green/orange/red outcomes, and the applicant statuses of a selection procedure (Vlimpers).
 */
export const PROCEDURE_KINDS = ["recruitment", "referral", "selection"] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

/** What being in a phase means; every meaning but "active" ends the match until a step is undone. */
export const PHASE_MEANINGS = ["active", "hired", "rejected", "archived", "withdrawn"] as const;
export type PhaseMeaning = (typeof PHASE_MEANINGS)[number];

/** Outcomes a phase may allow: the referral milestones' colours, a test's result. Red archives. */
export const OUTCOMES = ["green", "orange", "red", "passed", "failed"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A person's verdict on a match (the hiring manager's "goedkeuren/afkeuren"). */
export const EVALUATION_VERDICTS = ["yes", "maybe", "no"] as const;
export type EvaluationVerdict = (typeof EVALUATION_VERDICTS)[number];

export const MATCH_SOURCES = ["applied", "saved", "proposed"] as const;

/** Phase and procedure names in every language a contact person may read. */
export const LabelsSchema = z.object({ nl: z.string(), en: z.string(), de: z.string(), fr: z.string() });
export type Labels = z.infer<typeof LabelsSchema>;

export const PhaseSchema = z.object({
  id: z.string().uuid(),
  procedureId: z.string().uuid(),
  /** Stable name from the template, e.g. "applied", "proposed", "contact_made". */
  key: z.string(),
  position: z.number().int(),
  label: LabelsSchema,
  /** Whether contact persons (hiring managers) see matches in this phase. */
  visibleToContacts: z.boolean(),
  outcomes: z.array(z.enum(OUTCOMES)),
  meaning: z.enum(PHASE_MEANINGS),
});
export type Phase = z.infer<typeof PhaseSchema>;

export const ProcedureSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  name: LabelsSchema,
  kind: z.enum(PROCEDURE_KINDS),
  isDefault: z.boolean(),
  phases: z.array(PhaseSchema),
});
export type Procedure = z.infer<typeof ProcedureSchema>;
export const ProcedureListResponseSchema = z.object({ procedures: z.array(ProcedureSchema) });
export const ProcedureResponseSchema = z.object({ procedure: ProcedureSchema });
export const ProcedureListQuerySchema = z.object({ organisationId: z.string().uuid().optional() });

const ActorSchema = z.object({ id: z.string(), name: z.string() });

export const MatchSummarySchema = z.object({
  id: z.string().uuid(),
  vacancyId: z.string().uuid(),
  candidate: z.object({ id: z.string().uuid(), name: z.string() }),
  source: z.enum(MATCH_SOURCES),
  procedureId: z.string().uuid(),
  phaseId: z.string().uuid(),
  /** The outcome given in the current phase, if any. */
  outcome: z.enum(OUTCOMES).nullable(),
  /** The phase's meaning, or "archived" after a red outcome. */
  state: z.enum(PHASE_MEANINGS),
  phaseSince: z.string(),
  createdAt: z.string(),
});
export type MatchSummary = z.infer<typeof MatchSummarySchema>;

export const MatchPermissionsSchema = z.object({
  /** The phases the caller may move matches to (empty: no moving). */
  moveTo: z.array(z.string().uuid()),
  undo: z.boolean(),
  evaluate: z.boolean(),
});
export type MatchPermissions = z.infer<typeof MatchPermissionsSchema>;

export const VacancyMatchesResponseSchema = z.object({
  procedure: ProcedureSchema,
  /** Every phase of the vacancy's procedure in order, with the matches in it (possibly none). */
  phases: z.array(z.object({ phase: PhaseSchema, matches: z.array(MatchSummarySchema) })),
  permissions: MatchPermissionsSchema.extend({
    /** Whether the caller may give the vacancy another procedure, and which. */
    chooseProcedure: z.boolean(),
    /** All matches, or only those in phases contact persons see. */
    sees: z.enum(["all", "visible_to_contacts"]),
  }),
  /** The procedures that may be chosen (only when `chooseProcedure`). */
  procedures: z.array(ProcedureSchema.pick({ id: true, name: true, kind: true, isDefault: true })),
});
export type VacancyMatchesResponse = z.infer<typeof VacancyMatchesResponseSchema>;

export const MatchStepSchema = z.object({
  id: z.string().uuid(),
  at: z.string(),
  actor: ActorSchema.nullable(),
  fromPhaseId: z.string().uuid().nullable(),
  toPhaseId: z.string().uuid(),
  outcome: z.enum(OUTCOMES).nullable(),
  comment: z.string().nullable(),
  /** Set when the step was undone. */
  undone: z.object({ at: z.string(), by: ActorSchema.nullable() }).nullable(),
});
export type MatchStep = z.infer<typeof MatchStepSchema>;

export const EvaluationSchema = z.object({
  id: z.string().uuid(),
  at: z.string(),
  author: ActorSchema.nullable(),
  verdict: z.enum(EVALUATION_VERDICTS),
  comment: z.string(),
  /** The phase the match was in when it was evaluated. */
  phaseId: z.string().uuid().nullable(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const MatchDetailSchema = MatchSummarySchema.extend({
  vacancy: z.object({ id: z.string().uuid(), displayTitle: z.string() }),
  procedure: ProcedureSchema,
  motivation: z.string(),
  channelSource: z.string().nullable(),
  history: z.array(MatchStepSchema),
  evaluations: z.array(EvaluationSchema),
  permissions: MatchPermissionsSchema,
});
export type MatchDetail = z.infer<typeof MatchDetailSchema>;
export const MatchResponseSchema = z.object({ match: MatchDetailSchema });

export const MoveMatchRequestSchema = z.object({
  phaseId: z.string().uuid(),
  outcome: z.enum(OUTCOMES).nullable().optional(),
  comment: z.string().trim().max(2000).optional(),
});
export type MoveMatchRequest = z.infer<typeof MoveMatchRequestSchema>;

export const EvaluateMatchRequestSchema = z.object({
  verdict: z.enum(EVALUATION_VERDICTS),
  comment: z.string().trim().max(4000).default(""),
});
export type EvaluateMatchRequest = z.infer<typeof EvaluateMatchRequestSchema>;

export const ChooseProcedureRequestSchema = z.object({
  /** null: the organisation's default procedure. */
  procedureId: z.string().uuid().nullable(),
});
export type ChooseProcedureRequest = z.infer<typeof ChooseProcedureRequestSchema>;
