import { z } from "zod";
import { UiLocaleSchema } from "./common";
import { RoleSchema } from "./tenancy";

/** The signed-in person as the web app shows them; `user` is null for visitors. */
export const CurrentUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  avatarUrl: z.string().nullable().optional(),
  locale: z.string().optional(),
  roles: z.array(RoleSchema).default([]),
  twoFactorEnabled: z.boolean().optional(),
  /** Staff without a second factor reach nothing but the set-up page. */
  needsTwoFactorSetup: z.boolean().optional(),
  /**
   * How the second factor is given: "app" (authenticator, with back-up codes) or "sms" (codes
   * texted to `smsNumber`, a confirmed mobile number); null while none is set up.
   */
  secondFactor: z.enum(["app", "sms"]).nullable().optional(),
  smsNumber: z.string().nullable().optional(),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const MeResponseSchema = z.object({ user: CurrentUserSchema.nullable() });
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** Roles that can be given by invitation (staff roles; candidates register themselves). */
export const INVITABLE_ROLES = [
  "org_admin",
  "account_manager",
  "employer_contact",
  "hr_officer",
  "selection_officer",
  "jury_member",
  "line_manager",
  "referrer",
] as const;
export const InvitableRoleSchema = z.enum(INVITABLE_ROLES);

export const CreateInvitationRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  organisationId: z.string().uuid(),
  role: InvitableRoleSchema,
  /** Only for employer_contact: may create and change vacancies. */
  mayManageVacancies: z.boolean().default(false),
  personalMessage: z.string().trim().max(2000).nullable().default(null),
  /** The invitation mail's language; German and French for contact persons who read those. */
  locale: z.enum(["nl", "en", "de", "fr"]).default("nl"),
});
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequestSchema>;

export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;
export const INVITATION_DELIVERIES = ["sending", "sent", "failed"] as const;
export const InvitationSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  role: InvitableRoleSchema,
  mayManageVacancies: z.boolean(),
  status: z.enum(INVITATION_STATUSES),
  /**
   * Where the latest invitation mail is: "sending" until delivered, "failed" once an attempt
   * failed (it is still retried for a while; resending makes a new attempt at once), "sent".
   */
  delivery: z.enum(INVITATION_DELIVERIES),
  invitedBy: z.object({ name: z.string(), email: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastSentAt: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;
export const InvitationListResponseSchema = z.object({ invitations: z.array(InvitationSchema) });

/** What the "Meld je aan" page shows before the person accepts. */
export const InvitationPreviewResponseSchema = z.object({
  status: z.enum(INVITATION_STATUSES),
  email: z.string(),
  organisationName: z.string(),
  role: InvitableRoleSchema,
  portalName: z.object({ nl: z.string(), en: z.string() }),
  /** Whom to ask for a new invitation when this one cannot be used. */
  invitedBy: z.object({ name: z.string(), email: z.string() }),
  personalMessage: z.string().nullable(),
  expiresAt: z.string(),
  /** The account exists already (e.g. a candidate): accepting adds the role, no new password. */
  existingAccount: z.boolean(),
  /** The language the inviter chose (de/fr for contact persons): the page speaks it. */
  locale: UiLocaleSchema,
});
export type InvitationPreviewResponse = z.infer<typeof InvitationPreviewResponseSchema>;

export const AcceptInvitationRequestSchema = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(2).max(120),
  /** Checked against the password policy; ignored for an existing account. */
  password: z.string().max(128).optional(),
  acceptTerms: z.literal(true, { message: "terms_required" }),
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequestSchema>;
export const AcceptInvitationResponseSchema = z.object({ email: z.string(), next: z.enum(["sign-in"]) });

/** Candidate self-registration on a portal's candidate side. */
export const RegisterCandidateRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(2).max(120),
  password: z.string().max(128),
  acceptTerms: z.literal(true, { message: "terms_required" }),
  locale: z.enum(["nl", "en"]).default("nl"),
});
export type RegisterCandidateRequest = z.infer<typeof RegisterCandidateRequestSchema>;
/** Neutral on purpose: the same answer whether or not the address already had an account. */
export const RegisterCandidateResponseSchema = z.object({ status: z.literal("verification_sent") });

export const UpdateMeRequestSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{8,20}$/, { message: "phone_invalid" })
      .nullable(),
    postcode: z
      .string()
      .trim()
      .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$|^[1-9][0-9]{3}$/, { message: "postcode_invalid" })
      .nullable(),
    /** German and French only for employer contact persons (checked by the service). */
    locale: UiLocaleSchema,
    consentEmbeddedVideo: z.boolean(),
    consentResearch: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateMeRequest = z.infer<typeof UpdateMeRequestSchema>;

export const ProfileSettingsSchema = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  postcode: z.string().nullable(),
  locale: UiLocaleSchema,
  /** The languages this person may choose: nl/en, and de/fr for employer contact persons. */
  locales: z.array(UiLocaleSchema),
  consentEmbeddedVideo: z.boolean(),
  consentResearch: z.boolean(),
});
export type ProfileSettings = z.infer<typeof ProfileSettingsSchema>;

export const ManagedUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  twoFactorEnabled: z.boolean(),
  deactivated: z.boolean(),
  lastActiveAt: z.string().nullable(),
  memberships: z.array(
    z.object({
      id: z.string().uuid(),
      organisationId: z.string().uuid(),
      organisationName: z.string(),
      role: RoleSchema,
      mayManageVacancies: z.boolean(),
    }),
  ),
});
export type ManagedUser = z.infer<typeof ManagedUserSchema>;
export const ManagedUserListResponseSchema = z.object({ users: z.array(ManagedUserSchema) });

export const UpdateMembershipRequestSchema = z.object({
  role: InvitableRoleSchema,
  mayManageVacancies: z.boolean().default(false),
});

/** The "Volgende" step: does this address sign in with its organisation's Microsoft account? */
export const LoginMethodRequestSchema = z.object({ email: z.string().max(320) });
export const LoginMethodResponseSchema = z.object({
  method: z.enum(["password", "sso"]),
  /** With "sso": what the button says ("Inloggen met Microsoft", or the provider's name). */
  provider: z.object({ kind: z.enum(["entra", "oidc"]), name: z.string() }).optional(),
});
export type LoginMethodResponse = z.infer<typeof LoginMethodResponseSchema>;
export const SsoStartResponseSchema = z.object({ url: z.string().url() });
/** Codes the SSO callback puts in /inloggen?sso_error= (a browser navigation, not JSON). */
export const SSO_ERROR_CODES = [
  "sso_private_account",
  "sso_no_account",
  "sso_not_configured",
  "account_deactivated",
  "bad_request",
] as const;

/** Security events org admins review ("Beveiligingslog"). */
export const AUDIT_EVENT_TYPES = [
  "sign_in_succeeded",
  "sign_in_failed",
  "two_factor_enabled",
  "two_factor_disabled",
  "invitation_sent",
  "invitation_resent",
  "invitation_accepted",
  "invitation_revoked",
  "role_changed",
  "access_revoked",
  "access_restored",
  "password_reset",
  /** A candidate deleted their account, or the retention job anonymised it (details.reason). */
  "account_erased",
  /** The platform admin deactivated or reactivated an organisation: its staff lose or regain their roles. */
  "organisation_deactivated",
  "organisation_reactivated",
] as const;
export const AuditEventTypeSchema = z.enum(AUDIT_EVENT_TYPES);
export type AuditEventType = z.infer<typeof AuditEventTypeSchema>;

export const AuditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  type: AuditEventTypeSchema,
  userId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  email: z.string().nullable(),
  ipAddress: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export const AuditListResponseSchema = z.object({ events: z.array(AuditEventSchema) });
