import { z } from "zod";

/**
 * Talent pools (Carerix "Talentpool"): a team's general pool, open to all its clients, and a pool
 * per client, open only to that client's contact persons. The team adds and removes candidates;
 * a contact person matches one to their own vacancy ("Matchen met mijn vacatures").
 */
export const TalentPoolSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** "general": open to every client of the team; "client": open to one employer's contacts. */
  kind: z.enum(["general", "client"]),
  /** The team that keeps the pool. */
  organisation: z.object({ id: z.string().uuid(), name: z.string() }),
  employer: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  /** Candidates in the pool the caller may see now (hidden profiles are not counted). */
  memberCount: z.number().int(),
  /** With `?candidateId=`: whether that candidate is in the pool. */
  hasCandidate: z.boolean().optional(),
  createdAt: z.string(),
});
export type TalentPool = z.infer<typeof TalentPoolSchema>;

export const TalentPoolListQuerySchema = z.object({ candidateId: z.string().uuid().optional() });
export const TalentPoolListResponseSchema = z.object({ pools: z.array(TalentPoolSchema) });
export type TalentPoolListResponse = z.infer<typeof TalentPoolListResponseSchema>;

export const CreateTalentPoolRequestSchema = z.object({
  employerId: z.string().uuid(),
  name: z.string().trim().min(1).max(120).optional(),
});
export type CreateTalentPoolRequest = z.infer<typeof CreateTalentPoolRequestSchema>;

/** What anyone who may open the pool sees of a candidate in it: no contact details. */
export const TalentPoolCandidateSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  headline: z.string(),
  city: z.string().nullable(),
  workLevel: z.string().nullable(),
  workTypes: z.array(z.string()),
  hoursMin: z.number().int().nullable(),
  hoursMax: z.number().int().nullable(),
});

export const TalentPoolMemberSchema = z.object({
  candidate: TalentPoolCandidateSchema,
  addedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  addedAt: z.string(),
  /** The team's own note; contact persons do not get it. */
  note: z.string().nullable(),
});
export type TalentPoolMember = z.infer<typeof TalentPoolMemberSchema>;

export const TalentPoolDetailResponseSchema = z.object({
  pool: TalentPoolSchema,
  members: z.array(TalentPoolMemberSchema),
});
export type TalentPoolDetailResponse = z.infer<typeof TalentPoolDetailResponseSchema>;

export const AddTalentPoolMemberRequestSchema = z.object({
  candidateId: z.string().uuid(),
  note: z.string().trim().max(1000).optional(),
});
export type AddTalentPoolMemberRequest = z.infer<typeof AddTalentPoolMemberRequestSchema>;

/** A contact person's own vacancy a pool candidate can be matched to. */
export const PoolVacancySchema = z.object({
  id: z.string().uuid(),
  displayTitle: z.string(),
  status: z.string(),
});
export type PoolVacancy = z.infer<typeof PoolVacancySchema>;
export const PoolVacancyListResponseSchema = z.object({ vacancies: z.array(PoolVacancySchema) });

export const MatchFromPoolRequestSchema = z.object({ vacancyId: z.string().uuid() });
export type MatchFromPoolRequest = z.infer<typeof MatchFromPoolRequestSchema>;

export const MatchFromPoolResponseSchema = z.object({
  match: z.object({
    id: z.string().uuid(),
    vacancyId: z.string().uuid(),
    candidateId: z.string().uuid(),
    /** The phase the match entered (the procedure's "approved" phase when it has one). */
    phaseKey: z.string(),
  }),
});
export type MatchFromPoolResponse = z.infer<typeof MatchFromPoolResponseSchema>;
