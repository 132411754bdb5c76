CREATE TABLE "contact_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"notes" text DEFAULT '' NOT NULL,
	"may_manage_vacancies" boolean DEFAULT false NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"user_id" text,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_persons_language_valid" CHECK ("contact_persons"."language" in ('nl', 'en', 'de', 'fr'))
);
--> statement-breakpoint
CREATE TABLE "last_visits" (
	"user_id" text NOT NULL,
	"page" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "last_visits_user_id_page_pk" PRIMARY KEY("user_id","page")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "managed_by_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portals" ADD COLUMN "share_employers" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_persons" ADD CONSTRAINT "contact_persons_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_persons" ADD CONSTRAINT "contact_persons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_persons" ADD CONSTRAINT "contact_persons_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "last_visits" ADD CONSTRAINT "last_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_persons_organisation_idx" ON "contact_persons" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "contact_persons_email_idx" ON "contact_persons" USING btree (lower("email"));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_managed_by_organisation_id_organisations_id_fk" FOREIGN KEY ("managed_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_managed_by_idx" ON "organisations" USING btree ("managed_by_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_kvk_key" ON "organisations" USING btree ("kvk_number") WHERE "organisations"."parent_id" is null;--> statement-breakpoint
-- Employers join the CRM of the team their account manager belongs to.
UPDATE "organisations" o SET "managed_by_organisation_id" = m."organisation_id" FROM "memberships" m WHERE o."managed_by_organisation_id" IS NULL AND m."user_id" = o."account_manager_user_id" AND m."role" IN ('account_manager', 'org_admin');--> statement-breakpoint
-- Everyone with the employer_contact role becomes a contact person with access.
INSERT INTO "contact_persons" ("organisation_id", "name", "email", "may_manage_vacancies", "language", "user_id") SELECT m."organisation_id", u."name", u."email", m."may_manage_vacancies", CASE WHEN u."locale" IN ('nl', 'en', 'de', 'fr') THEN u."locale" ELSE 'nl' END, u."id" FROM "memberships" m JOIN "users" u ON u."id" = m."user_id" WHERE m."role" = 'employer_contact';
