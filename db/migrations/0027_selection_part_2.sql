CREATE TABLE "hires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"national_register_number" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"start_date" date,
	"leader_user_id" text,
	"mentor_user_id" text,
	"hired_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"url" text NOT NULL,
	"availability" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_materials_availability_valid" CHECK ("learning_materials"."availability" in ('before_first_day', 'from_first_day'))
);
--> statement-breakpoint
CREATE TABLE "material_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"hire_id" uuid NOT NULL,
	"material_id" uuid NOT NULL,
	"assigned_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onboarding_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"hire_id" uuid NOT NULL,
	"kind" text DEFAULT 'plan_meeting' NOT NULL,
	"role" text NOT NULL,
	"assignee_user_id" text NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboarding_actions_role_valid" CHECK ("onboarding_actions"."role" in ('leader', 'mentor'))
);
--> statement-breakpoint
CREATE TABLE "organisation_email_domains" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_onboarding" (
	"vacancy_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"set_by_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "calendar_feeds" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "selection_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" text,
	"online_url" text,
	"booking_deadline" timestamp with time zone NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_events_place" CHECK ("selection_events"."location" is not null or "selection_events"."online_url" is not null)
);
--> statement-breakpoint
CREATE TABLE "selection_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"slot_id" uuid,
	"booked_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"attendance" text,
	"invited_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_invitations_attendance" CHECK ("selection_invitations"."attendance" in ('present', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "selection_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	CONSTRAINT "selection_sessions_order" CHECK ("selection_sessions"."ends_at" > "selection_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "selection_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "selection_slots_order" CHECK ("selection_slots"."ends_at" > "selection_slots"."starts_at"),
	CONSTRAINT "selection_slots_capacity" CHECK ("selection_slots"."capacity" >= 1)
);
--> statement-breakpoint
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
ALTER TABLE "matches" DROP CONSTRAINT "matches_source_valid";--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_mentor_user_id_users_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_hired_by_user_id_users_id_fk" FOREIGN KEY ("hired_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_materials" ADD CONSTRAINT "learning_materials_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_materials" ADD CONSTRAINT "learning_materials_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_assignments" ADD CONSTRAINT "material_assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_assignments" ADD CONSTRAINT "material_assignments_hire_id_hires_id_fk" FOREIGN KEY ("hire_id") REFERENCES "public"."hires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_assignments" ADD CONSTRAINT "material_assignments_material_id_learning_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."learning_materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_assignments" ADD CONSTRAINT "material_assignments_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_actions" ADD CONSTRAINT "onboarding_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_actions" ADD CONSTRAINT "onboarding_actions_hire_id_hires_id_fk" FOREIGN KEY ("hire_id") REFERENCES "public"."hires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_actions" ADD CONSTRAINT "onboarding_actions_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_email_domains" ADD CONSTRAINT "organisation_email_domains_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_email_domains" ADD CONSTRAINT "organisation_email_domains_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_onboarding" ADD CONSTRAINT "vacancy_onboarding_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_onboarding" ADD CONSTRAINT "vacancy_onboarding_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_onboarding" ADD CONSTRAINT "vacancy_onboarding_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_events" ADD CONSTRAINT "selection_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_events" ADD CONSTRAINT "selection_events_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_events" ADD CONSTRAINT "selection_events_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_invitations" ADD CONSTRAINT "selection_invitations_event_id_selection_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."selection_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_invitations" ADD CONSTRAINT "selection_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_invitations" ADD CONSTRAINT "selection_invitations_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_invitations" ADD CONSTRAINT "selection_invitations_slot_id_selection_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."selection_slots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_invitations" ADD CONSTRAINT "selection_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_sessions" ADD CONSTRAINT "selection_sessions_event_id_selection_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."selection_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_sessions" ADD CONSTRAINT "selection_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_slots" ADD CONSTRAINT "selection_slots_session_id_selection_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."selection_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_slots" ADD CONSTRAINT "selection_slots_event_id_selection_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."selection_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_slots" ADD CONSTRAINT "selection_slots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "hires_match_key" ON "hires" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "hires_vacancy_idx" ON "hires" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "hires_candidate_idx" ON "hires" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "learning_materials_organisation_idx" ON "learning_materials" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "material_assignments_key" ON "material_assignments" USING btree ("hire_id","material_id");--> statement-breakpoint
CREATE UNIQUE INDEX "onboarding_actions_hire_role_key" ON "onboarding_actions" USING btree ("hire_id","role");--> statement-breakpoint
CREATE INDEX "onboarding_actions_assignee_idx" ON "onboarding_actions" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "procedure_closures_organisation_idx" ON "procedure_closures" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "reserve_list_call_ups_laureate_idx" ON "reserve_list_call_ups" USING btree ("laureate_id");--> statement-breakpoint
CREATE INDEX "reserve_list_call_ups_organisation_idx" ON "reserve_list_call_ups" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_list_laureates_match_key" ON "reserve_list_laureates" USING btree ("reserve_list_id","match_id");--> statement-breakpoint
CREATE INDEX "reserve_list_laureates_organisation_idx" ON "reserve_list_laureates" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_lists_vacancy_key" ON "reserve_lists" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "reserve_lists_organisation_idx" ON "reserve_lists" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "selection_events_vacancy_idx" ON "selection_events" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "selection_events_organisation_idx" ON "selection_events" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_invitations_event_match_key" ON "selection_invitations" USING btree ("event_id","match_id");--> statement-breakpoint
CREATE INDEX "selection_invitations_slot_idx" ON "selection_invitations" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "selection_invitations_match_idx" ON "selection_invitations" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "selection_sessions_event_idx" ON "selection_sessions" USING btree ("event_id","day","starts_at");--> statement-breakpoint
CREATE INDEX "selection_slots_session_idx" ON "selection_slots" USING btree ("session_id","starts_at");--> statement-breakpoint
CREATE INDEX "selection_approvals_vacancy_idx" ON "selection_approvals" USING btree ("vacancy_id","requested_at");--> statement-breakpoint
CREATE INDEX "selection_approvals_approver_idx" ON "selection_approvals" USING btree ("approver_user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_approvals_one_pending" ON "selection_approvals" USING btree ("vacancy_id") WHERE "selection_approvals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "selection_parts_vacancy_idx" ON "selection_parts" USING btree ("vacancy_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_scores_key" ON "selection_scores" USING btree ("part_id","match_id","jury_user_id");--> statement-breakpoint
CREATE INDEX "selection_scores_vacancy_idx" ON "selection_scores" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "selection_scores_match_idx" ON "selection_scores" USING btree ("match_id");--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_source_valid" CHECK ("matches"."source" in ('applied', 'saved', 'proposed', 'referred', 'reserve_list'));