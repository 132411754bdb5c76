import { z } from "zod";
import { AddressSchema, KvkNumberSchema, OrganisationKindSchema } from "./tenancy";

/**
 * Platform administration (issue 17 part 2, decision 0032): portals and organisations of every
 * kind, managed by the platform admin under /api/v1/admin/*.
 */

/** A subdomain is one DNS label: lowercase letters, digits and hyphens, not at either end. */
export const PORTAL_SLUG_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Subdomains the platform keeps for itself or that would confuse visitors. */
export const RESERVED_PORTAL_SLUGS = [
  "www",
  "api",
  "admin",
  "app",
  "auth",
  "mail",
  "smtp",
  "imap",
  "ftp",
  "static",
  "assets",
  "cdn",
  "docs",
  "status",
  "localhost",
  "beheer",
  "werkbrug",
] as const;

export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

const PortalNameSchema = z.object({
  nl: z.string().trim().min(2).max(120),
  en: z.string().trim().min(2).max(120),
});

export const AdminPortalSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: z.object({ nl: z.string(), en: z.string() }),
  primaryColor: z.string(),
  logoUrl: z.string().nullable(),
  isNational: z.boolean(),
  active: z.boolean(),
  /** Absolute URL of the portal's home page. */
  url: z.string(),
  /** Organisations at home on this portal. */
  organisationCount: z.number().int(),
  createdAt: z.string(),
});
export type AdminPortal = z.infer<typeof AdminPortalSchema>;

export const AdminPortalListResponseSchema = z.object({ portals: z.array(AdminPortalSchema) });
export type AdminPortalListResponse = z.infer<typeof AdminPortalListResponseSchema>;

export const CreatePortalRequestSchema = z
  .object({
    /** Checked by the service (format, reserved words, taken), so each gets its own message. */
    slug: z.string().trim().toLowerCase().min(1).max(63),
    name: PortalNameSchema,
    primaryColor: z.string().regex(COLOR_PATTERN),
  })
  .strict();
export type CreatePortalRequest = z.infer<typeof CreatePortalRequestSchema>;

export const UpdatePortalRequestSchema = z
  .object({ name: PortalNameSchema, primaryColor: z.string().regex(COLOR_PATTERN) })
  .partial()
  .strict();
export type UpdatePortalRequest = z.infer<typeof UpdatePortalRequestSchema>;

export const AdminOrganisationSchema = z.object({
  id: z.string().uuid(),
  kind: OrganisationKindSchema,
  name: z.string(),
  kvkNumber: z.string().nullable(),
  address: AddressSchema.nullable(),
  homePortalId: z.string().uuid(),
  homePortalSlug: z.string(),
  parentId: z.string().uuid().nullable(),
  /** The top organisation of its family (itself for a top organisation). */
  topId: z.string().uuid(),
  active: z.boolean(),
  /** People with a role here (staff memberships). */
  memberCount: z.number().int(),
  /** Departments and branches directly under it. */
  childCount: z.number().int(),
  createdAt: z.string(),
});
export type AdminOrganisation = z.infer<typeof AdminOrganisationSchema>;

export const AdminOrganisationListQuerySchema = z.object({
  /** Part of the name or the KvK number. */
  q: z.string().trim().max(200).optional(),
  kind: OrganisationKindSchema.optional(),
  portalId: z.string().uuid().optional(),
});
export type AdminOrganisationListQuery = z.infer<typeof AdminOrganisationListQuerySchema>;

export const AdminOrganisationListResponseSchema = z.object({
  organisations: z.array(AdminOrganisationSchema),
  /**
   * Every ancestor of a match is included too (with `matches` false), so the tree can be drawn;
   * a search hit deep in a family shows under its top organisation.
   */
  matches: z.array(z.string().uuid()),
});
export type AdminOrganisationListResponse = z.infer<typeof AdminOrganisationListResponseSchema>;

export const AdminCreateOrganisationRequestSchema = z
  .object({
    /** A department or branch takes its parent's kind and home portal. */
    kind: OrganisationKindSchema,
    name: z.string().trim().min(2).max(200),
    kvkNumber: KvkNumberSchema.nullable().default(null),
    address: AddressSchema.nullable().default(null),
    parentId: z.string().uuid().nullable().default(null),
    /** Required for a top organisation; ignored under a parent. */
    homePortalId: z.string().uuid().nullable().default(null),
  })
  .strict();
export type AdminCreateOrganisationRequest = z.infer<typeof AdminCreateOrganisationRequestSchema>;

export const AdminUpdateOrganisationRequestSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    kvkNumber: KvkNumberSchema.nullable(),
    address: AddressSchema.nullable(),
    /** Only for a top organisation; its departments and branches move along. */
    homePortalId: z.string().uuid(),
  })
  .partial()
  .strict();
export type AdminUpdateOrganisationRequest = z.infer<typeof AdminUpdateOrganisationRequestSchema>;

export const MoveOrganisationRequestSchema = z
  .object({
    /** The new parent, or null to make it a top organisation of its own. */
    parentId: z.string().uuid().nullable(),
  })
  .strict();
export type MoveOrganisationRequest = z.infer<typeof MoveOrganisationRequestSchema>;
