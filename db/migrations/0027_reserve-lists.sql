CREATE TABLE "procedure_closures" (
	"vacancy_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"mailed" integer DEFAULT 0 NOT NULL,
	"closed_by_user_id" text,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_closures_kind_valid" CHECK ("procedure_closures"."kind" in ('completed', 'cancelled')),
	CONSTRAINT "procedure_closures_reason_given" CHECK ("procedure_closures"."kind" = 'completed' or "procedure_closures"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "reserve_list_call_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reserve_list_id" uuid NOT NULL,
	"laureate_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"match_id" uuid,
	"kind" text NOT NULL,
	"by_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reserve_list_call_ups_kind_valid" CHECK ("reserve_list_call_ups"."kind" in ('call_up', 'added'))
);
--> statement-breakpoint
CREATE TABLE "reserve_list_laureates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reserve_list_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"added_by_user_id" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserve_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"expiry_warned_at" timestamp with time zone,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reserve_lists_period_valid" CHECK ("reserve_lists"."ends_on" >= "reserve_lists"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "matches" DROP CONSTRAINT "matches_source_valid";--> statement-breakpoint
ALTER TABLE "procedure_closures" ADD CONSTRAINT "procedure_closures_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_closures" ADD CONSTRAINT "procedure_closures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_closures" ADD CONSTRAINT "procedure_closures_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_call_ups" ADD CONSTRAINT "reserve_list_call_ups_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_call_ups" ADD CONSTRAINT "reserve_list_call_ups_reserve_list_id_reserve_lists_id_fk" FOREIGN KEY ("reserve_list_id") REFERENCES "public"."reserve_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_call_ups" ADD CONSTRAINT "reserve_list_call_ups_laureate_id_reserve_list_laureates_id_fk" FOREIGN KEY ("laureate_id") REFERENCES "public"."reserve_list_laureates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_call_ups" ADD CONSTRAINT "reserve_list_call_ups_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_call_ups" ADD CONSTRAINT "reserve_list_call_ups_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_call_ups" ADD CONSTRAINT "reserve_list_call_ups_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_laureates" ADD CONSTRAINT "reserve_list_laureates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_laureates" ADD CONSTRAINT "reserve_list_laureates_reserve_list_id_reserve_lists_id_fk" FOREIGN KEY ("reserve_list_id") REFERENCES "public"."reserve_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_laureates" ADD CONSTRAINT "reserve_list_laureates_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_laureates" ADD CONSTRAINT "reserve_list_laureates_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_list_laureates" ADD CONSTRAINT "reserve_list_laureates_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_lists" ADD CONSTRAINT "reserve_lists_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_lists" ADD CONSTRAINT "reserve_lists_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_lists" ADD CONSTRAINT "reserve_lists_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedure_closures_organisation_idx" ON "procedure_closures" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "reserve_list_call_ups_laureate_idx" ON "reserve_list_call_ups" USING btree ("laureate_id");--> statement-breakpoint
CREATE INDEX "reserve_list_call_ups_organisation_idx" ON "reserve_list_call_ups" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_list_laureates_match_key" ON "reserve_list_laureates" USING btree ("reserve_list_id","match_id");--> statement-breakpoint
CREATE INDEX "reserve_list_laureates_organisation_idx" ON "reserve_list_laureates" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_lists_vacancy_key" ON "reserve_lists" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "reserve_lists_organisation_idx" ON "reserve_lists" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_source_valid" CHECK ("matches"."source" in ('applied', 'saved', 'proposed', 'referred', 'reserve_list'));