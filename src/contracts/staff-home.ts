import { z } from "zod";
import type { Role } from "./tenancy";

/** One week of the team's figures, counted on the vacancies the caller's team works on. */
export const StaffWeekFiguresSchema = z.object({
  /** The week's Monday (`YYYY-MM-DD`, Europe/Amsterdam). */
  weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Vacancies published that week (once each, whatever the number of audience levels). */
  published: z.number().int().min(0),
  applications: z.number().int().min(0),
  proposals: z.number().int().min(0),
  placements: z.number().int().min(0),
});
export type StaffWeekFigures = z.infer<typeof StaffWeekFiguresSchema>;

/** The series of the figures over time, in the order the chart draws them. */
/**
 * The staff whose home is a dashboard: everyone who works for an organisation, apart from the
 * employers' contact persons (their own dashboard) and candidates.
 */
export const STAFF_HOME_ROLES = [
  "platform_admin",
  "org_admin",
  "account_manager",
  "hr_officer",
  "selection_officer",
  "jury_member",
  "line_manager",
  "referrer",
] as const satisfies readonly Role[];

export const STAFF_FIGURE_SERIES = ["published", "applications", "proposals", "placements"] as const;
/** How many weeks the chart shows, the current one last. */
export const STAFF_FIGURE_WEEKS = 8;
/** "Sluit binnenkort": vacancies whose closing date is today or within this many days. */
export const CLOSING_SOON_DAYS = 7;

const CountSchema = z.object({ count: z.number().int().min(0) });

/**
 * The staff member's home (issue 19): what waits for them, each with a count and the page that
 * lists exactly those items. A block is null when the caller's role has no such page.
 */
export const StaffDashboardResponseSchema = z.object({
  /**
   * Applications nobody has moved on from the phase they arrived in, on the vacancies the caller
   * handles (the account manager's own; HR and selection: their organisation's), and on how many
   * vacancies they are.
   */
  newApplications: z
    .object({ count: z.number().int().min(0), vacancies: z.number().int().min(0) })
    .nullable(),
  /** Open vacancies (the same ones) closing today or within the next 7 days. */
  closingSoon: CountSchema.nullable(),
  /** Contacts' verdicts on the caller's proposals not yet read. */
  verdicts: CountSchema.nullable(),
  /** Messages from employers' contact persons to the team nobody opened yet. */
  messages: CountSchema.nullable(),
  /** Invitations to the caller's organisation not yet accepted (and not expired or revoked). */
  invitations: CountSchema.nullable(),
  /** Newly referred candidates not yet looked at, for those who work with referrals. */
  newReferrals: CountSchema.nullable(),
  /** A referrer's unread news about the people they referred. */
  referralProgress: CountSchema.nullable(),
  /** Whether the counts are over the caller's own vacancies ("mine") or their organisation's. */
  vacancyFilter: z.enum(["mine", "all"]),
  /** The last 8 weeks, oldest first, the current week last. */
  figures: z.array(StaffWeekFiguresSchema).length(STAFF_FIGURE_WEEKS),
});
export type StaffDashboardResponse = z.infer<typeof StaffDashboardResponseSchema>;
