CREATE TABLE "match_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_user_id" text,
	"verdict" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"phase_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_evaluations_verdict_valid" CHECK ("match_evaluations"."verdict" in ('yes', 'maybe', 'no'))
);
--> statement-breakpoint
CREATE TABLE "match_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_phase_id" uuid,
	"to_phase_id" uuid NOT NULL,
	"outcome" text,
	"comment" text,
	"actor_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by_user_id" text,
	CONSTRAINT "match_history_outcome_valid" CHECK ("match_history"."outcome" is null or "match_history"."outcome" in ('green', 'orange', 'red', 'passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "procedure_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"label" jsonb NOT NULL,
	"visible_to_contacts" boolean DEFAULT false NOT NULL,
	"outcomes" text[] DEFAULT '{}'::text[] NOT NULL,
	"meaning" text DEFAULT 'active' NOT NULL,
	CONSTRAINT "procedure_phases_meaning_valid" CHECK ("procedure_phases"."meaning" in ('active', 'hired', 'rejected', 'archived', 'withdrawn')),
	CONSTRAINT "procedure_phases_outcomes_valid" CHECK ("procedure_phases"."outcomes" <@ array['green', 'orange', 'red', 'passed', 'failed']::text[])
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"template" text,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_kind_valid" CHECK ("procedures"."kind" in ('recruitment', 'referral', 'selection'))
);
--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "procedure_id" uuid;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "phase_id" uuid;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "phase_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "procedure_id" uuid;--> statement-breakpoint
ALTER TABLE "match_evaluations" ADD CONSTRAINT "match_evaluations_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_evaluations" ADD CONSTRAINT "match_evaluations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_evaluations" ADD CONSTRAINT "match_evaluations_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_evaluations" ADD CONSTRAINT "match_evaluations_phase_id_procedure_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."procedure_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_history" ADD CONSTRAINT "match_history_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_history" ADD CONSTRAINT "match_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_history" ADD CONSTRAINT "match_history_from_phase_id_procedure_phases_id_fk" FOREIGN KEY ("from_phase_id") REFERENCES "public"."procedure_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_history" ADD CONSTRAINT "match_history_to_phase_id_procedure_phases_id_fk" FOREIGN KEY ("to_phase_id") REFERENCES "public"."procedure_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_history" ADD CONSTRAINT "match_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_history" ADD CONSTRAINT "match_history_undone_by_user_id_users_id_fk" FOREIGN KEY ("undone_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_phases" ADD CONSTRAINT "procedure_phases_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_phases" ADD CONSTRAINT "procedure_phases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_evaluations_match_idx" ON "match_evaluations" USING btree ("match_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "match_history_match_seq_key" ON "match_history" USING btree ("match_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_phases_procedure_key" ON "procedure_phases" USING btree ("procedure_id","key");--> statement-breakpoint
CREATE INDEX "procedure_phases_procedure_idx" ON "procedure_phases" USING btree ("procedure_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_organisation_template_key" ON "procedures" USING btree ("organisation_id","template");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_one_default_key" ON "procedures" USING btree ("organisation_id") WHERE "procedures"."is_default";--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_phase_id_procedure_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."procedure_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matches_organisation_idx" ON "matches" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_outcome_valid" CHECK ("matches"."outcome" is null or "matches"."outcome" in ('green', 'orange', 'red', 'passed', 'failed'));
--> statement-breakpoint
-- Data (written by hand, decision 0016): every organisation gets the shipped procedures
-- (src/server/modules/matches/matches.templates.ts as it was at this migration), and every
-- existing match lands in its vacancy's organisation's default recruitment procedure with a
-- history of how it got there. Nothing of the old row is dropped.
INSERT INTO "procedures" ("organisation_id", "template", "kind", "name", "is_default")
SELECT o."id", t."template", t."kind", t."name"::jsonb, t."is_default"
FROM "organisations" o
CROSS JOIN (VALUES
  ('recruitment', 'recruitment', '{"nl":"Werving","en":"Recruitment","de":"Rekrutierung","fr":"Recrutement"}', true),
  ('referral', 'referral', '{"nl":"Verwijzing","en":"Referral","de":"Empfehlung","fr":"Recommandation"}', false),
  ('selection', 'selection', '{"nl":"Selectieprocedure","en":"Selection procedure","de":"Auswahlverfahren","fr":"Procédure de sélection"}', false)
) AS t("template", "kind", "name", "is_default")
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "procedure_phases" ("procedure_id", "organisation_id", "key", "position", "label", "visible_to_contacts", "outcomes", "meaning")
SELECT p."id", p."organisation_id", t."key", t."position", t."label"::jsonb, t."visible", t."outcomes"::text[], t."meaning"
FROM "procedures" p
JOIN (VALUES
  ('recruitment', 'saved', 0, '{"nl":"Opgeslagen (longlist)","en":"Saved (long list)","de":"Gespeichert (Longlist)","fr":"Enregistré (liste longue)"}', false, '{}', 'active'),
  ('recruitment', 'applied', 1, '{"nl":"Gesolliciteerd","en":"Applied","de":"Beworben","fr":"Candidature reçue"}', false, '{}', 'active'),
  ('recruitment', 'screening', 2, '{"nl":"In behandeling","en":"In review","de":"In Bearbeitung","fr":"En cours d''examen"}', false, '{}', 'active'),
  ('recruitment', 'proposed', 3, '{"nl":"Voorgesteld","en":"Proposed","de":"Vorgeschlagen","fr":"Proposé"}', true, '{}', 'active'),
  ('recruitment', 'approved', 4, '{"nl":"Goedgekeurd door opdrachtgever","en":"Approved by the client","de":"Vom Auftraggeber genehmigt","fr":"Approuvé par le client"}', true, '{}', 'active'),
  ('recruitment', 'interview', 5, '{"nl":"Gesprek","en":"Interview","de":"Vorstellungsgespräch","fr":"Entretien"}', true, '{passed,failed}', 'active'),
  ('recruitment', 'offer', 6, '{"nl":"Aanbod","en":"Offer","de":"Angebot","fr":"Offre"}', true, '{}', 'active'),
  ('recruitment', 'hired', 7, '{"nl":"Aangenomen","en":"Hired","de":"Eingestellt","fr":"Embauché"}', true, '{}', 'hired'),
  ('recruitment', 'declined', 8, '{"nl":"Afgekeurd door opdrachtgever","en":"Declined by the client","de":"Vom Auftraggeber abgelehnt","fr":"Refusé par le client"}', true, '{}', 'rejected'),
  ('recruitment', 'rejected', 9, '{"nl":"Afgewezen","en":"Rejected","de":"Abgesagt","fr":"Refusé"}', false, '{}', 'rejected'),
  ('recruitment', 'withdrawn', 10, '{"nl":"Teruggetrokken","en":"Withdrawn","de":"Zurückgezogen","fr":"Retiré"}', false, '{}', 'withdrawn'),
  ('referral', 'referred', 0, '{"nl":"Aangemeld door verwijzer","en":"Referred","de":"Empfohlen","fr":"Recommandé"}', true, '{}', 'active'),
  ('referral', 'contact_made', 1, '{"nl":"Contact gemaakt","en":"Contact made","de":"Kontakt aufgenommen","fr":"Contact établi"}', true, '{green,orange,red}', 'active'),
  ('referral', 'interview_planned', 2, '{"nl":"Interview gepland","en":"Interview scheduled","de":"Gespräch geplant","fr":"Entretien planifié"}', true, '{green,orange,red}', 'active'),
  ('referral', 'interview_done', 3, '{"nl":"Interview voltooid","en":"Interview completed","de":"Gespräch geführt","fr":"Entretien terminé"}', true, '{green,orange,red}', 'active'),
  ('referral', 'offer_made', 4, '{"nl":"Aanbod gedaan","en":"Offer made","de":"Angebot gemacht","fr":"Offre faite"}', true, '{green,orange,red}', 'active'),
  ('referral', 'started', 5, '{"nl":"Begonnen met werk","en":"Started work","de":"Arbeit aufgenommen","fr":"A commencé à travailler"}', true, '{green,orange,red}', 'active'),
  ('referral', 'still_working', 6, '{"nl":"Nog aan het werk na 3 maanden","en":"Still working after 3 months","de":"Nach 3 Monaten noch beschäftigt","fr":"Toujours en poste après 3 mois"}', true, '{green,orange,red}', 'active'),
  ('referral', 'archived', 7, '{"nl":"Gearchiveerd","en":"Archived","de":"Archiviert","fr":"Archivé"}', true, '{}', 'archived'),
  ('selection', 'submitted', 0, '{"nl":"Ingediend","en":"Submitted","de":"Eingereicht","fr":"Introduite"}', false, '{}', 'active'),
  ('selection', 'in_progress', 1, '{"nl":"In behandeling","en":"In progress","de":"In Bearbeitung","fr":"En traitement"}', false, '{}', 'active'),
  ('selection', 'preselected', 2, '{"nl":"Geslaagd preselectie","en":"Passed preselection","de":"Vorauswahl bestanden","fr":"Présélection réussie"}', false, '{}', 'active'),
  ('selection', 'invited', 3, '{"nl":"Uitgenodigd","en":"Invited","de":"Eingeladen","fr":"Invité"}', false, '{}', 'active'),
  ('selection', 'passed', 4, '{"nl":"Geslaagd","en":"Passed","de":"Bestanden","fr":"Réussi"}', true, '{}', 'active'),
  ('selection', 'failed', 5, '{"nl":"Niet geslaagd","en":"Not passed","de":"Nicht bestanden","fr":"Échoué"}', false, '{}', 'rejected'),
  ('selection', 'reserve', 6, '{"nl":"Werfreserve","en":"Reserve list","de":"Reserveliste","fr":"Réserve de recrutement"}', true, '{}', 'active'),
  ('selection', 'hired', 7, '{"nl":"Aangenomen","en":"Hired","de":"Eingestellt","fr":"Engagé"}', true, '{}', 'hired'),
  ('selection', 'withdrawn', 8, '{"nl":"Teruggetrokken","en":"Withdrawn","de":"Zurückgezogen","fr":"Retiré"}', false, '{}', 'withdrawn')
) AS t("template", "key", "position", "label", "visible", "outcomes", "meaning") ON t."template" = p."template";
--> statement-breakpoint
UPDATE "matches" m
SET "organisation_id" = v."organisation_id", "procedure_id" = p."id"
FROM "vacancies" v
JOIN "procedures" p ON p."organisation_id" = v."organisation_id" AND p."is_default"
WHERE v."id" = m."vacancy_id";
--> statement-breakpoint
-- The phase the match is in now: its end state if it had one, else proposed, in review, or where it began.
UPDATE "matches" m
SET "phase_id" = ph."id"
FROM "procedure_phases" ph
WHERE ph."procedure_id" = m."procedure_id"
  AND ph."key" = CASE
    WHEN m."status" IN ('hired', 'rejected', 'withdrawn') THEN m."status"
    WHEN m."source" = 'proposed' OR m."proposed_at" IS NOT NULL THEN 'proposed'
    WHEN m."status" = 'in_review' THEN 'screening'
    WHEN m."source" = 'applied' THEN 'applied'
    ELSE 'saved'
  END;
--> statement-breakpoint
-- Its history: where it began (when it was created, by whom), when it was proposed, and the step
-- to its end state or review (at its last change).
INSERT INTO "match_history" ("match_id", "organisation_id", "seq", "from_phase_id", "to_phase_id", "actor_user_id", "at")
SELECT s."match_id", s."organisation_id", (row_number() OVER w - 1)::integer, lag(s."to_phase_id") OVER w,
       s."to_phase_id", s."actor_user_id", s."at"
FROM (
  SELECT m."id" AS "match_id", m."organisation_id", 0 AS "ord", ph."id" AS "to_phase_id",
         m."created_by_user_id" AS "actor_user_id", m."created_at" AS "at"
  FROM "matches" m
  JOIN "procedure_phases" ph ON ph."procedure_id" = m."procedure_id"
   AND ph."key" = CASE m."source" WHEN 'applied' THEN 'applied' WHEN 'proposed' THEN 'proposed' ELSE 'saved' END
  UNION ALL
  SELECT m."id", m."organisation_id", 1, ph."id", NULL, m."proposed_at"
  FROM "matches" m
  JOIN "procedure_phases" ph ON ph."procedure_id" = m."procedure_id" AND ph."key" = 'proposed'
  WHERE m."proposed_at" IS NOT NULL AND m."source" <> 'proposed'
  UNION ALL
  SELECT m."id", m."organisation_id", 2, m."phase_id", NULL, m."updated_at"
  FROM "matches" m
  JOIN "procedure_phases" ph ON ph."id" = m."phase_id"
  WHERE ph."key" IN ('screening', 'hired', 'rejected', 'withdrawn')
) s
WINDOW w AS (PARTITION BY s."match_id" ORDER BY s."ord");
--> statement-breakpoint
UPDATE "matches" m
SET "phase_since" = h."at"
FROM "match_history" h
WHERE h."match_id" = m."id"
  AND h."seq" = (SELECT max(h2."seq") FROM "match_history" h2 WHERE h2."match_id" = m."id");
--> statement-breakpoint
ALTER TABLE "matches" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "matches" ALTER COLUMN "procedure_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "matches" ALTER COLUMN "phase_id" SET NOT NULL;
