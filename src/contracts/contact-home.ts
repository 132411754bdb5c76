import { z } from "zod";

/** One month of the contact's figures: steps into these phases on the employer's vacancies. */
export const ContactMonthFiguresSchema = z.object({
  /** The month as `YYYY-MM` (Europe/Amsterdam). */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  proposed: z.number().int().min(0),
  approved: z.number().int().min(0),
  declined: z.number().int().min(0),
});
export type ContactMonthFigures = z.infer<typeof ContactMonthFiguresSchema>;

/** The series of the figures over time, in the order the chart draws them. */
export const CONTACT_FIGURE_SERIES = ["proposed", "approved", "declined"] as const;

const CountSchema = z.object({ count: z.number().int().min(0) });

/**
 * The employer contact's dashboard (Carerix "Dashboard"): what waits for them, with counts.
 * `timesheets` is absent (or null) until timesheets exist; the block shows only when it is there.
 */
export const ContactDashboardResponseSchema = z.object({
  /** The employers (top organisations) the contact works for. */
  employers: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  /** Vacancies of the employer that candidates can see today. */
  activeVacancies: CountSchema,
  /** Matches on the employer's vacancies in a "proposed" phase, waiting for a verdict. */
  proposed: CountSchema,
  timesheets: CountSchema.nullable().optional(),
  /** Newly referred candidates not yet looked at; null when the employer takes no referrals. */
  newReferrals: CountSchema.nullable().optional(),
  /** The last 12 months, oldest first, the current month last. */
  figures: z.array(ContactMonthFiguresSchema).length(12),
});
export type ContactDashboardResponse = z.infer<typeof ContactDashboardResponseSchema>;
