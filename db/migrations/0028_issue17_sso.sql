ALTER TABLE "sso_connections" ADD COLUMN "provider_kind" text DEFAULT 'entra' NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "display_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "client_secret_expires_on" date;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "client_secret_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "pending_client_secret" text;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "pending_secret_expires_on" date;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "pending_secret_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;