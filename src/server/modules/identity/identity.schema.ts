import { relations } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts, organisations, role, users } from "../tenancy/tenancy.schema";

// better-auth's tables (sessions, verifications, two-factor, rate limits), mapped by model name
// in auth.ts. Column names follow the house style; property names follow better-auth's fields.

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    /** How the second factor was satisfied outside Werkbrug: "sso" (the identity provider's MFA). */
    secondFactor: text("second_factor"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sessions_token_key").on(t.token), index("sessions_user_idx").on(t.userId)],
);

/** Single-use tokens: e-mail verification, password reset, two-factor challenges. */
export const verifications = pgTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

export const twoFactors = pgTable(
  "two_factors",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Encrypted with AUTH_SECRET by better-auth. */
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    verified: boolean("verified").notNull().default(true),
    failedVerificationCount: integer("failed_verification_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [index("two_factors_user_idx").on(t.userId), index("two_factors_secret_idx").on(t.secret)],
);

/** Request counters shared by every app instance (better-auth's and the per-account sign-in limit). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    count: integer("count").notNull(),
    /** Start of the current window, in milliseconds since the epoch. */
    lastRequest: bigint("last_request", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("rate_limits_key_key").on(t.key)],
);

/** Security events an org admin can review (sign-ins, second factor, invitations, roles). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    type: text("type").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The organisations that may see this event; empty for platform-level events. */
    organisationIds: text("organisation_ids").array().notNull(),
    email: text("email"),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_events_at_idx").on(t.at), index("audit_events_user_idx").on(t.userId)],
);

/**
 * Invitations to a staff role. Only a hash of the token is stored; the link in the mail is the
 * one place the token exists. Accepted, revoked and expired invitations stay for the record.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: role("role").notNull(),
    mayManageVacancies: boolean("may_manage_vacancies").notNull().default(false),
    personalMessage: text("personal_message"),
    locale: text("locale").notNull().default("nl"),
    invitedByUserId: text("invited_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: text("accepted_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_organisation_idx").on(t.organisationId),
    index("invitations_email_idx").on(t.email),
  ],
);

/**
 * Sign-in through an organisation's OpenID Connect provider (Microsoft Entra ID), chosen by the
 * e-mail domain. The client secret is encrypted with AUTH_SECRET like better-auth's secrets.
 */
export const ssoConnections = pgTable(
  "sso_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Lower-case, e.g. "gemeente-denhaag.nl". */
    emailDomain: text("email_domain").notNull(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecret: text("client_secret").notNull(),
    /** "entra" (Microsoft Entra ID) or "oidc" (any standard OpenID Connect provider); decision 0033. */
    providerKind: text("provider_kind").notNull().default("entra"),
    /** What the sign-in button names for "oidc" ("Inloggen met <name>") and the screen shows. */
    displayName: text("display_name").notNull().default(""),
    /** A disabled connection never signs anyone in; the sign-in page offers the password. */
    enabled: boolean("enabled").notNull().default(true),
    /** The current secret's expiry date (yyyy-mm-dd); null for connections made before 0033. */
    clientSecretExpiresOn: date("client_secret_expires_on", { mode: "string" }),
    /** When the 30-day warning for the current secret went out (once). */
    clientSecretWarnedAt: timestamp("client_secret_warned_at", { withTimezone: true }),
    /** A rotated-in secret, encrypted, not yet proven: tried first, the current one kept as fallback. */
    pendingClientSecret: text("pending_client_secret"),
    pendingSecretExpiresOn: date("pending_secret_expires_on", { mode: "string" }),
    pendingSecretWarnedAt: timestamp("pending_secret_warned_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sso_connections_email_domain_key").on(t.emailDomain),
    index("sso_connections_organisation_idx").on(t.organisationId),
  ],
);

/*
 * Relations for better-auth's joins (`advanced.database.joins` in auth.ts): a session is read with
 * its user in one statement on every signed-in request, and a user with their accounts at
 * sign-in. The keys are the ones better-auth's Drizzle adapter asks for: the joined model's name
 * (our model names are plural: "users"), plus an "s" for a one-to-many join ("accountss").
 * Relations are not part of the migrations.
 */
export const sessionRelations = relations(sessions, ({ one }) => ({
  users: one(users, { fields: [sessions.userId], references: [users.id] }),
}));
export const accountRelations = relations(accounts, ({ one }) => ({
  user: one(users, { fields: [accounts.userId], references: [users.id] }),
}));
export const userRelations = relations(users, ({ many }) => ({
  accountss: many(accounts),
}));
