-- The single publication date becomes the region's ("eigen portaal") start date; vacancies that
-- were published without one become visible in their region from the day they were created.
UPDATE "vacancies" SET "publish_portal_from" = ("publish_from" AT TIME ZONE 'Europe/Amsterdam')::date WHERE "publish_from" IS NOT NULL;--> statement-breakpoint
UPDATE "vacancies" SET "publish_portal_from" = ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date WHERE "publish_portal_from" IS NULL AND "status" IN ('published', 'closed');--> statement-breakpoint
UPDATE "vacancies" SET "published_at" = COALESCE("publish_from", "created_at") WHERE "status" IN ('published', 'closed');--> statement-breakpoint
ALTER TABLE "vacancies" DROP COLUMN "publish_from";
