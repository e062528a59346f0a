CREATE TABLE "collab_snapshots" (
	"doc_name" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"upto_update_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_updates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "collab_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"doc_name" text NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collab_updates_update_nonempty" CHECK (octet_length("collab_updates"."update") > 0)
);
--> statement-breakpoint
CREATE INDEX "collab_updates_doc_id_idx" ON "collab_updates" USING btree ("doc_name","id");