CREATE TABLE "selection_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"requested_by_user_id" text,
	"approver_user_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"message" text,
	"remarks" text,
	"report" jsonb NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "selection_approvals_status_valid" CHECK ("selection_approvals"."status" in ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "selection_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"name" text NOT NULL,
	"dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_score" integer NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_parts_max_score_positive" CHECK ("selection_parts"."max_score" > 0)
);
--> statement-breakpoint
CREATE TABLE "selection_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"part_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"jury_user_id" text NOT NULL,
	"score" double precision,
	"verdict" text,
	"motivation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_scores_verdict_valid" CHECK ("selection_scores"."verdict" is null or "selection_scores"."verdict" in ('suitable', 'unsuitable')),
	CONSTRAINT "selection_scores_something" CHECK ("selection_scores"."score" is not null or "selection_scores"."verdict" is not null)
);
--> statement-breakpoint
ALTER TABLE "selection_approvals" ADD CONSTRAINT "selection_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_approvals" ADD CONSTRAINT "selection_approvals_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_approvals" ADD CONSTRAINT "selection_approvals_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_approvals" ADD CONSTRAINT "selection_approvals_approver_user_id_users_id_fk" FOREIGN KEY ("approver_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_parts" ADD CONSTRAINT "selection_parts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_parts" ADD CONSTRAINT "selection_parts_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_scores" ADD CONSTRAINT "selection_scores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_scores" ADD CONSTRAINT "selection_scores_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_scores" ADD CONSTRAINT "selection_scores_part_id_selection_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."selection_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_scores" ADD CONSTRAINT "selection_scores_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_scores" ADD CONSTRAINT "selection_scores_jury_user_id_users_id_fk" FOREIGN KEY ("jury_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "selection_approvals_vacancy_idx" ON "selection_approvals" USING btree ("vacancy_id","requested_at");--> statement-breakpoint
CREATE INDEX "selection_approvals_approver_idx" ON "selection_approvals" USING btree ("approver_user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_approvals_one_pending" ON "selection_approvals" USING btree ("vacancy_id") WHERE "selection_approvals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "selection_parts_vacancy_idx" ON "selection_parts" USING btree ("vacancy_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_scores_key" ON "selection_scores" USING btree ("part_id","match_id","jury_user_id");--> statement-breakpoint
CREATE INDEX "selection_scores_vacancy_idx" ON "selection_scores" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "selection_scores_match_idx" ON "selection_scores" USING btree ("match_id");