ALTER TABLE "users" ADD COLUMN "consent_embedded_video" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "consent_research" boolean DEFAULT false NOT NULL;