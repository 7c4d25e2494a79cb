// What a payment processor adapter implements. The domain (lib/checkout) owns the state
// machine and the database; a provider only talks to the processor: it starts a payment on
// a rail, and turns the processor's later word (a notification, a 3-D Secure answer) into a
// confirmation or a failure that the domain applies.
import type { NextAction, Rail, RailRequest } from "@/lib/rails";

export type StartPaymentRequest = {
  paymentId: string;
  sessionId: string;
  livemode: boolean;
  merchant: { id: string; name: string };
  amount: number;
  currency: string;
  at: Date;
  /** Where the buyer answers a challenge (3-D Secure) on our side. */
  challengeUrl: string;
  /** What the buyer gave for the rail, already checked by it (lib/rails/<rail>). */
  request: RailRequest;
};

export type PaymentOutcome =
  | { status: "succeeded" | "pending" | "requires_action"; failureCode?: never; failureMessage?: never }
  | { status: "failed"; failureCode: string; failureMessage: string };

export type StartPaymentResult = PaymentOutcome & {
  /** What the buyer has to do next, or null when nothing. */
  nextAction: NextAction | null;
  /** What the rail produced, returned to the merchant as `payment.details`. */
  details: Record<string, unknown>;
  /** The pending payment's own deadline (a boleto runs for days). */
  expiresAt: Date | null;
  /** Kept server-side, never shown (e.g. the processor's own reference). */
  providerData?: Record<string, unknown>;
};

/** The processor's later word on a payment. */
export type Notification =
  | { paymentId: string; outcome: "succeeded" }
  | { paymentId: string; outcome: "failed"; failureCode: string; failureMessage: string };

export interface PaymentProvider {
  readonly name: string;
  /** Rails this provider can take money on. */
  readonly rails: readonly Rail[];
  startPayment(req: StartPaymentRequest): Promise<StartPaymentResult>;
  /** The buyer passed or failed the challenge that `three_d_secure` sent them to. */
  completeChallenge(payment: { id: string }, passed: boolean): Promise<Notification>;
  /** Reads a notification the processor sent (for a real processor: after checking its signature). */
  parseNotification(body: unknown): Notification;
}
