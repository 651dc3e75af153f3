-- drizzle-kit cannot name the primary key it replaces: the one PostgreSQL gave the inline
-- "id text PRIMARY KEY" of 0001 is framework_definitions_pkey.
ALTER TABLE "framework_definitions" DROP CONSTRAINT "framework_definitions_pkey";--> statement-breakpoint
ALTER TABLE "framework_definitions" ADD CONSTRAINT "framework_definitions_id_version_pk" PRIMARY KEY("id","version");--> statement-breakpoint
ALTER TABLE "framework_definitions" ADD COLUMN "corrects_version" text;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "framework_id" text DEFAULT 'spbe-2020' NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "framework_id" text DEFAULT 'spbe-2020' NOT NULL;