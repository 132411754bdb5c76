import { z } from "zod";
import { IsoDateSchema } from "./vacancies";

/**
 * Hiring and onboarding (issue 16 parts 7 and 8, Vlimpers "indiensttredingsfiche" and
 * "inwerkproces"): a hire of a selection's laureate (start date, leader, mentor), its starter
 * form as PDF, the onboarding actions of the leader and the mentor, and learning material per
 * organisation that the new employee reads before or from the first day.
 */

/** Who manages learning material and the organisation's own e-mail domains ("vormingsbeheer"). */
export const MATERIAL_MANAGER_ROLES = ["org_admin", "hr_officer", "selection_officer"] as const;

/** When a new employee may open a learning material. */
export const MATERIAL_AVAILABILITY = ["before_first_day", "from_first_day"] as const;
export const MaterialAvailabilitySchema = z.enum(MATERIAL_AVAILABILITY);
export type MaterialAvailability = z.infer<typeof MaterialAvailabilitySchema>;

const Required = (max: number) => z.string().trim().min(1, { message: "required" }).max(max);
const Person = z.object({ id: z.string(), name: z.string(), email: z.string().nullable() });
export type OnboardingPerson = z.infer<typeof Person>;

/** A material's link: https only, so no javascript: or data: URL reaches a new employee. */
export const MaterialUrlSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https:\/\/[^\s]+$/i, { message: "url_invalid" });

/** An e-mail domain such as "vlaanderen.be" (lower case, no @). */
export const EmailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,120}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, {
    message: "email_domain_invalid",
  });

export const OnboardingActionSchema = z.object({
  id: z.string().uuid(),
  /** "Plan een kennismakingsgesprek". */
  kind: z.literal("plan_meeting"),
  /** Why this person has it: leader or mentor of the new employee. */
  role: z.enum(["leader", "mentor"]),
  assignee: Person,
  doneAt: z.string().nullable(),
});
export type OnboardingAction = z.infer<typeof OnboardingActionSchema>;

export const MaterialSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  title: z.string(),
  description: z.string(),
  url: z.string(),
  availability: MaterialAvailabilitySchema,
  active: z.boolean(),
});
export type Material = z.infer<typeof MaterialSchema>;

export const AssignedMaterialSchema = z.object({
  id: z.string().uuid(),
  materialId: z.string().uuid(),
  title: z.string(),
  availability: MaterialAvailabilitySchema,
  /** Null when assigned automatically (external profile). */
  assignedBy: Person.nullable(),
  at: z.string(),
});

export const HireSchema = z.object({
  id: z.string().uuid(),
  matchId: z.string().uuid(),
  vacancyId: z.string().uuid(),
  name: z.string(),
  email: z.string().nullable(),
  startDate: IsoDateSchema.nullable(),
  leader: Person.nullable(),
  mentor: Person.nullable(),
  /** External: the e-mail is not one of the organisation's own domains (material comes by itself). */
  profile: z.enum(["external", "internal"]),
  onboarding: z.boolean(),
  actions: z.array(OnboardingActionSchema),
  materials: z.array(AssignedMaterialSchema),
  starterFormUrl: z.string(),
  hiredAt: z.string(),
});
export type Hire = z.infer<typeof HireSchema>;

/** A vacancy's hiring: the onboarding switch, the mentors to choose from and the hires. */
export const VacancyHiringSchema = z.object({
  vacancyId: z.string().uuid(),
  /** Hiring through this screen (and the starter form) is for selection procedures (Vlimpers). */
  selection: z.boolean(),
  onboarding: z.boolean(),
  /** Whether the caller hires, sets the switch and edits hires (the vacancy's applicant managers). */
  mayManage: z.boolean(),
  /** Whether the caller may download the starter forms (the officer and the HR officer, also once closed). */
  mayDownload: z.boolean(),
  closed: z.boolean(),
  leader: Person.nullable(),
  mentorOptions: z.array(Person),
  /** Applicants still in the running (for those who manage): whether their register number is known. */
  applicants: z.array(
    z.object({
      matchId: z.string().uuid(),
      name: z.string(),
      phase: z.object({ nl: z.string(), en: z.string() }),
      hasRegisterNumber: z.boolean(),
    }),
  ),
  hires: z.array(HireSchema),
});
export type VacancyHiring = z.infer<typeof VacancyHiringSchema>;

export const HireRequestSchema = z.object({
  matchId: z.string().uuid(),
  startDate: IsoDateSchema.nullable().default(null),
  mentorUserId: z.string().min(1).max(100).nullable().default(null),
  comment: z.string().trim().max(2000).optional(),
});
export type HireRequest = z.input<typeof HireRequestSchema>;

export const UpdateHireRequestSchema = z.object({
  startDate: IsoDateSchema.nullable().optional(),
  mentorUserId: z.string().min(1).max(100).nullable().optional(),
});
export type UpdateHireRequest = z.input<typeof UpdateHireRequestSchema>;

export const SetOnboardingRequestSchema = z.object({ enabled: z.boolean() });
export const HireResponseSchema = z.object({ hire: HireSchema });

export const AssignMaterialRequestSchema = z.object({ materialId: z.string().uuid() });

/** A staff member's onboarding: their actions and the hires they lead (to assign material). */
export const MyOnboardingSchema = z.object({
  actions: z.array(
    OnboardingActionSchema.extend({
      hire: z.object({
        id: z.string().uuid(),
        name: z.string(),
        vacancyTitle: z.string(),
        startDate: IsoDateSchema.nullable(),
      }),
    }),
  ),
  /** Hires the caller leads: they assign material by hand for an internal profile. */
  led: z.array(HireSchema.extend({ vacancyTitle: z.string(), materialOptions: z.array(MaterialSchema) })),
});
export type MyOnboarding = z.infer<typeof MyOnboardingSchema>;

export const MaterialListResponseSchema = z.object({
  materials: z.array(MaterialSchema),
  /** The organisations (top of their families) the caller manages material for, with their own domains. */
  organisations: z.array(
    z.object({ id: z.string().uuid(), name: z.string(), emailDomains: z.array(z.string()) }),
  ),
});
export type MaterialListResponse = z.infer<typeof MaterialListResponseSchema>;

export const CreateMaterialRequestSchema = z.object({
  organisationId: z.string().uuid(),
  title: Required(200),
  description: z.string().trim().max(2000).default(""),
  url: MaterialUrlSchema,
  availability: MaterialAvailabilitySchema,
});
export type CreateMaterialRequest = z.input<typeof CreateMaterialRequestSchema>;

export const UpdateMaterialRequestSchema = z.object({
  title: Required(200).optional(),
  description: z.string().trim().max(2000).optional(),
  url: MaterialUrlSchema.optional(),
  availability: MaterialAvailabilitySchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateMaterialRequest = z.input<typeof UpdateMaterialRequestSchema>;
export const MaterialResponseSchema = z.object({ material: MaterialSchema });

export const SetEmailDomainsRequestSchema = z.object({ domains: z.array(EmailDomainSchema).max(20) });

/** The new employee's own onboarding: per hire the material, opened as its availability allows. */
export const CandidateOnboardingSchema = z.object({
  hires: z.array(
    z.object({
      id: z.string().uuid(),
      vacancyTitle: z.string(),
      organisationName: z.string(),
      startDate: IsoDateSchema.nullable(),
      materials: z.array(
        z.object({
          id: z.string().uuid(),
          title: z.string(),
          description: z.string(),
          availability: MaterialAvailabilitySchema,
          /** Whether it may be opened today. */
          available: z.boolean(),
          /** The link, only when available. */
          url: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type CandidateOnboarding = z.infer<typeof CandidateOnboardingSchema>;
