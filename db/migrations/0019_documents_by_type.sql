CREATE TABLE "document_type_settings" (
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"visible_to_contacts" boolean NOT NULL,
	"updated_by_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_type_settings_organisation_id_type_pk" PRIMARY KEY("organisation_id","type"),
	CONSTRAINT "document_type_settings_type_valid" CHECK ("document_type_settings"."type" in ('cv', 'certificate', 'diploma', 'reference', 'contract', 'identity', 'other'))
);
--> statement-breakpoint
CREATE TABLE "match_documents" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"uploaded_by_user_id" text,
	"uploaded_by_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidate_documents" DROP CONSTRAINT "candidate_documents_kind_valid";--> statement-breakpoint
ALTER TABLE "document_type_settings" ADD CONSTRAINT "document_type_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_type_settings" ADD CONSTRAINT "document_type_settings_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_documents" ADD CONSTRAINT "match_documents_document_id_candidate_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."candidate_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_documents" ADD CONSTRAINT "match_documents_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_documents" ADD CONSTRAINT "match_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_documents" ADD CONSTRAINT "match_documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_documents" ADD CONSTRAINT "match_documents_uploaded_by_organisation_id_organisations_id_fk" FOREIGN KEY ("uploaded_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_documents_match_idx" ON "match_documents" USING btree ("match_id");--> statement-breakpoint
ALTER TABLE "candidate_documents" ADD CONSTRAINT "candidate_documents_kind_valid" CHECK ("candidate_documents"."kind" in ('cv', 'certificate', 'diploma', 'reference', 'contract', 'identity', 'other'));