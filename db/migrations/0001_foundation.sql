CREATE TYPE "public"."organisation_kind" AS ENUM('employer', 'municipality', 'agency', 'government');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('platform_admin', 'org_admin', 'account_manager', 'employer_contact', 'hr_officer', 'selection_officer', 'jury_member', 'referrer', 'candidate');--> statement-breakpoint
CREATE TYPE "public"."vacancy_status" AS ENUM('draft', 'pending_approval', 'published', 'closed', 'archived');--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"portal_id" uuid NOT NULL,
	"user_id" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"birth_date" date,
	"postcode" text,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"headline" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"desired_occupation_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"experience" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education_level" text,
	"work_level" text,
	"driving_licences" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certificates" text[] DEFAULT '{}'::text[] NOT NULL,
	"physical_limitations" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"transport_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"dayparts" text[] DEFAULT '{}'::text[] NOT NULL,
	"hours_min" integer,
	"hours_max" integer,
	"max_travel_km" integer,
	"available_from" date,
	"visible" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidates_hours_range" CHECK ("candidates"."hours_min" is null or "candidates"."hours_max" is null or "candidates"."hours_min" <= "candidates"."hours_max")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"role" "role" NOT NULL,
	"organisation_id" uuid,
	"portal_id" uuid,
	"may_manage_vacancies" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_scope" CHECK (("memberships"."role" = 'platform_admin' and "memberships"."organisation_id" is null and "memberships"."portal_id" is null)
        or ("memberships"."role" = 'candidate' and "memberships"."portal_id" is not null and "memberships"."organisation_id" is null)
        or ("memberships"."role" not in ('platform_admin', 'candidate') and "memberships"."organisation_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"kvk_number" text,
	"street" text,
	"house_number" text,
	"postcode" text,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"home_portal_id" uuid NOT NULL,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kvk_format" CHECK ("organisations"."kvk_number" is null or "organisations"."kvk_number" ~ '^[0-9]{8}$')
);
--> statement-breakpoint
CREATE TABLE "portals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"primary_color" text DEFAULT '#1c4f7c' NOT NULL,
	"logo_url" text,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portals_slug_format" CHECK ("portals"."slug" ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
	CONSTRAINT "portals_color_format" CHECK ("portals"."primary_color" ~ '^#[0-9a-fA-F]{6}$')
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"locale" text DEFAULT 'nl' NOT NULL,
	"phone" text,
	"postcode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"created_by_user_id" text,
	"title" text NOT NULL,
	"display_title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"occupation_id" text,
	"education_level" text,
	"hours_min" integer,
	"hours_max" integer,
	"positions" integer DEFAULT 1 NOT NULL,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"status" "vacancy_status" DEFAULT 'draft' NOT NULL,
	"publish_from" timestamp with time zone,
	"closes_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vacancies_positions_positive" CHECK ("vacancies"."positions" > 0),
	CONSTRAINT "vacancies_hours_range" CHECK ("vacancies"."hours_min" is null or "vacancies"."hours_max" is null or "vacancies"."hours_min" <= "vacancies"."hours_max")
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_home_portal_id_portals_id_fk" FOREIGN KEY ("home_portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portals" ADD CONSTRAINT "portals_parent_id_portals_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidates_portal_idx" ON "candidates" USING btree ("portal_id");--> statement-breakpoint
CREATE INDEX "candidates_user_idx" ON "candidates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "candidates_lat_lon_idx" ON "candidates" USING btree ("lat","lon");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_provider_account_key" ON "accounts" USING btree ("provider_id","account_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_organisation_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_unique_key" ON "memberships" USING btree ("user_id","role",coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("portal_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "organisations_home_portal_idx" ON "organisations" USING btree ("home_portal_id");--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_kvk_idx" ON "organisations" USING btree ("kvk_number");--> statement-breakpoint
CREATE UNIQUE INDEX "portals_slug_key" ON "portals" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "portals_single_national_key" ON "portals" USING btree ((true)) WHERE "portals"."parent_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "vacancies_organisation_idx" ON "vacancies" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "vacancies_portal_status_idx" ON "vacancies" USING btree ("portal_id","status");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");