CREATE TABLE "amendments" (
	"id" text PRIMARY KEY NOT NULL,
	"bill_id" text NOT NULL,
	"step_id" text,
	"number" text,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"author_name" text NOT NULL,
	"group_code" text,
	"subject" text,
	"subject_order" integer,
	"article_number" text,
	"date" date,
	"source_id" text,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amendments_number_uq" UNIQUE("step_id","number")
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" text PRIMARY KEY NOT NULL,
	"bill_id" text NOT NULL,
	"number" text NOT NULL,
	CONSTRAINT "articles_number_uq" UNIQUE("bill_id","number")
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bill_rapporteurs" (
	"bill_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bill_rapporteurs_bill_id_user_id_pk" PRIMARY KEY("bill_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "bill_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"bill_id" text NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"stage" text NOT NULL,
	"institution" text NOT NULL,
	"kind" text,
	"date" date,
	"end_date" date,
	"debats_order" integer,
	"echec" text,
	"decision" text,
	"source_url" text,
	"amendment_count" integer,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "bill_steps_position_uq" UNIQUE("bill_id","position"),
	CONSTRAINT "bill_steps_key_uq" UNIQUE("bill_id","key")
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" text PRIMARY KEY NOT NULL,
	"source_ref" text,
	"title" text NOT NULL,
	"short_title" text NOT NULL,
	"law_name" text,
	"loi_dite" text,
	"proposal_type" text,
	"beginning" date,
	"end" date,
	"urgence" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bills_source_ref_unique" UNIQUE("source_ref")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"bill_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_id" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "events_bill_seq_uq" UNIQUE("bill_id","seq")
);
--> statement-breakpoint
CREATE TABLE "political_groups" (
	"bill_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"color" text,
	"link" text,
	"display_order" integer,
	CONSTRAINT "political_groups_bill_id_code_pk" PRIMARY KEY("bill_id","code")
);
--> statement-breakpoint
CREATE TABLE "step_debates" (
	"step_id" text PRIMARY KEY NOT NULL,
	"total_sittings" integer NOT NULL,
	"speakers" jsonb NOT NULL,
	"divisions" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"organisation_register" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "version_articles" (
	"version_id" text NOT NULL,
	"article_id" text NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"section_key" text,
	"status" text,
	"alineas" jsonb NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"new_number" text,
	CONSTRAINT "version_articles_version_id_position_pk" PRIMARY KEY("version_id","position"),
	CONSTRAINT "version_articles_article_uq" UNIQUE("version_id","article_id")
);
--> statement-breakpoint
CREATE TABLE "version_sections" (
	"version_id" text NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"new_key" text,
	CONSTRAINT "version_sections_version_id_position_pk" PRIMARY KEY("version_id","position")
);
--> statement-breakpoint
CREATE TABLE "versions" (
	"id" text PRIMARY KEY NOT NULL,
	"bill_id" text NOT NULL,
	"step_id" text NOT NULL,
	"title" text NOT NULL,
	"source_url" text,
	"expose" text DEFAULT '' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "versions_step_id_unique" UNIQUE("step_id")
);
--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_step_id_bill_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."bill_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_rapporteurs" ADD CONSTRAINT "bill_rapporteurs_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_rapporteurs" ADD CONSTRAINT "bill_rapporteurs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_steps" ADD CONSTRAINT "bill_steps_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "political_groups" ADD CONSTRAINT "political_groups_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_debates" ADD CONSTRAINT "step_debates_step_id_bill_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."bill_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_articles" ADD CONSTRAINT "version_articles_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_articles" ADD CONSTRAINT "version_articles_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_sections" ADD CONSTRAINT "version_sections_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "versions" ADD CONSTRAINT "versions_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "versions" ADD CONSTRAINT "versions_step_id_bill_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."bill_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendments_bill_idx" ON "amendments" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "auth_tokens_user_idx" ON "auth_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "events_bill_id_idx" ON "events" USING btree ("bill_id","id");--> statement-breakpoint
CREATE INDEX "versions_bill_idx" ON "versions" USING btree ("bill_id");