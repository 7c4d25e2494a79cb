// The built-in sandbox (SPEC 3.3): every rail, deterministic, no money moves. Asynchronous
// rails stay pending until POST /api/v1/test/payments/{id}/succeed|fail (or the page's
// "Simulate" buttons) confirm them, through the same code path a real notification takes.
import { randomInt } from "node:crypto";
import { z } from "zod";
import { RAILS, type Rail, type RailRequest } from "@/lib/rails";
import { bankTransfer, type BankAccount } from "@/lib/rails/bank-account";
import { boletoDue, boletoSlip } from "@/lib/rails/boleto";
import { buildBoleto } from "@/lib/rails/boleto/boleto";
import { cardDetails, threeDSecureAction } from "@/lib/rails/card";
import { awaitingDebit } from "@/lib/rails/direct_debit";
import { approveOnPhone } from "@/lib/rails/mobile_money";
import { findNigerianBank } from "@/lib/rails/ng-banks";
import { makeNuban } from "@/lib/rails/nuban";
import { pixCharge } from "@/lib/rails/pix";
import { buildPixBrCode } from "@/lib/rails/pix/pix";
import { ussdDial } from "@/lib/rails/ussd";
import { ussdDialString, nairaFromKobo } from "@/lib/rails/ussd/ussd";
import type { Notification, PaymentProvider, StartPaymentRequest, StartPaymentResult } from "../types";

const MINUTE = 60_000;
export const DEADLINES_MS = {
  challenge: 15 * MINUTE,
  transfer: 30 * MINUTE,
  ussd: 30 * MINUTE,
  pix: 30 * MINUTE,
  mobileMoney: 15 * MINUTE,
  directDebit: 2 * 24 * 60 * MINUTE,
} as const;
export const BOLETO_DUE_DAYS = 3;

export const CARD_FAILURES = {
  card_declined: "The card was declined.",
  insufficient_funds: "The card has insufficient funds.",
  expired_card: "The card has expired.",
  incorrect_cvc: "The card's security code is incorrect.",
  processing_error: "An error occurred while processing the card. Try again.",
  authentication_failed: "The cardholder did not pass 3-D Secure authentication.",
} as const;

export const ASYNC_FAILURE = { code: "payment_failed", message: "The bank or wallet reported that the payment failed." } as const;

/** The sandbox's test cards and what each does; any other valid number is declined. */
export const SANDBOX_CARDS: Record<string, "succeeds" | "challenge" | Exclude<keyof typeof CARD_FAILURES, "authentication_failed">> = {
  "4242424242424242": "succeeds",
  "5555555555554444": "succeeds",
  "378282246310005": "succeeds",
  "4000000000000002": "card_declined",
  "4000000000009995": "insufficient_funds",
  "4000000000000069": "expired_card",
  "4000000000000127": "incorrect_cvc",
  "4000000000000119": "processing_error",
  "4000002760003184": "challenge",
};

// The sandbox's collection bank and Pix key: fixed, so the instructions look real.
const SANDBOX_BANK = findNigerianBank("wema")!;
const SANDBOX_PIX_KEY = "7d9f0335-8dcc-4054-9bf9-0dbd61d36906";
const SANDBOX_BOLETO_BANK = "001";

function randomDigits(n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += String(randomInt(10));
  return out;
}

export function sandboxBankAccount(merchantName: string): BankAccount {
  return {
    bankId: SANDBOX_BANK.id,
    bankName: SANDBOX_BANK.name,
    accountNumber: makeNuban(SANDBOX_BANK.code, randomDigits(9)),
    accountName: `${merchantName.slice(0, 60)} (Kassa)`,
  };
}

const after = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** A payment on rail R: the request as the rail checked it. */
type Start<R extends Rail> = (req: StartPaymentRequest, r: Extract<RailRequest, { rail: R }>) => StartPaymentResult;

function startCard(req: StartPaymentRequest, { card }: Extract<RailRequest, { rail: "card" }>): StartPaymentResult {
  // The sandbox keeps Kassa's own form: its rail check always gives it the card.
  if (!card) throw new Error("the sandbox takes cards on Kassa's form");
  const details = cardDetails(card);
  const behaviour = SANDBOX_CARDS[card.number] ?? "card_declined";
  if (behaviour === "succeeds") return { status: "succeeded", nextAction: null, details, expiresAt: null };
  if (behaviour === "challenge") {
    return {
      status: "requires_action",
      nextAction: threeDSecureAction(req.challengeUrl),
      details,
      expiresAt: after(req.at, DEADLINES_MS.challenge),
    };
  }
  return { status: "failed", failureCode: behaviour, failureMessage: CARD_FAILURES[behaviour], nextAction: null, details, expiresAt: null };
}

function startTransfer(req: StartPaymentRequest, account: BankAccount): StartPaymentResult {
  const expiresAt = after(req.at, DEADLINES_MS.transfer);
  return { status: "pending", ...bankTransfer(account, expiresAt), expiresAt, providerData: { bankId: account.bankId } };
}

/** What the sandbox does on each rail: every asynchronous one waits for a confirmation. */
const START: { [R in Rail]: Start<R> } = {
  card: startCard,
  transfer: (req) => startTransfer(req, sandboxBankAccount(req.merchant.name)),
  virtual_account: (req, r) => startTransfer(req, r.account ?? sandboxBankAccount(req.merchant.name)),
  ussd: (req, r) => ({
    status: "pending",
    ...ussdDial(r.bank, ussdDialString(r.bank.id, nairaFromKobo(req.amount), randomDigits(8))),
    expiresAt: after(req.at, DEADLINES_MS.ussd),
  }),
  direct_debit: (req, r) => ({
    status: "pending",
    ...awaitingDebit(r.bank, r.accountNumber),
    expiresAt: after(req.at, DEADLINES_MS.directDebit),
  }),
  pix: (req) => {
    const brCode = buildPixBrCode({
      key: SANDBOX_PIX_KEY,
      merchantName: req.merchant.name,
      merchantCity: "SAO PAULO",
      amountMinor: req.amount,
      txid: req.paymentId.replace(/^pay_/, "").slice(0, 25),
    });
    const expiresAt = after(req.at, DEADLINES_MS.pix);
    return { status: "pending", ...pixCharge(brCode, expiresAt), expiresAt };
  },
  boleto: (req) => {
    const { dueDate, deadline } = boletoDue(req.at, BOLETO_DUE_DAYS);
    const slip = buildBoleto({
      bankCode: SANDBOX_BOLETO_BANK,
      amountCents: req.amount,
      dueDate: new Date(`${dueDate}T12:00:00Z`),
      freeField25: randomDigits(25),
    });
    return { status: "pending", ...boletoSlip(slip, dueDate), expiresAt: deadline };
  },
  mobile_money: (req, r) => ({
    status: "pending",
    ...approveOnPhone(r.operator, r.phone),
    expiresAt: after(req.at, DEADLINES_MS.mobileMoney),
  }),
};

function start(req: StartPaymentRequest): StartPaymentResult {
  return (START[req.request.rail] as Start<Rail>)(req, req.request);
}

const notification = z.discriminatedUnion("outcome", [
  z.object({ paymentId: z.string().min(1), outcome: z.literal("succeeded") }),
  z.object({
    paymentId: z.string().min(1),
    outcome: z.literal("failed"),
    failureCode: z.string().regex(/^[a-z_]{1,64}$/).default(ASYNC_FAILURE.code),
    failureMessage: z.string().max(500).default(ASYNC_FAILURE.message),
  }),
]);

export const sandboxProvider = {
  name: "sandbox",
  rails: RAILS,
  currencies: "*",
  // Test mode keeps Kassa's own card form: its numbers move no money (SPEC 8).
  hostedCards: false,
  needsEmail: false,
  pageOrigins: () => [],
  reference: () => null,
  async startPayment(req) {
    return start(req);
  },
  // Only the test API (or the page's Simulate buttons) settles a sandbox payment.
  async readBack() {
    return { state: "pending" };
  },
  readNotification() {
    return { eventId: "", about: "other" };
  },
  async completeChallenge(payment, passed) {
    return passed
      ? { paymentId: payment.id, outcome: "succeeded" }
      : {
          paymentId: payment.id,
          outcome: "failed",
          failureCode: "authentication_failed",
          failureMessage: CARD_FAILURES.authentication_failed,
        };
  },
  /** What POST /api/v1/test/payments/{id}/succeed|fail says, as the notification it stands for. */
  parseNotification(body: unknown): Notification {
    return notification.parse(body);
  },
} satisfies PaymentProvider & { parseNotification(body: unknown): Notification };
