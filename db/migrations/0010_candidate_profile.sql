CREATE TABLE "candidate_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_documents_kind_valid" CHECK ("candidate_documents"."kind" in ('cv', 'other'))
);
--> statement-breakpoint
CREATE TABLE "candidate_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"content_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_portal_visibility" (
	"candidate_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"visible" boolean NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_portal_visibility_candidate_id_portal_id_pk" PRIMARY KEY("candidate_id","portal_id")
);
--> statement-breakpoint
CREATE TABLE "contact_detail_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"viewer_user_id" text,
	"viewer_organisation_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "availability_grid" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "place_id" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "photo_file_key" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "work_types" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "sectors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "contact_preference" text DEFAULT 'account_manager' NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "account_manager_user_id" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "education" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "courses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "media" jsonb DEFAULT '{"videos":[],"links":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "hobbies" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "profile_updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "candidate_documents" ADD CONSTRAINT "candidate_documents_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_documents" ADD CONSTRAINT "candidate_documents_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_photos" ADD CONSTRAINT "candidate_photos_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_photos" ADD CONSTRAINT "candidate_photos_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_portal_visibility" ADD CONSTRAINT "candidate_portal_visibility_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_portal_visibility" ADD CONSTRAINT "candidate_portal_visibility_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_detail_views" ADD CONSTRAINT "contact_detail_views_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_detail_views" ADD CONSTRAINT "contact_detail_views_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_detail_views" ADD CONSTRAINT "contact_detail_views_viewer_user_id_users_id_fk" FOREIGN KEY ("viewer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_detail_views" ADD CONSTRAINT "contact_detail_views_viewer_organisation_id_organisations_id_fk" FOREIGN KEY ("viewer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidate_documents_candidate_idx" ON "candidate_documents" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "candidate_photos_candidate_idx" ON "candidate_photos" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "candidate_portal_visibility_portal_idx" ON "candidate_portal_visibility" USING btree ("portal_id","visible");--> statement-breakpoint
CREATE INDEX "contact_detail_views_candidate_idx" ON "contact_detail_views" USING btree ("candidate_id","at");--> statement-breakpoint
CREATE INDEX "contact_detail_views_viewer_idx" ON "contact_detail_views" USING btree ("viewer_user_id","at");--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_account_manager_user_id_users_id_fk" FOREIGN KEY ("account_manager_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_contact_preference_valid" CHECK ("candidates"."contact_preference" in ('direct', 'account_manager'));--> statement-breakpoint
-- Existing profiles count as changed when their row last did (retention counts from here).
UPDATE "candidates" SET "profile_updated_at" = "updated_at";
