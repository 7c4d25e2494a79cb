// What a payment processor adapter implements (SPEC 8). The domain (lib/checkout) owns the
// state machine and the database; an adapter only talks to its processor: it starts a payment
// on a rail, reads a payment's status back, checks and reads the processor's notifications,
// and refunds. The processor's field names never leave the adapter's folder.
import type { z } from "zod";
import type { PROVIDERS } from "@/db/schema";
import type { Currency } from "@/lib/money/currencies";
import type { NextAction, Rail, RailRequest } from "@/lib/rails";

export type ProviderName = (typeof PROVIDERS)[number];

/** The account a call is made for: its id and its credentials, opened (never logged). */
export type AccountContext<C = unknown> = { id: string; livemode: boolean; credentials: C };

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
  /** Where a processor's own page sends the buyer back: `/checkout/{id}/return?payment=pay_…`. */
  returnUrl: string;
  /** The buyer's email when the session or the rail has one (processors key customers on it). */
  email: string | null;
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

/** A payment as Kassa recorded it, for the adapter to ask its processor about. */
export type PaymentRef = {
  id: string;
  rail: Rail;
  amount: number;
  currency: string;
  providerRef: string | null;
  providerData: Record<string, unknown>;
  /** What the rail showed the buyer (a dedicated account's number, say). */
  details: Record<string, unknown>;
  createdAt: Date;
  /** The processor's references other payments of this account already claimed (money into a dedicated account). */
  takenRefs: string[];
};

/** A refund as Kassa recorded it, for the adapter to ask its processor about. */
export type RefundRef = {
  id: string;
  amount: number;
  currency: string;
  /** The processor's id for it, or null when the processor never answered the call that made it. */
  providerRef: string | null;
  createdAt: Date;
  /** The payment it returns money from. */
  payment: PaymentRef;
  /** The processor's ids the payment's other refunds already hold. */
  takenRefs: string[];
};

/** What the processor says of a refund when asked. `unknown`: it has no such refund (the call never reached it). */
export type RefundReadBack =
  | { state: "pending"; providerRef: string }
  | { state: "succeeded"; providerRef: string }
  | { state: "failed"; providerRef: string; failureMessage: string }
  | { state: "unknown" };

/** A payment that waited on the buyer at the processor's page, carried on once they are back. */
export type Continued =
  | { status: "pending"; nextAction: NextAction | null; details?: Record<string, unknown> }
  | { status: "failed"; failureCode: string; failureMessage: string }
  /** Nothing to carry on yet (the buyer has not consented): it still waits on them. */
  | { status: "requires_action" };

/** What the processor says of a payment when asked: its state, and the money it saw. */
export type ReadBack =
  | { state: "pending" }
  | { state: "succeeded"; amount: number; currency: string; providerRef: string }
  | { state: "failed"; failureCode: string; failureMessage: string };

/**
 * A notification whose signature checked out, reduced to which payment it is about; never
 * to an outcome, which is read back from the processor's API (SPEC 8: no money moves on a
 * webhook's body alone).
 */
export type Notice =
  | { eventId: string; about: "payment"; providerRef: string }
  /** Money into a customer's dedicated account: the processor's reference is its own. */
  | { eventId: string; about: "dedicated_account"; providerRef: string; customerEmail: string }
  /** A refund of one of our payments moved: which one is read back from the processor. */
  | { eventId: string; about: "refund"; providerRef: string }
  | { eventId: string; about: "other" };

/** The processor refused the call (its 4xx): a failed payment, or bad credentials on save. */
export class ProviderRefused extends Error {
  constructor(
    readonly providerMessage: string,
    readonly status: number,
  ) {
    super(providerMessage);
    this.name = "ProviderRefused";
  }
}

/**
 * The outcome is unknown: a timeout, a network error, a 5xx. Never a failure: the payment
 * stays pending and reconciliation settles it (SPEC 8).
 */
export class ProviderUnreachable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "ProviderUnreachable";
  }
}

/** The notification's signature did not check out: a 401, nothing read. */
export class BadSignature extends Error {
  constructor() {
    super("bad signature");
    this.name = "BadSignature";
  }
}

export interface PaymentProvider<C = unknown> {
  readonly name: ProviderName;
  /** Rails this provider can take money on. */
  readonly rails: readonly Rail[];
  /** Currencies it takes, when the account does not say ("*": every currency its rails take). */
  readonly currencies: "*" | readonly Currency[];
  /** Whether a card payment leaves Kassa for the processor's own page (SPEC 8: live cards). */
  readonly hostedCards: boolean;
  /** The origins of its own pages a buyer is sent to (the card page): the checkout's CSP lets its forms lead there. */
  pageOrigins(): string[];
  /** The banks (lib/rails/ng-banks ids) it can take `rail` from, when not every one. */
  banksFor?(rail: Rail): readonly string[] | null;
  /** Whether it needs the buyer's email to take a payment (Paystack keys customers on it). */
  readonly needsEmail: boolean;
  /**
   * The processor's reference for a payment of ours, or null when it has none: the sandbox,
   * or money into a dedicated account, whose reference the processor makes when it arrives.
   */
  reference(paymentId: string, rail: Rail): string | null;
  startPayment(req: StartPaymentRequest, account: AccountContext<C>): Promise<StartPaymentResult>;
  /** Asks the processor where a payment stands; throws ProviderUnreachable when it cannot say. */
  readBack(payment: PaymentRef, account: AccountContext<C>): Promise<ReadBack>;
  /**
   * A payment that asked the buyer to finish on the processor's page (`requires_action`),
   * carried on: a direct debit whose mandate is consented is now charged. Called on the
   * buyer's return and by reconciliation; safe to call again (the charge keeps our reference).
   * Null: nothing to carry on (a card's outcome is simply read back).
   */
  continuePayment?(payment: PaymentRef, account: AccountContext<C>): Promise<Continued | null>;
  /** Checks a notification's signature on its raw body, and says what it is about. */
  readNotification(raw: { body: string; headers: Headers }, account: AccountContext<C>): Notice;
  /** The buyer passed or failed the challenge that `three_d_secure` sent them to (Kassa's own 3-D Secure page). */
  completeChallenge?(payment: { id: string }, passed: boolean): Promise<Notification>;
  /** Returns money from a paid payment: the processor's id for the refund, and where it stands. */
  refund?(payment: PaymentRef, amount: number, account: AccountContext<C>): Promise<{ providerRef: string; state: "pending" | "succeeded" }>;
  /** Asks the processor where a refund stands; throws ProviderUnreachable when it cannot say. */
  readRefund?(refund: RefundRef, account: AccountContext<C>): Promise<RefundReadBack>;
}

/** A processor merchants connect accounts of: its credentials' shape and their check. */
export interface ProviderAdapter<C = unknown> extends PaymentProvider<C> {
  readonly credentials: z.ZodType<C>;
  /** What the account's API shows of the credentials (e.g. `sk_live_…4f2a`). */
  hint(credentials: C): string;
  /** The mode the credentials belong to, when they say (a live key in a test account is refused). */
  modeOf(credentials: C): "test" | "live" | null;
  /** One harmless call; throws ProviderRefused when the processor refuses the credentials. */
  checkCredentials(credentials: C): Promise<void>;
}
