// What a payment processor adapter implements. The domain (lib/checkout) owns the state
// machine and the database; a provider only talks to the processor: it starts a payment on
// a rail, and turns the processor's later word (a notification, a 3-D Secure answer) into a
// confirmation or a failure that the domain applies.
import type { CardBrand } from "@/lib/rails/card/card";
import type { Rail } from "@/lib/rails/catalog";
import type { NigerianBank } from "@/lib/rails/ng-banks";
import type { MobileMoneyOperator } from "@/lib/rails/mobile_money/phone";

/** A bank account the buyer pays into (transfer, virtual account). */
export type BankAccount = { bankId: string; bankName: string; accountNumber: string; accountName: string };

/** What the buyer gave for each rail, already validated by the domain. */
export type RailRequest =
  | {
      rail: "card";
      /** Lives only in memory for the length of the call; never stored or logged. */
      card: { number: string; cvc: string; expMonth: number; expYear: number; brand: CardBrand | null; last4: string };
      name: string | null;
      installments: number | null;
    }
  | { rail: "transfer" }
  | { rail: "virtual_account"; email: string; account: BankAccount | null }
  | { rail: "ussd"; bank: NigerianBank }
  | { rail: "direct_debit"; bank: NigerianBank; accountNumber: string }
  | { rail: "pix" }
  | { rail: "boleto"; name: string; document: { type: "cpf" | "cnpj"; number: string } }
  | { rail: "mobile_money"; operator: MobileMoneyOperator; phone: string; country: string };

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
  request: RailRequest;
};

/** What the buyer has to do next, or null when nothing. */
export type NextAction =
  | { type: "three_d_secure"; url: string }
  | { type: "bank_transfer"; bankName: string; accountNumber: string; accountName: string; expiresAt: string }
  | { type: "ussd"; dialString: string; telUrl: string }
  | { type: "pix"; brCode: string; expiresAt: string }
  | { type: "boleto"; barcode: string; digitableLine: string; dueDate: string }
  | { type: "approve_on_phone"; operator: string; phone: string }
  | { type: "await_debit"; bank: string };

export type PaymentOutcome =
  | { status: "succeeded" | "pending" | "requires_action"; failureCode?: never; failureMessage?: never }
  | { status: "failed"; failureCode: string; failureMessage: string };

export type StartPaymentResult = PaymentOutcome & {
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
