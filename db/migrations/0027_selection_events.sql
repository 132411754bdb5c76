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
CREATE INDEX "selection_events_vacancy_idx" ON "selection_events" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "selection_events_organisation_idx" ON "selection_events" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_invitations_event_match_key" ON "selection_invitations" USING btree ("event_id","match_id");--> statement-breakpoint
CREATE INDEX "selection_invitations_slot_idx" ON "selection_invitations" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "selection_invitations_match_idx" ON "selection_invitations" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "selection_sessions_event_idx" ON "selection_sessions" USING btree ("event_id","day","starts_at");--> statement-breakpoint
CREATE INDEX "selection_slots_session_idx" ON "selection_slots" USING btree ("session_id","starts_at");