import { z } from "zod";
import { LocalizedTextSchema } from "./common";

/**
 * Publication channels ("multiposter", Vlimpers): where a vacancy goes — the portal's public
 * job board, the internal career site (the organisation family's own staff) and external job
 * sites, each with a feed whose links carry the site's code as utm_source — and the two
 * reports over where applicants come from.
 */

/** Who manages job sites and reads the multiposter's reports: selection officers and org admins. */
export const CHANNEL_MANAGER_ROLES = ["platform_admin", "org_admin", "selection_officer"] as const;

const Required = (max: number) => z.string().trim().min(1, { message: "required" }).max(max);

/** A job site's code: the utm_source of its feed's links. */
export const JobSiteCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, { message: "job_site_code_invalid" });

export const JobSiteSchema = z.object({
  id: z.string().uuid(),
  /** The top organisation of the family the site belongs to. */
  organisation: z.object({ id: z.string().uuid(), name: z.string() }),
  name: z.string(),
  code: z.string(),
  active: z.boolean(),
  /** The site's feed of vacancies (absolute URL on the portal the caller is on). */
  feedUrl: z.string(),
  /** How many vacancies currently have the site chosen. */
  vacancyCount: z.number().int(),
});
export type JobSite = z.infer<typeof JobSiteSchema>;

export const JobSiteListResponseSchema = z.object({
  jobSites: z.array(JobSiteSchema),
  /** The organisations the caller may add job sites for (top organisations of their families). */
  organisations: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});
export type JobSiteListResponse = z.infer<typeof JobSiteListResponseSchema>;

export const CreateJobSiteRequestSchema = z.object({
  organisationId: z.string().uuid(),
  name: Required(120),
  code: JobSiteCodeSchema,
});
export type CreateJobSiteRequest = z.input<typeof CreateJobSiteRequestSchema>;

export const UpdateJobSiteRequestSchema = z.object({
  name: Required(120).optional(),
  active: z.boolean().optional(),
});
export type UpdateJobSiteRequest = z.input<typeof UpdateJobSiteRequestSchema>;

export const JobSiteResponseSchema = z.object({ jobSite: JobSiteSchema });

/** A vacancy's channels. */
export const VacancyChannelsSchema = z.object({
  vacancyId: z.string().uuid(),
  /** On the portal's public job board (the vacancy's "public" audience date is set). */
  publicBoard: z.boolean(),
  /** On the internal career site: staff of the organisation family ("organisation" audience). */
  internal: z.boolean(),
  /** Codes of the chosen external job sites. */
  jobSites: z.array(z.string()),
  /** The active job sites the vacancy may choose from, with whether each is chosen. */
  available: z.array(z.object({ code: z.string(), name: z.string(), chosen: z.boolean() })),
  /** Whether the caller may change the channels (those who may publish the vacancy). */
  mayChange: z.boolean(),
});
export type VacancyChannels = z.infer<typeof VacancyChannelsSchema>;

export const VacancyChannelsResponseSchema = z.object({ channels: VacancyChannelsSchema });

export const SetVacancyChannelsRequestSchema = z.object({
  publicBoard: z.boolean(),
  internal: z.boolean(),
  jobSites: z.array(z.string().trim().toLowerCase().max(40)).max(50).default([]),
});
export type SetVacancyChannelsRequest = z.input<typeof SetVacancyChannelsRequestSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date_invalid" });

/** A report's period (inclusive days, Dutch calendar) and format. */
export const ReportQuerySchema = z.object({
  from: IsoDate,
  to: IsoDate,
  format: z.enum(["json", "xlsx"]).default("json"),
});

export const ApplicantsReportQuerySchema = ReportQuerySchema.extend({
  vacancyId: z.string().uuid().optional(),
});

/** "Vacaturesites clicks": per job site and vacancy, views, clicks to apply and applications. */
export const JobSiteClicksRowSchema = z.object({
  jobSite: z.object({ id: z.string().uuid(), name: z.string(), code: z.string() }),
  vacancy: z.object({ id: z.string().uuid(), title: z.string() }),
  views: z.number().int(),
  clicks: z.number().int(),
  applications: z.number().int(),
});
export type JobSiteClicksRow = z.infer<typeof JobSiteClicksRowSchema>;

export const JobSiteClicksReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(JobSiteClicksRowSchema),
  /** Per job site, all its vacancies together. */
  totals: z.array(
    z.object({
      jobSite: z.object({ id: z.string().uuid(), name: z.string(), code: z.string() }),
      views: z.number().int(),
      clicks: z.number().int(),
      applications: z.number().int(),
    }),
  ),
});
export type JobSiteClicksReport = z.infer<typeof JobSiteClicksReportSchema>;

/** "Eigenschappen van kandidaten per indieningsbron": applicants per source and phase reached. */
export const ApplicantsBySourceReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  vacancyId: z.string().uuid().nullable(),
  /** The phases (columns), in procedure order. */
  phases: z.array(z.object({ key: z.string(), label: LocalizedTextSchema })),
  rows: z.array(
    z.object({
      /** utm_source, or "direct" when the applicant came without one. */
      source: z.string(),
      /** The job site with that code, if any. */
      jobSiteName: z.string().nullable(),
      total: z.number().int(),
      /** Applicants per phase key (their match's current phase). */
      phases: z.record(z.string(), z.number().int()),
    }),
  ),
  /** The vacancies the report may be narrowed to. */
  vacancies: z.array(z.object({ id: z.string().uuid(), title: z.string() })),
});
export type ApplicantsBySourceReport = z.infer<typeof ApplicantsBySourceReportSchema>;
