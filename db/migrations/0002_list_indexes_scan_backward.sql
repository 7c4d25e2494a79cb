DROP INDEX "checkout_sessions_list_idx";--> statement-breakpoint
DROP INDEX "events_list_idx";--> statement-breakpoint
DROP INDEX "payments_merchant_idx";--> statement-breakpoint
DROP INDEX "webhook_deliveries_endpoint_idx";--> statement-breakpoint
DROP INDEX "webhook_endpoints_merchant_idx";--> statement-breakpoint
CREATE INDEX "checkout_sessions_list_idx" ON "checkout_sessions" USING btree ("merchant_id","livemode","created_at","id");--> statement-breakpoint
CREATE INDEX "events_list_idx" ON "events" USING btree ("merchant_id","livemode","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_merchant_idx" ON "payments" USING btree ("merchant_id","livemode","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("endpoint_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_merchant_idx" ON "webhook_endpoints" USING btree ("merchant_id","livemode","created_at","id");