CREATE TABLE "question_answer_files" (
	"answer_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "question_answer_files_answer_id_file_id_pk" PRIMARY KEY("answer_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "question_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"author_id" uuid,
	"org_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "question_hosts" (
	"question_id" uuid NOT NULL,
	"host_org_id" uuid NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	CONSTRAINT "question_hosts_question_id_host_org_id_pk" PRIMARY KEY("question_id","host_org_id")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"asked_by" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"subject" text NOT NULL,
	"framework_id" text,
	"indicator" integer,
	"practice_id" uuid,
	"plan_item_id" uuid,
	"accepted_answer_id" uuid,
	"accepted_at" timestamp with time zone,
	"answer_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "question_answer_files" ADD CONSTRAINT "question_answer_files_answer_id_question_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."question_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answer_files" ADD CONSTRAINT "question_answer_files_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_hosts" ADD CONSTRAINT "question_hosts_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_hosts" ADD CONSTRAINT "question_hosts_host_org_id_orgs_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_plan_item_id_action_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."action_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_answers_question_idx" ON "question_answers" USING btree ("question_id","created_at");--> statement-breakpoint
CREATE INDEX "question_hosts_host_idx" ON "question_hosts" USING btree ("host_org_id");--> statement-breakpoint
CREATE INDEX "questions_org_idx" ON "questions" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "questions_indicator_idx" ON "questions" USING btree ("framework_id","indicator");--> statement-breakpoint
CREATE INDEX "questions_practice_idx" ON "questions" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "questions_knowledge_idx" ON "questions" USING btree ("accepted_at") WHERE "questions"."visibility" = 'public' and "questions"."accepted_answer_id" is not null;