ALTER TYPE "public"."role" ADD VALUE 'line_manager' BEFORE 'referrer';--> statement-breakpoint
CREATE TABLE "vacancy_team" (
	"vacancy_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"added_by_user_id" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vacancy_team_vacancy_id_user_id_role_pk" PRIMARY KEY("vacancy_id","user_id","role"),
	CONSTRAINT "vacancy_team_role_valid" CHECK ("vacancy_team"."role" in ('co_owner', 'hr', 'leader', 'jury'))
);
--> statement-breakpoint
ALTER TABLE "vacancy_team" ADD CONSTRAINT "vacancy_team_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_team" ADD CONSTRAINT "vacancy_team_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_team" ADD CONSTRAINT "vacancy_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_team" ADD CONSTRAINT "vacancy_team_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vacancy_team_user_idx" ON "vacancy_team" USING btree ("user_id");