ALTER TABLE "mentorships" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "mentorships" ADD COLUMN "decided_at" timestamp with time zone;