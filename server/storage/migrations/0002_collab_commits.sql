CREATE TABLE "collab_commits" (
	"document_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "collab_commits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"updates" "bytea" NOT NULL,
	"update_count" integer NOT NULL,
	CONSTRAINT "collab_commits_document_id_id_pk" PRIMARY KEY("document_id","id"),
	CONSTRAINT "collab_commits_nonempty" CHECK ("collab_commits"."update_count" > 0 and octet_length("collab_commits"."updates") > 0)
);
--> statement-breakpoint
CREATE TABLE "collab_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "collab_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"snapshot" "bytea",
	"snapshot_upto_commit_id" bigint DEFAULT 0 NOT NULL,
	"compacted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collab_documents_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "collab_commits" ADD CONSTRAINT "collab_commits_document_id_collab_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."collab_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Carry every stored document over, ids included so snapshot marks stay meaningful: an old snapshot becomes the
-- document's snapshot, and each old update row a commit of that one update (a single update is stored unpacked).
INSERT INTO "collab_documents" ("name", "snapshot", "snapshot_upto_commit_id", "compacted_at")
	SELECT names."doc_name", s."state", coalesce(s."upto_update_id", 0), s."updated_at"
	FROM (SELECT "doc_name" FROM "collab_updates" UNION SELECT "doc_name" FROM "collab_snapshots") AS names
	LEFT JOIN "collab_snapshots" AS s USING ("doc_name");
--> statement-breakpoint
INSERT INTO "collab_commits" ("document_id", "id", "updates", "update_count") OVERRIDING SYSTEM VALUE
	SELECT d."id", u."id", u."update", 1 FROM "collab_updates" AS u JOIN "collab_documents" AS d ON d."name" = u."doc_name";
--> statement-breakpoint
SELECT setval('collab_commits_id_seq', greatest((SELECT max("id") FROM "collab_updates"), (SELECT max("upto_update_id") FROM "collab_snapshots"), 1));
