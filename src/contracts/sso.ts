import { z } from "zod";

/**
 * Single sign-on connections (decisions 0008 and 0033): one OpenID Connect provider per e-mail
 * domain of an organisation. Microsoft Entra ID first; any standard provider as "oidc". The client
 * secrets never leave the server: the API tells only whether one is waiting and when each expires.
 */
export const SSO_PROVIDER_KINDS = ["entra", "oidc"] as const;
export const SsoProviderKindSchema = z.enum(SSO_PROVIDER_KINDS);
export type SsoProviderKind = z.infer<typeof SsoProviderKindSchema>;

/** A secret expiring within this many days is warned about (screen and mail). */
export const SSO_SECRET_WARNING_DAYS = 30;

const DaySchema = z.iso.date();
const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
  .max(253);
const IssuerSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .transform((url) => url.replace(/\/+$/, ""));

/** The state of one client secret as the screen shows it. */
export const SsoSecretStateSchema = z.object({
  expiresOn: DaySchema.nullable(),
  /** "ok", "expiring" (within 30 days), "expired", or "unknown" (no date recorded). */
  status: z.enum(["ok", "expiring", "expired", "unknown"]),
});
export type SsoSecretState = z.infer<typeof SsoSecretStateSchema>;

export const SsoConnectionSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  emailDomain: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  providerKind: SsoProviderKindSchema,
  displayName: z.string(),
  enabled: z.boolean(),
  secret: SsoSecretStateSchema,
  /** A rotated-in secret that has not yet worked (a sign-in or a test promotes it). */
  pendingSecret: SsoSecretStateSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SsoConnection = z.infer<typeof SsoConnectionSchema>;
export const SsoConnectionListSchema = z.object({
  items: z.array(SsoConnectionSchema),
  /** Where the caller may set up a connection (an org admin's own organisations; every one for the platform admin). */
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const CreateSsoConnectionSchema = z.object({
  organisationId: z.uuid(),
  emailDomain: DomainSchema,
  issuer: IssuerSchema,
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
  /** Entra client secrets always expire; older connections (0008) may leave it out. */
  clientSecretExpiresOn: DaySchema.optional(),
  providerKind: SsoProviderKindSchema.default("entra"),
  displayName: z.string().trim().max(80).default(""),
});
export type CreateSsoConnectionRequest = z.input<typeof CreateSsoConnectionSchema>;

export const UpdateSsoConnectionSchema = z.object({
  emailDomain: DomainSchema.optional(),
  issuer: IssuerSchema.optional(),
  clientId: z.string().trim().min(1).max(200).optional(),
  providerKind: SsoProviderKindSchema.optional(),
  displayName: z.string().trim().max(80).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateSsoConnectionRequest = z.input<typeof UpdateSsoConnectionSchema>;

export const RotateSsoSecretSchema = z.object({
  clientSecret: z.string().min(1).max(500),
  expiresOn: DaySchema,
});
export type RotateSsoSecretRequest = z.input<typeof RotateSsoSecretSchema>;

/** What a test found at the provider. */
export const SsoTestResultSchema = z.object({
  discovery: z.object({
    issuer: z.string(),
    authorizationEndpoint: z.string(),
    tokenEndpoint: z.string(),
    jwksUri: z.string(),
    scopesSupported: z.array(z.string()),
  }),
  /** Number of signing keys the JWKS holds. */
  signingKeys: z.number().int(),
  /**
   * The token endpoint's answer to our client id and secret (a made-up code): "accepted" (it
   * refused only the code), "rejected" (invalid_client), "unknown" (another answer).
   */
  credentials: z.enum(["accepted", "rejected", "unknown"]),
  /** Which secret the test used, and whether it was promoted (a waiting secret that worked). */
  secretTested: z.enum(["current", "pending"]),
  promoted: z.boolean(),
  /** The current secret, when the waiting one was rejected. */
  fallback: z.enum(["accepted", "rejected", "unknown"]).nullable(),
  connection: SsoConnectionSchema,
});
export type SsoTestResult = z.infer<typeof SsoTestResultSchema>;
