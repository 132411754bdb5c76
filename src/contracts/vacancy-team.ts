import { z } from "zod";
import { PersonRefSchema, VacancyStatusSchema } from "./vacancies";

/**
 * A vacancy's team in a selection procedure (Vlimpers): the primary owner (`vacancies.owner`,
 * "Mijn vacatures"), co-owners who manage it with them, the HR officer, the leader
 * ("leidinggevende") and the jury members. Leaders and jury members see only the vacancies
 * they are on, and only once someone has applied.
 */
export const TEAM_ROLES = ["co_owner", "hr", "leader", "jury"] as const;
export const TeamRoleSchema = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof TeamRoleSchema>;

/** At most this many people per team role. */
export const TEAM_MAX = 30;

const userIds = z.array(z.string().min(1).max(100)).max(TEAM_MAX);

export const VacancyTeamSchema = z.object({
  owner: PersonRefSchema.nullable(),
  coOwners: z.array(PersonRefSchema),
  hr: z.array(PersonRefSchema),
  leaders: z.array(PersonRefSchema),
  jury: z.array(PersonRefSchema),
  /** Whether the caller may change the team (and hand the ownership over). */
  mayChange: z.boolean(),
});
export type VacancyTeam = z.infer<typeof VacancyTeamSchema>;

export const PutVacancyTeamRequestSchema = z.object({
  ownerUserId: z.string().min(1).max(100).nullable(),
  coOwners: userIds,
  hr: userIds,
  leaders: userIds,
  jury: userIds,
});
export type PutVacancyTeamRequest = z.infer<typeof PutVacancyTeamRequestSchema>;

/** Who may be chosen for each place: the organisation family's people with a fitting role. */
export const VacancyTeamOptionsSchema = z.object({
  owners: z.array(PersonRefSchema),
  hr: z.array(PersonRefSchema),
  leaders: z.array(PersonRefSchema),
  jury: z.array(PersonRefSchema),
});
export type VacancyTeamOptions = z.infer<typeof VacancyTeamOptionsSchema>;

/** The number of applicants in one phase of the vacancy's procedure. */
export const PhaseCountSchema = z.object({
  phaseId: z.string().uuid(),
  key: z.string(),
  label: z.string(),
  count: z.number().int().nonnegative(),
});

/** "Vacatures" of a leader or jury member: those they are on, with applicants per phase. */
export const InvolvedVacancySchema = z.object({
  id: z.string().uuid(),
  displayTitle: z.string(),
  organisationName: z.string(),
  status: VacancyStatusSchema,
  closesOn: z.string().nullable(),
  roles: z.array(TeamRoleSchema),
  applicants: z.number().int().nonnegative(),
  phases: z.array(PhaseCountSchema),
});
export type InvolvedVacancy = z.infer<typeof InvolvedVacancySchema>;
export const InvolvedVacanciesResponseSchema = z.object({ items: z.array(InvolvedVacancySchema) });
export type InvolvedVacanciesResponse = z.infer<typeof InvolvedVacanciesResponseSchema>;
