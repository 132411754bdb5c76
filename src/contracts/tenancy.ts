import { z } from "zod";
import { LocalizedTextSchema } from "./common";

export const PortalSchema = z.object({
  slug: z.string(),
  name: LocalizedTextSchema,
  /** Branding colour as #rrggbb. */
  primaryColor: z.string(),
  logoUrl: z.string().nullable(),
  isNational: z.boolean(),
  parentSlug: z.string().nullable(),
  /** Absolute URL of this portal's home page, e.g. http://haaglanden.localhost:3000/ */
  url: z.string(),
});
export type Portal = z.infer<typeof PortalSchema>;

export const PortalListResponseSchema = z.object({ portals: z.array(PortalSchema) });
export type PortalListResponse = z.infer<typeof PortalListResponseSchema>;

/**
 * What the web app asks first: which portal this host is. For an unknown subdomain `portal`
 * is null and `portals` lists where one can go instead (the friendly 404).
 */
export const CurrentPortalResponseSchema = z.object({
  portal: PortalSchema.nullable(),
  requestedSlug: z.string().nullable(),
  portals: z.array(PortalSchema),
});
export type CurrentPortalResponse = z.infer<typeof CurrentPortalResponseSchema>;

export const ORGANISATION_KINDS = ["employer", "municipality", "agency", "government"] as const;
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const ROLES = [
  "platform_admin",
  "org_admin",
  "account_manager",
  "employer_contact",
  "hr_officer",
  "selection_officer",
  "jury_member",
  /** "Leidinggevende" (Vlimpers): the line manager of the post being filled. */
  "line_manager",
  "referrer",
  "candidate",
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const AddressSchema = z.object({
  street: z.string().trim().min(1).max(200),
  houseNumber: z.string().trim().min(1).max(20),
  postcode: z.string().trim().min(4).max(10),
  city: z.string().trim().min(1).max(120),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type Address = z.infer<typeof AddressSchema>;

/** KvK (Dutch Chamber of Commerce) numbers are exactly 8 digits. */
export const KvkNumberSchema = z.string().regex(/^\d{8}$/, { message: "kvk_invalid" });

export const OrganisationSchema = z.object({
  id: z.string().uuid(),
  kind: OrganisationKindSchema,
  name: z.string(),
  kvkNumber: z.string().nullable(),
  address: AddressSchema.nullable(),
  homePortalSlug: z.string(),
  parentId: z.string().uuid().nullable(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationListResponseSchema = z.object({
  organisations: z.array(OrganisationSchema),
  total: z.number().int(),
});

export const CreateOrganisationRequestSchema = z.object({
  kind: OrganisationKindSchema,
  name: z.string().trim().min(2).max(200),
  kvkNumber: KvkNumberSchema.nullable().optional(),
  address: AddressSchema.nullable().optional(),
  parentId: z.string().uuid().nullable().optional(),
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequestSchema>;

export const UpdateOrganisationRequestSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    kvkNumber: KvkNumberSchema.nullable(),
    address: AddressSchema.nullable(),
  })
  .partial()
  .strict();
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequestSchema>;
