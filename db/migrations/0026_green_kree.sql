CREATE TABLE "job_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_job_sites" (
	"vacancy_id" uuid NOT NULL,
	"job_site_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"added_by_user_id" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vacancy_job_sites_vacancy_id_job_site_id_pk" PRIMARY KEY("vacancy_id","job_site_id")
);
--> statement-breakpoint
ALTER TABLE "job_sites" ADD CONSTRAINT "job_sites_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_job_sites" ADD CONSTRAINT "vacancy_job_sites_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_job_sites" ADD CONSTRAINT "vacancy_job_sites_job_site_id_job_sites_id_fk" FOREIGN KEY ("job_site_id") REFERENCES "public"."job_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_job_sites" ADD CONSTRAINT "vacancy_job_sites_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_job_sites" ADD CONSTRAINT "vacancy_job_sites_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_sites_code_key" ON "job_sites" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "job_sites_name_key" ON "job_sites" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "vacancy_job_sites_site_idx" ON "vacancy_job_sites" USING btree ("job_site_id");