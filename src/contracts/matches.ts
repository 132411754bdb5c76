import { z } from "zod";
import { CandidateStaffViewSchema } from "./candidates";

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

/**
 * How a match came about; "referred": an employee referred the person (referral portal);
 * "reserve_list": a laureate called up from a reserve list ("werfreserve", Vlimpers).
 */
export const MATCH_SOURCES = ["applied", "saved", "proposed", "referred", "reserve_list"] as const;

/** Phase and procedure names in every language a contact person may read. */
export const LabelsSchema = z.object({ nl: z.string(), en: z.string(), de: z.string(), fr: z.string() });
export type Labels = z.infer<typeof LabelsSchema>;

/** The colour of a referral outcome: green opens the next milestone, orange keeps it open, red archives. */
export const REFERRAL_COLOURS = ["green", "orange", "red"] as const;
export type ReferralColour = (typeof REFERRAL_COLOURS)[number];

/** One choice in a milestone's list ("Ja, telefonisch bereikt"), with its colour. */
export const OutcomeOptionSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/),
  colour: z.enum(REFERRAL_COLOURS),
  label: LabelsSchema,
});
export type OutcomeOption = z.infer<typeof OutcomeOptionSchema>;

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
  /** The named outcomes of a referral milestone, each with its colour (empty elsewhere). */
  outcomeOptions: z.array(OutcomeOptionSchema),
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

/** A person who did something: their user id and name. */
export const ActorSchema = z.object({ id: z.string(), name: z.string() });

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
  /** The named outcome (a key of the phase's options) the step was given with. */
  outcomeOption: z.string().nullable(),
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

// --- Proposals (issue 12): the recruiter proposes a candidate to the employer's contacts ---------

export const PROPOSAL_DECISIONS = ["approved", "rejected"] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];
export const REVIEWER_LANGUAGES = ["nl", "en", "de", "fr"] as const;

/** A contact person of the vacancy's employer who can review proposals (has portal access). */
export const ReviewerSchema = z.object({
  contactPersonId: z.string().uuid(),
  name: z.string(),
  email: z.string().nullable(),
  language: z.enum(REVIEWER_LANGUAGES),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;
export const ReviewerListResponseSchema = z.object({ reviewers: z.array(ReviewerSchema) });

export const ProposeRequestSchema = z.object({
  candidateId: z.string().uuid(),
  reviewerIds: z.array(z.string().uuid()).min(1).max(20),
  note: z.string().trim().max(2000).default(""),
});
export type ProposeRequest = z.infer<typeof ProposeRequestSchema>;

/** A proposal as the recruiter sees it on the vacancy page: who, when, to whom, the verdict. */
export const ProposalSchema = z.object({
  id: z.string().uuid(),
  matchId: z.string().uuid(),
  proposedBy: ActorSchema.nullable(),
  proposedAt: z.string(),
  note: z.string(),
  reviewers: z.array(z.object({ contactPersonId: z.string().uuid(), name: z.string() })),
  decision: z.enum(PROPOSAL_DECISIONS).nullable(),
  decidedBy: ActorSchema.nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  /** Whether the caller has an unread notice about this proposal's verdict. */
  unread: z.boolean(),
});
export type Proposal = z.infer<typeof ProposalSchema>;
export const ProposalResponseSchema = z.object({ proposal: ProposalSchema });
export const VacancyProposalsResponseSchema = z.object({
  proposals: z.array(ProposalSchema),
  /** Whether the caller may propose and withdraw on this vacancy. */
  mayPropose: z.boolean(),
});
export type VacancyProposalsResponse = z.infer<typeof VacancyProposalsResponseSchema>;

/** A proposal in the contact person's list ("Voorgesteld"). */
export const ProposedCandidateSchema = z.object({
  matchId: z.string().uuid(),
  candidate: z.object({ id: z.string().uuid(), name: z.string() }),
  vacancy: z.object({ id: z.string().uuid(), displayTitle: z.string() }),
  proposedBy: ActorSchema.nullable(),
  proposedAt: z.string(),
  note: z.string(),
  /** waiting: "Te beoordelen"; approved: follows the process in `phase`. */
  status: z.enum(["waiting", "approved"]),
  phase: z.object({ key: z.string(), label: LabelsSchema }),
});
export type ProposedCandidate = z.infer<typeof ProposedCandidateSchema>;
export const ProposedCandidateListResponseSchema = z.object({ proposals: z.array(ProposedCandidateSchema) });

/** One proposal opened by the contact: the profile as they may see it, CV, motivation, history. */
export const ProposedCandidateDetailSchema = ProposedCandidateSchema.extend({
  /** Null when the candidate's profile is not visible through this portal (only the name shows). */
  profile: CandidateStaffViewSchema.nullable(),
  motivation: z.string(),
  cv: z.object({ fileName: z.string(), url: z.string() }).nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      phase: z.object({ key: z.string(), label: LabelsSchema }),
      comment: z.string().nullable(),
    }),
  ),
  mayDecide: z.boolean(),
  decision: z
    .object({ decision: z.enum(PROPOSAL_DECISIONS), comment: z.string(), at: z.string() })
    .nullable(),
});
export type ProposedCandidateDetail = z.infer<typeof ProposedCandidateDetailSchema>;
export const ProposedCandidateResponseSchema = z.object({ proposal: ProposedCandidateDetailSchema });

export const VerdictRequestSchema = z.object({
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(4000).default(""),
});
export type VerdictRequest = z.infer<typeof VerdictRequestSchema>;
export const VerdictResponseSchema = z.object({
  matchId: z.string().uuid(),
  decision: z.enum(PROPOSAL_DECISIONS),
  phase: z.object({ key: z.string(), label: LabelsSchema }),
});

/** In-app notices (a verdict on a proposal). */
export const NotificationSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  matchId: z.string().uuid().nullable(),
  vacancyId: z.string().uuid().nullable(),
  data: z.record(z.string(), z.string()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationListResponseSchema = z.object({
  notifications: z.array(NotificationSchema),
  unread: z.number().int(),
});
export type NotificationListResponse = z.infer<typeof NotificationListResponseSchema>;
