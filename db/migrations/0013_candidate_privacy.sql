CREATE TABLE "candidate_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"given" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "candidate_consents_purpose_valid" CHECK ("candidate_consents"."purpose" in ('employers_portal', 'research')),
	CONSTRAINT "candidate_consents_source_valid" CHECK ("candidate_consents"."source" in ('candidate', 'staff', 'system'))
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "retention_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "candidate_consents" ADD CONSTRAINT "candidate_consents_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_consents" ADD CONSTRAINT "candidate_consents_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidate_consents_candidate_idx" ON "candidate_consents" USING btree ("candidate_id","purpose","at");--> statement-breakpoint
CREATE INDEX "candidates_retention_idx" ON "candidates" USING btree ("profile_updated_at") WHERE "candidates"."anonymised_at" is null;