import type { payments } from "@/db/schema";

// Its own module: the session queries (a session's payments) and the payment queries (which
// take the session's row and lease) both name it, and neither imports the other for it.
export type PaymentRow = typeof payments.$inferSelect;
export type PaymentStatus = PaymentRow["status"];
