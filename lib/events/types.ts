// The event types of SPEC 5, in the order a session's life produces them.
export const EVENT_TYPES = [
  "checkout.session.created",
  "checkout.session.pending",
  "checkout.session.paid",
  "checkout.session.failed",
  "checkout.session.expired",
  "checkout.session.canceled",
  "payment.pending",
  "payment.succeeded",
  "payment.failed",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
