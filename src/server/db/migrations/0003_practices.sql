CREATE TABLE "adoption_transitions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "adoption_transitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"adoption_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"details" jsonb,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"host_org_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"stage" text DEFAULT 'interested' NOT NULL,
	"agreement" jsonb,
	"agreement_expires_on" date,
	"live_url" text,
	"live_file_id" uuid,
	"measured" jsonb,
	"dropped_reason" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adoptions_practice_org" UNIQUE("practice_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "assistance_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"host_org_id" uuid NOT NULL,
	"practice_id" uuid,
	"adoption_id" uuid,
	"topic" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assigned_mentor_id" uuid,
	"response" text DEFAULT '' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "followup_facts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"shape" integer NOT NULL,
	"facts" jsonb NOT NULL,
	"summary" json,
	"reasons" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_files" (
	"practice_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "practice_files_practice_id_file_id_pk" PRIMARY KEY("practice_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "practice_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "practice_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"practice_id" uuid NOT NULL,
	"changes" jsonb NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"framework_id" text DEFAULT 'spbe-2020' NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_code" jsonb,
	"prerequisites" text DEFAULT '' NOT NULL,
	"effort" text DEFAULT '' NOT NULL,
	"duration_weeks" integer,
	"contact_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "practice_id" uuid;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "path_threshold_percent" integer DEFAULT 25 NOT NULL;--> statement-breakpoint
ALTER TABLE "adoption_transitions" ADD CONSTRAINT "adoption_transitions_adoption_id_adoptions_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."adoptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_transitions" ADD CONSTRAINT "adoption_transitions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_host_org_id_orgs_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_live_file_id_evidence_files_id_fk" FOREIGN KEY ("live_file_id") REFERENCES "public"."evidence_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_host_org_id_orgs_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_adoption_id_adoptions_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."adoptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_assigned_mentor_id_users_id_fk" FOREIGN KEY ("assigned_mentor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_facts" ADD CONSTRAINT "followup_facts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_files" ADD CONSTRAINT "practice_files_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_files" ADD CONSTRAINT "practice_files_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_history" ADD CONSTRAINT "practice_history_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_history" ADD CONSTRAINT "practice_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_host_org_id_orgs_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adoption_transitions_adoption_idx" ON "adoption_transitions" USING btree ("adoption_id");--> statement-breakpoint
CREATE INDEX "adoptions_org_idx" ON "adoptions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "adoptions_host_idx" ON "adoptions" USING btree ("host_org_id","stage");--> statement-breakpoint
CREATE INDEX "adoptions_expiry_idx" ON "adoptions" USING btree ("agreement_expires_on");--> statement-breakpoint
CREATE INDEX "assistance_requests_org_idx" ON "assistance_requests" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "assistance_requests_host_idx" ON "assistance_requests" USING btree ("host_org_id","status");--> statement-breakpoint
CREATE INDEX "practice_history_practice_idx" ON "practice_history" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "practices_host_idx" ON "practices" USING btree ("host_org_id");--> statement-breakpoint
CREATE INDEX "practices_status_idx" ON "practices" USING btree ("status");--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_practice_idx" ON "action_items" USING btree ("practice_id");