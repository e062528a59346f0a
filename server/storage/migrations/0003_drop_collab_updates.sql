DROP TABLE "collab_snapshots" CASCADE;--> statement-breakpoint
DROP TABLE "collab_updates" CASCADE;