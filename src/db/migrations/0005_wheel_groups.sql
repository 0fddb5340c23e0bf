ALTER TABLE "meeting" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "recurrence_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "wheel_event" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_series_id_meeting_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_item_owner_idx" ON "action_item" USING btree ("owner_user_id","done_at");--> statement-breakpoint
CREATE INDEX "meeting_group_idx" ON "meeting" USING btree ("group_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_series_occurrence_uq" ON "meeting" USING btree ("series_id","recurrence_start");