CREATE TABLE "candidate_search" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"row_no" bigint GENERATED ALWAYS AS IDENTITY (sequence name "candidate_search_row_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"terms" text[] NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"updated_sec" bigint NOT NULL,
	"txid" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "candidate_search_terms_idx" ON "candidate_search" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "candidate_search_lat_lon_idx" ON "candidate_search" USING btree ("lat","lon");--> statement-breakpoint
CREATE INDEX "candidate_search_txid_idx" ON "candidate_search" USING btree ("txid");--> statement-breakpoint
-- Hand-written below: how a candidate becomes a search document (decision 0013), and the
-- triggers that keep candidate_search in step with every write to the profile or its
-- visibility. Statement-level triggers with transition tables: a bulk insert of a thousand
-- candidates refreshes their documents in one set-based statement.
CREATE VIEW "candidate_search_source" AS
SELECT
  c.id AS candidate_id,
  CASE WHEN c.anonymised_at IS NULL THEN c.lat END AS lat,
  CASE WHEN c.anonymised_at IS NULL THEN c.lon END AS lon,
  floor(extract(epoch FROM c.profile_updated_at))::bigint AS updated_sec,
  CASE WHEN c.anonymised_at IS NOT NULL OR cardinality(vis.portals) = 0 THEN '{}'::text[]
  ELSE vis.portals || ARRAY['p:*'] || codes.terms || words.terms END AS terms
FROM candidates c
CROSS JOIN LATERAL (
  SELECT ARRAY(
    SELECT 'p:' || p.portal_id FROM (
      SELECT c.portal_id WHERE c.visible
      UNION
      SELECT v.portal_id FROM candidate_portal_visibility v
      WHERE v.candidate_id = c.id AND v.visible AND v.portal_id <> c.portal_id
    ) p ORDER BY 1
  ) AS portals
) vis
CROSS JOIN LATERAL (
  SELECT ARRAY(
    SELECT DISTINCT term FROM (
      SELECT 'occ:' || o FROM unnest(occ.ids) o
      UNION ALL SELECT 'unit:' || split_part(o, '.', 1) FROM unnest(occ.ids) o
      UNION ALL SELECT 'grp:' || left(split_part(o, '.', 1), 2) FROM unnest(occ.ids) o
      UNION ALL SELECT 'grp:' || s FROM unnest(c.sectors) s
      UNION ALL SELECT 'wl:' || c.work_level WHERE c.work_level IS NOT NULL
      UNION ALL SELECT 'edu:' || c.education_level WHERE c.education_level IS NOT NULL
      UNION ALL SELECT 'lic:' || x FROM unnest(c.driving_licences) x
      UNION ALL SELECT 'tr:' || x FROM unnest(c.transport_modes) x
      UNION ALL SELECT 'cert:' || x FROM unnest(c.certificates) x
      UNION ALL SELECT 'tg:' || x FROM unnest(c.target_groups) x
      -- Belastbaarheid: what the candidate can do, i.e. every physical capacity they did not
      -- name as a limitation (the profile stores limitations). The list is
      -- data/reference/physical-capacities.json; a test keeps the two equal.
      UNION ALL SELECT 'cap:' || x FROM unnest(ARRAY['zitten','staan','lopen','tillen','zwaar-tillen','duwen-trekken','bukken','knielen','trappen-lopen','klimmen','boven-schouderhoogte','in-uitstappen','fijne-motoriek','repeterende-bewegingen','concentreren','nauwkeurig-werken','tijdsdruk','klantcontact','buiten-werken','kou-warmte','lawaai','stof-geur','ploegendienst','nachtdienst']) x
                WHERE NOT x = ANY (c.physical_limitations)
      UNION ALL SELECT 'wt:' || x FROM unnest(c.work_types) x
      UNION ALL SELECT 'lang:' || (l ->> 'code') FROM jsonb_array_elements(c.languages) l
      UNION ALL SELECT CASE WHEN d IN ('maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag')
                       THEN 'day:' ELSE 'part:' END || d FROM unnest(c.dayparts) d
      UNION ALL SELECT 'contact:' || c.contact_preference
      -- Hour bands the candidate's min-max range overlaps; full time = can work 32 h or more,
      -- part time = can work 32 h or less (HalloWerk: "Voltijd (min 32u) / Deeltijd (max 32u)").
      UNION ALL SELECT 'hrs:0-16' WHERE c.hours_min <= 16
      UNION ALL SELECT 'hrs:16-24' WHERE c.hours_min <= 24 AND c.hours_max >= 16
      UNION ALL SELECT 'hrs:24-32' WHERE c.hours_min <= 32 AND c.hours_max >= 24
      UNION ALL SELECT 'hrs:32-40' WHERE c.hours_min <= 40 AND c.hours_max >= 32
      UNION ALL SELECT 'hrs:fulltime' WHERE c.hours_max >= 32
      UNION ALL SELECT 'hrs:parttime' WHERE c.hours_min <= 32
    ) t(term)
    WHERE term IS NOT NULL
  ) AS terms
  FROM (
    SELECT ARRAY(
      SELECT DISTINCT o FROM (
        SELECT unnest(c.desired_occupation_ids)
        UNION ALL SELECT e ->> 'occupationId' FROM jsonb_array_elements(c.experience) e
      ) x(o) WHERE o IS NOT NULL AND o <> ''
    ) AS ids
  ) occ
) codes
CROSS JOIN LATERAL (
  SELECT ARRAY(
    SELECT 'w:' || w FROM unnest(tsvector_to_array(to_tsvector('dutch', unaccent(concat_ws(' ',
      c.headline, c.summary, c.hobbies,
      (SELECT string_agg(concat_ws(' ', e ->> 'title', e ->> 'employer', e ->> 'description'), ' ')
         FROM jsonb_array_elements(c.experience) e),
      (SELECT string_agg(concat_ws(' ', e ->> 'title', e ->> 'institution', e ->> 'description'), ' ')
         FROM jsonb_array_elements(c.education) e),
      (SELECT string_agg(concat_ws(' ', e ->> 'title', e ->> 'provider'), ' ')
         FROM jsonb_array_elements(c.courses) e)
    ))))) w
  ) || ARRAY(
    SELECT 'wa:' || w FROM unnest(tsvector_to_array(to_tsvector('dutch', unaccent(c.headline)))) w
  ) AS terms
) words;
--> statement-breakpoint
CREATE FUNCTION "candidate_search_refresh"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO candidate_search (candidate_id, terms, lat, lon, updated_sec, txid)
  SELECT s.candidate_id, s.terms, s.lat, s.lon, s.updated_sec, (pg_current_xact_id()::text)::bigint
  FROM candidate_search_source s WHERE s.candidate_id = ANY (ids)
  ON CONFLICT (candidate_id) DO UPDATE SET
    terms = excluded.terms, lat = excluded.lat, lon = excluded.lon,
    updated_sec = excluded.updated_sec, txid = excluded.txid;
  -- A deleted candidate keeps an empty document, so every process drops it from its index.
  UPDATE candidate_search SET terms = '{}', txid = (pg_current_xact_id()::text)::bigint
  WHERE candidate_id = ANY (ids)
    AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_search.candidate_id);
$$;
--> statement-breakpoint
CREATE FUNCTION "candidate_search_on_candidates"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM candidate_search_refresh(ARRAY(SELECT id FROM old_rows));
  ELSE
    PERFORM candidate_search_refresh(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "candidate_search_on_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM candidate_search_refresh(ARRAY(SELECT DISTINCT candidate_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM candidate_search_refresh(ARRAY(SELECT candidate_id FROM new_rows UNION SELECT candidate_id FROM old_rows));
  ELSE
    PERFORM candidate_search_refresh(ARRAY(SELECT DISTINCT candidate_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "candidate_search_ins" AFTER INSERT ON "candidates"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_search_on_candidates();
--> statement-breakpoint
CREATE TRIGGER "candidate_search_upd" AFTER UPDATE ON "candidates"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_search_on_candidates();
--> statement-breakpoint
CREATE TRIGGER "candidate_search_del" AFTER DELETE ON "candidates"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_search_on_candidates();
--> statement-breakpoint
CREATE TRIGGER "candidate_search_vis_ins" AFTER INSERT ON "candidate_portal_visibility"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_search_on_visibility();
--> statement-breakpoint
CREATE TRIGGER "candidate_search_vis_upd" AFTER UPDATE ON "candidate_portal_visibility"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_search_on_visibility();
--> statement-breakpoint
CREATE TRIGGER "candidate_search_vis_del" AFTER DELETE ON "candidate_portal_visibility"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_search_on_visibility();
--> statement-breakpoint
-- Documents for the candidates already there.
SELECT candidate_search_refresh(ARRAY(SELECT id FROM candidates));
