import { z } from "zod";

/**
 * Sites ("locaties") of an organisation (referral portal, seed 003): the addresses where its
 * people work. Vacancies belong to a site; staff may be limited to some sites, and then see only
 * those sites' referred candidates.
 */

const Postcode = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, { message: "postcode_invalid" })
  .transform((v) => v.toUpperCase().replace(/^(\d{4}) ?([A-Z]{2})$/, "$1 $2"));

const Required = (max: number) => z.string().trim().min(1, { message: "required" }).max(max);

export const SitePersonSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type SitePerson = z.infer<typeof SitePersonSchema>;

export const SiteSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  name: z.string(),
  street: z.string(),
  houseNumber: z.string(),
  postcode: z.string(),
  city: z.string(),
  /** The reference place the site is in (its coordinates are the site's), if chosen. */
  place: z.object({ id: z.string(), name: z.string() }).nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  active: z.boolean(),
  /** Staff limited to this site (they work only with its vacancies and referrals). */
  staff: z.array(SitePersonSchema),
  /** How many of the organisation's vacancies are at this site. */
  vacancyCount: z.number().int(),
});
export type Site = z.infer<typeof SiteSchema>;

export const SiteListQuerySchema = z.object({
  /** With "true", also the deactivated sites (the management screen). */
  includeInactive: z.enum(["true", "false"]).optional(),
});

export const SiteListResponseSchema = z.object({
  organisation: z.object({ id: z.string().uuid(), name: z.string() }),
  sites: z.array(SiteSchema),
  /** The organisation's staff (any staff role in its family) that may be limited to sites. */
  staff: z.array(SitePersonSchema),
});
export type SiteListResponse = z.infer<typeof SiteListResponseSchema>;

export const SiteResponseSchema = z.object({ site: SiteSchema });
export type SiteResponse = z.infer<typeof SiteResponseSchema>;

export const CreateSiteRequestSchema = z.strictObject({
  name: Required(120),
  street: Required(200),
  houseNumber: Required(20),
  postcode: Postcode,
  /** A place from the reference data; the site's city and coordinates are taken from it. */
  placeId: z.string().min(1).max(80),
  /** The name to show as city when it differs from the place's (e.g. "Den Haag" for a district). */
  city: z.string().trim().max(120).optional(),
});
export type CreateSiteRequest = z.input<typeof CreateSiteRequestSchema>;

export const UpdateSiteRequestSchema = z.strictObject({
  name: Required(120).optional(),
  street: Required(200).optional(),
  houseNumber: Required(20).optional(),
  postcode: Postcode.optional(),
  placeId: z.string().min(1).max(80).optional(),
  city: z.string().trim().max(120).optional(),
});
export type UpdateSiteRequest = z.input<typeof UpdateSiteRequestSchema>;

/** The whole set of staff limited to the site (replaces the previous set). */
export const SetSiteStaffRequestSchema = z.strictObject({
  userIds: z.array(z.string().min(1).max(100)).max(500),
});
export type SetSiteStaffRequest = z.input<typeof SetSiteStaffRequestSchema>;

/** The organisations whose sites the caller manages (for the "Locaties" screen's choice). */
export const ManagedSiteOrganisationsResponseSchema = z.object({
  organisations: z.array(z.object({ id: z.string().uuid(), name: z.string(), siteCount: z.number().int() })),
});
export type ManagedSiteOrganisationsResponse = z.infer<typeof ManagedSiteOrganisationsResponseSchema>;

/** A site as a vacancy shows it. */
export const SiteRefSchema = z.object({ id: z.string().uuid(), name: z.string(), city: z.string() });
export type SiteRef = z.infer<typeof SiteRefSchema>;
