ALTER TABLE "checkout_sessions" ADD COLUMN "buyer_email" text;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "buyer_name" text;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "buyer_phone" text;--> statement-breakpoint
CREATE INDEX "checkout_sessions_buyer_email_idx" ON "checkout_sessions" USING btree ("merchant_id","livemode","buyer_email");--> statement-breakpoint
CREATE INDEX "checkout_sessions_buyer_phone_idx" ON "checkout_sessions" USING btree ("merchant_id","livemode","buyer_phone");