CREATE TABLE "collab_authors" (
	"document_id" integer NOT NULL,
	"client_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"author_id" text NOT NULL,
	"actor_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collab_authors_document_id_client_id_pk" PRIMARY KEY("document_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "version_attributions" (
	"version_id" text NOT NULL,
	"article_id" text NOT NULL,
	"doc_article_id" text NOT NULL,
	"text_length" integer NOT NULL,
	"spans" jsonb NOT NULL,
	CONSTRAINT "version_attributions_version_id_article_id_pk" PRIMARY KEY("version_id","article_id")
);
--> statement-breakpoint
ALTER TABLE "collab_authors" ADD CONSTRAINT "collab_authors_document_id_collab_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."collab_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_attributions" ADD CONSTRAINT "version_attributions_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."versions"("id") ON DELETE cascade ON UPDATE no action;