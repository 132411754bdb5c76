import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  doublePrecision,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ORGANISATION_KINDS, ROLES } from "../../../contracts/tenancy";

export const organisationKind = pgEnum("organisation_kind", ORGANISATION_KINDS);
export const role = pgEnum("role", ROLES);

export const portals = pgTable(
  "portals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    nameNl: text("name_nl").notNull(),
    nameEn: text("name_en").notNull(),
    primaryColor: text("primary_color").notNull().default("#1c4f7c"),
    logoUrl: text("logo_url"),
    /** The uploaded logo in FileStorage; `logoUrl` then points at the route that serves it. */
    logoFileKey: text("logo_file_key"),
    /**
     * Deactivated by the platform admin (decision 0032): its subdomain answers as an unknown
     * portal and it is left out of the public list; its data stays. Never the national portal.
     */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** Regional portals hang under the national one; the national portal has none. */
    parentId: uuid("parent_id").references((): AnyPgColumn => portals.id),
    /**
     * The portal's rule for employers: when true, every account manager on this portal sees
     * (not changes) the employers of the other teams on it; by default each team sees its own.
     */
    shareEmployers: boolean("share_employers").notNull().default(false),
    /**
     * What this portal needs of a candidate before its candidate side can be used (Kansenportaal:
     * extra data on the first visit), as keys of CANDIDATE_INTAKE_FIELDS.
     */
    candidateIntakeFields: text("candidate_intake_fields").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("portals_slug_key").on(t.slug),
    // Exactly one national portal: the one bare BASE_DOMAIN resolves to.
    uniqueIndex("portals_single_national_key").on(sql`(true)`).where(sql`${t.parentId} is null`),
    check("portals_slug_format", sql`${t.slug} ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'`),
    check("portals_national_active", sql`${t.parentId} is not null or ${t.deactivatedAt} is null`),
    check("portals_color_format", sql`${t.primaryColor} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: organisationKind("kind").notNull(),
    name: text("name").notNull(),
    kvkNumber: text("kvk_number"),
    street: text("street"),
    houseNumber: text("house_number"),
    postcode: text("postcode"),
    city: text("city"),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    homePortalId: uuid("home_portal_id")
      .notNull()
      .references(() => portals.id),
    /** Departments and branches point at their parent organisation. */
    parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id),
    /** The account manager (a user of a municipality or agency) who looks after this employer. */
    accountManagerUserId: text("account_manager_user_id").references((): AnyPgColumn => users.id, {
      onDelete: "set null",
    }),
    /** Logo in FileStorage; vacancies without an image of their own show it. */
    logoFileKey: text("logo_file_key"),
    /** The team (a municipality or agency) that keeps this employer in its CRM (HalloWerk). */
    managedByOrganisationId: uuid("managed_by_organisation_id").references(
      (): AnyPgColumn => organisations.id,
    ),
    description: text("description").notNull().default(""),
    website: text("website"),
    /** The IANA time zone the organisation reads times in (exports, calendars). */
    timeZone: text("time_zone").notNull().default("Europe/Amsterdam"),
    /** Archived employers, with their contacts and vacancies, are out of sight until restored. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /**
     * Deactivated by the platform admin (decision 0032): the memberships of this organisation and
     * of its departments and branches grant no role until it is reactivated; its data stays.
     */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("organisations_home_portal_idx").on(t.homePortalId),
    index("organisations_parent_idx").on(t.parentId),
    index("organisations_kvk_idx").on(t.kvkNumber),
    index("organisations_managed_by_idx").on(t.managedByOrganisationId),
    // One registration per KvK number; departments and branches may repeat their parent's.
    uniqueIndex("organisations_kvk_key").on(t.kvkNumber).where(sql`${t.parentId} is null`),
    check("organisations_kvk_format", sql`${t.kvkNumber} is null or ${t.kvkNumber} ~ '^[0-9]{8}$'`),
  ],
);

/**
 * People with an account. Column names follow better-auth's core `user` model so that the
 * identity work can map onto this table instead of keeping a second one.
 */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    locale: text("locale").notNull().default("nl"),
    phone: text("phone"),
    /**
     * The mobile number for the SMS second factor (E.164), set only by confirming a code texted
     * to it (better-auth's phone-number plugin); separate from the contact number above.
     */
    phoneNumber: text("phone_number"),
    phoneNumberVerified: boolean("phone_number_verified").notNull().default(false),
    postcode: text("postcode"),
    twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
    /** Privacy choices from Settings ("Instellingen > Privacy" in the HalloWerk manual). */
    consentEmbeddedVideo: boolean("consent_embedded_video").notNull().default(false),
    consentResearch: boolean("consent_research").notNull().default(false),
    /** Deactivated by an org admin: cannot sign in; sessions were ended when it was set. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_phone_number_key").on(t.phoneNumber),
  ],
);

/**
 * Password credentials in better-auth's `account` shape (providerId "credential").
 */
export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    password: text("password"),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("accounts_provider_account_key").on(t.providerId, t.accountId)],
);

/**
 * A role of a user: staff roles belong to an organisation, a candidate to a portal, and the
 * platform administrator to neither.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: role("role").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    portalId: uuid("portal_id").references(() => portals.id),
    /** Only meaningful for employer_contact: whether they may create and change vacancies. */
    mayManageVacancies: boolean("may_manage_vacancies").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("memberships_user_idx").on(t.userId),
    index("memberships_organisation_idx").on(t.organisationId),
    uniqueIndex("memberships_unique_key").on(
      t.userId,
      t.role,
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.portalId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check(
      "memberships_scope",
      sql`(${t.role} = 'platform_admin' and ${t.organisationId} is null and ${t.portalId} is null)
        or (${t.role} = 'candidate' and ${t.portalId} is not null and ${t.organisationId} is null)
        or (${t.role} not in ('platform_admin', 'candidate') and ${t.organisationId} is not null)`,
    ),
  ],
);

/**
 * A site ("locatie", "vestiging") of an organisation: an address where its people work (the
 * referral portal: care homes of one group). Vacancies belong to a site; staff may be limited
 * to some sites. A site with history is deactivated, never deleted.
 */
export const organisationSites = pgTable(
  "organisation_sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    street: text("street").notNull(),
    houseNumber: text("house_number").notNull(),
    postcode: text("postcode").notNull(),
    city: text("city").notNull(),
    /** Place from data/reference/places.json; lat and lon are copied from it. */
    placeId: text("place_id"),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisation_sites_name_key").on(t.organisationId, sql`lower(${t.name})`),
    index("organisation_sites_organisation_idx").on(t.organisationId),
  ],
);

/** Staff limited to sites: someone with rows here works only with those sites' vacancies. */
export const siteStaff = pgTable(
  "site_staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => organisationSites.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("site_staff_site_user_key").on(t.siteId, t.userId),
    index("site_staff_user_idx").on(t.userId),
  ],
);
