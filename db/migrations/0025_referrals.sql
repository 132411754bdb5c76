CREATE TABLE "referral_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"referrer_user_id" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_point_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"phase_key" text NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "referral_point_rules_points_valid" CHECK ("referral_point_rules"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "referral_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"referrer_user_id" text NOT NULL,
	"referral_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"phase_key" text NOT NULL,
	"points" integer NOT NULL,
	"reverses_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_points_sign" CHECK (("referral_points"."reverses_id" is null and "referral_points"."points" > 0) or ("referral_points"."reverses_id" is not null and "referral_points"."points" < 0))
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"referrer_user_id" text,
	"channel" text NOT NULL,
	"email" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"eoi_at" timestamp with time zone,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_channel_valid" CHECK ("referrals"."channel" in ('direct', 'link'))
);
--> statement-breakpoint
CREATE TABLE "organisation_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"street" text NOT NULL,
	"house_number" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"place_id" text,
	"lat" double precision,
	"lon" double precision,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matches" DROP CONSTRAINT "matches_source_valid";--> statement-breakpoint
ALTER TABLE "match_history" ADD COLUMN "outcome_option" text;--> statement-breakpoint
ALTER TABLE "procedure_phases" ADD COLUMN "outcome_options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "site_id" uuid;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "notify_on_referral" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "referral_links" ADD CONSTRAINT "referral_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_links" ADD CONSTRAINT "referral_links_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_links" ADD CONSTRAINT "referral_links_referrer_user_id_users_id_fk" FOREIGN KEY ("referrer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_point_rules" ADD CONSTRAINT "referral_point_rules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_points" ADD CONSTRAINT "referral_points_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_points" ADD CONSTRAINT "referral_points_referrer_user_id_users_id_fk" FOREIGN KEY ("referrer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_points" ADD CONSTRAINT "referral_points_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_points" ADD CONSTRAINT "referral_points_step_id_match_history_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."match_history"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_user_id_users_id_fk" FOREIGN KEY ("referrer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_sites" ADD CONSTRAINT "organisation_sites_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_staff" ADD CONSTRAINT "site_staff_site_id_organisation_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."organisation_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_staff" ADD CONSTRAINT "site_staff_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_staff" ADD CONSTRAINT "site_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "referral_links_code_key" ON "referral_links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_links_vacancy_referrer_key" ON "referral_links" USING btree ("vacancy_id","referrer_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_point_rules_org_phase_key" ON "referral_point_rules" USING btree ("organisation_id","phase_key");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_points_award_key" ON "referral_points" USING btree ("step_id") WHERE "referral_points"."reverses_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "referral_points_reversal_key" ON "referral_points" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "referral_points_referrer_idx" ON "referral_points" USING btree ("referrer_user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_match_key" ON "referrals" USING btree ("match_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_vacancy_email_key" ON "referrals" USING btree ("vacancy_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_confirm_token_key" ON "referrals" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "referrals_organisation_idx" ON "referrals" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("referrer_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_sites_name_key" ON "organisation_sites" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "organisation_sites_organisation_idx" ON "organisation_sites" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "site_staff_site_user_key" ON "site_staff" USING btree ("site_id","user_id");--> statement-breakpoint
CREATE INDEX "site_staff_user_idx" ON "site_staff" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_site_id_organisation_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."organisation_sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_source_valid" CHECK ("matches"."source" in ('applied', 'saved', 'proposed', 'referred'));--> statement-breakpoint
-- The referral milestones as the referral portal names them, each with its list of outcomes.
UPDATE "procedure_phases" SET "label" = '{"nl":"Contact gemaakt?","en":"Contact made?","de":"Kontakt aufgenommen?","fr":"Contact établi ?"}'::jsonb, "outcome_options" = '[{"key":"reached","colour":"green","label":{"nl":"Ja, contact gemaakt","en":"Yes, in contact","de":"Ja, Kontakt aufgenommen","fr":"Oui, contact établi"}},{"key":"not_reached","colour":"orange","label":{"nl":"Nog niet bereikt","en":"Not reached yet","de":"Noch nicht erreicht","fr":"Pas encore joint"}},{"key":"not_interested","colour":"red","label":{"nl":"Niet geïnteresseerd","en":"Not interested","de":"Kein Interesse","fr":"Pas intéressé"}}]'::jsonb WHERE "key" = 'contact_made' AND "procedure_id" IN (SELECT "id" FROM "procedures" WHERE "template" = 'referral');--> statement-breakpoint
UPDATE "procedure_phases" SET "label" = '{"nl":"Gesprek gepland","en":"Interview scheduled","de":"Gespräch geplant","fr":"Entretien planifié"}'::jsonb, "outcome_options" = '[{"key":"planned","colour":"green","label":{"nl":"Gesprek gepland","en":"Interview scheduled","de":"Gespräch geplant","fr":"Entretien planifié"}},{"key":"no_date_yet","colour":"orange","label":{"nl":"Nog geen datum","en":"No date yet","de":"Noch kein Termin","fr":"Pas encore de date"}},{"key":"no_interview","colour":"red","label":{"nl":"Geen gesprek","en":"No interview","de":"Kein Gespräch","fr":"Pas d''entretien"}}]'::jsonb WHERE "key" = 'interview_planned' AND "procedure_id" IN (SELECT "id" FROM "procedures" WHERE "template" = 'referral');--> statement-breakpoint
UPDATE "procedure_phases" SET "label" = '{"nl":"Interview voltooid","en":"Interview completed","de":"Gespräch geführt","fr":"Entretien terminé"}'::jsonb, "outcome_options" = '[{"key":"positive","colour":"green","label":{"nl":"Voltooid, positief","en":"Completed, positive","de":"Geführt, positiv","fr":"Terminé, positif"}},{"key":"second_interview","colour":"orange","label":{"nl":"Tweede gesprek nodig","en":"Second interview needed","de":"Zweites Gespräch nötig","fr":"Deuxième entretien nécessaire"}},{"key":"not_suitable","colour":"red","label":{"nl":"Niet geschikt","en":"Not suitable","de":"Nicht geeignet","fr":"Pas adapté"}}]'::jsonb WHERE "key" = 'interview_done' AND "procedure_id" IN (SELECT "id" FROM "procedures" WHERE "template" = 'referral');--> statement-breakpoint
UPDATE "procedure_phases" SET "label" = '{"nl":"Aanbod gedaan","en":"Offer made","de":"Angebot gemacht","fr":"Offre faite"}'::jsonb, "outcome_options" = '[{"key":"accepted","colour":"green","label":{"nl":"Aanbod aangenomen","en":"Offer accepted","de":"Angebot angenommen","fr":"Offre acceptée"}},{"key":"thinking","colour":"orange","label":{"nl":"Bedenktijd","en":"Thinking it over","de":"Bedenkzeit","fr":"Temps de réflexion"}},{"key":"declined","colour":"red","label":{"nl":"Aanbod afgewezen","en":"Offer declined","de":"Angebot abgelehnt","fr":"Offre refusée"}}]'::jsonb WHERE "key" = 'offer_made' AND "procedure_id" IN (SELECT "id" FROM "procedures" WHERE "template" = 'referral');--> statement-breakpoint
UPDATE "procedure_phases" SET "label" = '{"nl":"Begonnen werk","en":"Started work","de":"Arbeit aufgenommen","fr":"A commencé à travailler"}'::jsonb, "outcome_options" = '[{"key":"started","colour":"green","label":{"nl":"Begonnen","en":"Started","de":"Angefangen","fr":"A commencé"}},{"key":"start_moved","colour":"orange","label":{"nl":"Startdatum verschoven","en":"Start date moved","de":"Starttermin verschoben","fr":"Date de début reportée"}},{"key":"did_not_start","colour":"red","label":{"nl":"Niet begonnen","en":"Did not start","de":"Nicht angefangen","fr":"N''a pas commencé"}}]'::jsonb WHERE "key" = 'started' AND "procedure_id" IN (SELECT "id" FROM "procedures" WHERE "template" = 'referral');--> statement-breakpoint
UPDATE "procedure_phases" SET "label" = '{"nl":"Is de kandidaat nog aan het werk na 3 maanden?","en":"Is the candidate still working after 3 months?","de":"Ist die Person nach 3 Monaten noch beschäftigt?","fr":"Le candidat travaille-t-il encore après 3 mois ?"}'::jsonb, "outcome_options" = '[{"key":"still_working","colour":"green","label":{"nl":"Ja, nog aan het werk","en":"Yes, still working","de":"Ja, noch beschäftigt","fr":"Oui, toujours en poste"}},{"key":"not_known_yet","colour":"orange","label":{"nl":"Nog niet bekend","en":"Not known yet","de":"Noch nicht bekannt","fr":"Pas encore connu"}},{"key":"left","colour":"red","label":{"nl":"Uit dienst","en":"Has left","de":"Ausgeschieden","fr":"A quitté"}}]'::jsonb WHERE "key" = 'still_working' AND "procedure_id" IN (SELECT "id" FROM "procedures" WHERE "template" = 'referral');
