CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"portal_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"cv_file_key" text,
	"cv_file_name" text,
	"cv_content_type" text,
	"channel_source" text,
	"created_by_user_id" text,
	"proposed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_source_valid" CHECK ("matches"."source" in ('applied', 'saved', 'proposed'))
);
--> statement-breakpoint
CREATE TABLE "vacancy_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" text,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_views" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"source" text NOT NULL,
	"channel" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vacancies" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "vacancies" ALTER COLUMN "status" SET DEFAULT 'draft';--> statement-breakpoint
-- Vlimpers calls a vacancy awaiting approval a request ("vacature-aanvraag").
UPDATE "vacancies" SET "status" = 'requested' WHERE "status" = 'pending_approval';--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "account_manager_user_id" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "logo_file_key" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "created_by_kind" text DEFAULT 'employer' NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "contact_user_id" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "account_manager_user_id" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "owner_user_id" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "function_group" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "kind" text DEFAULT 'vacancy' NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "salary_scale_min" integer;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "salary_scale_max" integer;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "salary_min" integer;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "salary_max" integer;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "duration_kind" text DEFAULT 'permanent' NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "duration_ends_on" date;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "use_head_office" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "house_number" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "place_id" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "image_file_key" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "service_model" text DEFAULT 'self_service' NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "contact_via" text DEFAULT 'employer' NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "publish_organisation_from" date;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "publish_portal_from" date;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "publish_all_portals_from" date;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "publish_public_from" date;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "announced_audiences" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "requested_by_user_id" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "request_comment" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "decided_by_user_id" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "decision_comment" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_attachments" ADD CONSTRAINT "vacancy_attachments_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_attachments" ADD CONSTRAINT "vacancy_attachments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_attachments" ADD CONSTRAINT "vacancy_attachments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_history" ADD CONSTRAINT "vacancy_history_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_history" ADD CONSTRAINT "vacancy_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_history" ADD CONSTRAINT "vacancy_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_views" ADD CONSTRAINT "vacancy_views_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_views" ADD CONSTRAINT "vacancy_views_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "matches_vacancy_candidate_key" ON "matches" USING btree ("vacancy_id","candidate_id");--> statement-breakpoint
CREATE INDEX "matches_candidate_idx" ON "matches" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "vacancy_attachments_vacancy_idx" ON "vacancy_attachments" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "vacancy_history_vacancy_idx" ON "vacancy_history" USING btree ("vacancy_id","at");--> statement-breakpoint
CREATE INDEX "vacancy_views_vacancy_idx" ON "vacancy_views" USING btree ("vacancy_id","source");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_account_manager_user_id_users_id_fk" FOREIGN KEY ("account_manager_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_account_manager_user_id_users_id_fk" FOREIGN KEY ("account_manager_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vacancies_status_closes_idx" ON "vacancies" USING btree ("status","closes_on");--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_salary_range" CHECK ("vacancies"."salary_min" is null or "vacancies"."salary_max" is null or "vacancies"."salary_min" <= "vacancies"."salary_max");--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_status_valid" CHECK ("vacancies"."status" in ('requested', 'rejected', 'draft', 'published', 'withdrawn', 'closed', 'archived'));--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_kind_valid" CHECK ("vacancies"."kind" in ('vacancy', 'internship', 'work_experience', 'apprenticeship', 'traineeship', 'project', 'job_rotation', 'shadowing', 'volunteer'));--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_service_model_valid" CHECK ("vacancies"."service_model" in ('self_service', 'together', 'account_manager'));--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_contact_via_valid" CHECK ("vacancies"."contact_via" in ('account_manager', 'employer'));--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_created_by_kind_valid" CHECK ("vacancies"."created_by_kind" in ('account_manager', 'employer'));--> statement-breakpoint
DROP TYPE "public"."vacancy_status";