ALTER TABLE "organisations" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portals" ADD COLUMN "logo_file_key" text;--> statement-breakpoint
ALTER TABLE "portals" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portals" ADD CONSTRAINT "portals_national_active" CHECK ("portals"."parent_id" is not null or "portals"."deactivated_at" is null);