import { isValidPhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";
import { pageQuery } from "@/db/queries/pagination";
import { ERROR_TYPES } from "@/lib/errors";
import { httpUrlProblem, urlCharactersProblem } from "@/lib/security/http-url";
import { originOfUrl, parseOrigin } from "@/lib/security/origin";
import { CURRENCIES, isCurrency, type Currency } from "@/lib/money/currencies";
import { isRail, NEXT_ACTIONS, RAIL_DETAILS, RAILS, railServes, type NextAction, type Rail } from "@/lib/rails";
import { isValidCnpj, isValidCpf } from "@/lib/rails/boleto/document";
import { eventFields } from "@/lib/events/serialize";
import { EVENT_TYPES, type EventType } from "@/lib/events/types";
import { checkoutSessions, payments, refunds } from "@/db/schema";
import { customerShape, installmentsShape, type Customer, type Installments, type LineItem } from "@/db/shapes";
import { timestamp } from "@/lib/clock";
import { canonicalTag, LOCALES } from "@/lib/i18n/locales";

export const MAX_AMOUNT = 1_000_000_000_000;
export const SESSION_STATUSES = checkoutSessions.status.enumValues;
export const PAYMENT_STATUSES = payments.status.enumValues;
export const REFUND_STATUSES = refunds.status.enumValues;
export const REFUND_REASONS = refunds.reason.enumValues;
const UI_MODES = checkoutSessions.uiMode.enumValues;
/** A session's locale: `auto` for the buyer's Accept-Language, or a BCP 47 tag of a language the page speaks. */
const sessionLocale = z
  .string()
  .refine((v) => v === "auto" || (v.length <= 35 && canonicalTag(v) !== null), {
    message: `must be auto or a language tag for ${LOCALES.join(", ")} (such as pt-BR or fr)`,
  })
  .meta({
    description: `\`auto\` (the buyer's Accept-Language), or a BCP 47 tag whose language is one of ${LOCALES.join(", ")}: \`pt-BR\` is shown in Portuguese, and kept as given (in its canonical case).`,
    examples: ["auto", "pt-BR", "fr"],
  });

/** Whether two types are the same both ways: a schema built on another keeps its shape. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const amount = z.int().min(1).max(MAX_AMOUNT);

const currency = z
  .string()
  .transform((v) => v.toUpperCase())
  .refine(isCurrency, { message: `must be a supported ISO 4217 code (${CURRENCIES.length} supported, e.g. NGN, XOF, BRL, USD)` })
  .transform((v) => v as Currency)
  .meta({ description: "ISO 4217 code, any case; returned upper case.", example: "NGN" });

export const rail = z.enum(RAILS);

const HOST_RULE = "must have a host of letters, digits, hyphens and dots, or an IP address";
const ORIGIN_RULE =
  "must be an origin such as https://shop.example.com: a scheme, a host of letters, digits, hyphens and dots (or an IP address), an optional port, nothing else";

/** URLs the buyer is sent to: absolute http(s), no credentials, no script schemes. */
export const redirectUrl = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = httpUrlProblem(value, { httpHint: "http for test keys and localhost" });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    // Its origin goes into the page's form-action: a host such as `*.example.com` would widen it.
    else if (!originOfUrl(value)) ctx.addIssue({ code: "custom", message: HOST_RULE });
  })
  .meta({ description: "Absolute https URL (http only with a test key or for localhost). `{CHECKOUT_SESSION_ID}` is replaced by the session id." });

/** An origin that may frame an embedded page: it goes into frame-ancestors as it is. */
export const origin = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    if (!parseOrigin(value)) ctx.addIssue({ code: "custom", message: ORIGIN_RULE });
  })
  .transform((v) => v.replace(/\/$/, ""));

// What a session accepts into a stored line item, customer or installments: each field of the
// stored shape (db/shapes.ts) with its rules; the Same checks keep the two one shape.
const lineItem = z.strictObject({
  name: z.string().trim().min(1).max(200),
  unitAmount: amount,
  quantity: z.int().min(1).max(10_000),
  description: z.string().max(500).optional(),
  // Checked before z.url, which would drop a tab or line break without a word.
  imageUrl: z
    .string()
    .max(2048)
    .superRefine((value, ctx) => {
      const problem = urlCharactersProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .pipe(z.url({ protocol: /^https?$/ }))
    .optional(),
});
true satisfies Same<z.output<typeof lineItem>, LineItem>;

const document = z
  .strictObject({
    type: z.string().trim().min(1).max(20).toLowerCase(),
    number: z.string().trim().min(1).max(40),
  })
  .superRefine((doc, ctx) => {
    if (doc.type === "cpf" && !isValidCpf(doc.number)) {
      ctx.addIssue({ code: "custom", path: ["number"], message: "is not a valid CPF (check digits do not match)" });
    }
    if (doc.type === "cnpj" && !isValidCnpj(doc.number)) {
      ctx.addIssue({ code: "custom", path: ["number"], message: "is not a valid CNPJ (check digits do not match)" });
    }
  });

export const customerInput = z.strictObject({
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .max(20)
    .refine((v) => /^\+[1-9]\d{6,14}$/.test(v) && isValidPhoneNumber(v), {
      message: "must be a valid E.164 number for its country, e.g. +2348031234567",
    })
    .optional(),
  name: z.string().trim().min(1).max(200).optional(),
  document: document.optional(),
});
true satisfies Same<z.output<typeof customerInput>, Customer>;

const installmentsInput = z.strictObject({ maxCount: z.int().min(1).max(12) });
true satisfies Same<z.output<typeof installmentsInput>, Installments>;

export const MAX_METADATA_KEYS = 50;

const metadata = z
  .record(z.string().min(1).max(40), z.string().max(500))
  .refine((m) => Object.keys(m).length <= MAX_METADATA_KEYS, { message: `must have at most ${MAX_METADATA_KEYS} keys` })
  .meta({ maxProperties: MAX_METADATA_KEYS });

export const createSessionInput = z
  .strictObject({
    amount: amount.optional().meta({ description: "Minor units of `currency` (kobo, centavos; none for XOF)." }),
    currency,
    lineItems: z.array(lineItem).min(1).max(100).optional(),
    description: z.string().max(200).optional(),
    customer: customerInput.optional(),
    paymentMethods: z
      .array(rail)
      .min(1)
      .max(RAILS.length)
      .optional()
      .meta({ description: "The rails offered. Default: every rail the merchant accepts that can take exactly `amount` in `currency` (USSD takes whole naira only, so not ₦26,500.50). Naming one that cannot is a 400 `rail_unavailable`." }),
    preferredPaymentMethod: rail.optional(),
    mode: z.enum(UI_MODES).default("hosted"),
    successUrl: redirectUrl,
    cancelUrl: redirectUrl.optional(),
    allowedOrigins: z.array(origin).min(1).max(20).optional(),
    expiresIn: z.int().min(300).max(86_400).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    metadata: metadata.optional(),
    clientReferenceId: z.string().min(1).max(200).optional(),
    locale: sessionLocale.default("auto"),
    installments: installmentsInput.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.amount === undefined && !input.lineItems) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "is required unless lineItems is given" });
    }
    if (input.lineItems) {
      const total = input.lineItems.reduce((sum, li) => sum + li.unitAmount * li.quantity, 0);
      if (total > MAX_AMOUNT) {
        ctx.addIssue({ code: "custom", path: ["lineItems"], message: `add up to more than ${MAX_AMOUNT}` });
      } else if (input.amount !== undefined && input.amount !== total) {
        ctx.addIssue({
          code: "custom",
          path: ["amount"],
          message: `is ${input.amount} but lineItems add up to ${total}`,
        });
      }
    }
    if (input.expiresIn !== undefined && input.expiresAt !== undefined) {
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "give expiresIn or expiresAt, not both" });
    }
    const cur = input.currency;
    input.paymentMethods?.forEach((r, i) => {
      if (!railServes(r, cur)) {
        ctx.addIssue({ code: "custom", path: ["paymentMethods", i], message: `${r} cannot take ${cur}` });
      }
    });
    if (new Set(input.paymentMethods ?? []).size !== (input.paymentMethods?.length ?? 0)) {
      ctx.addIssue({ code: "custom", path: ["paymentMethods"], message: "must not repeat a rail" });
    }
    if (input.preferredPaymentMethod) {
      const offered = input.paymentMethods ?? RAILS.filter((r) => railServes(r, cur));
      if (!offered.includes(input.preferredPaymentMethod)) {
        ctx.addIssue({
          code: "custom",
          path: ["preferredPaymentMethod"],
          message: "must be one of paymentMethods (and serve the currency)",
        });
      }
    }
    if (input.installments && cur !== "BRL") {
      ctx.addIssue({ code: "custom", path: ["installments"], message: "are only offered for BRL card payments" });
    }
    if (input.installments && input.paymentMethods && !input.paymentMethods.includes("card")) {
      ctx.addIssue({ code: "custom", path: ["installments"], message: "need card among paymentMethods" });
    }
  });

export type CreateSessionInput = z.infer<typeof createSessionInput>;

export const listSessionsQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(SESSION_STATUSES).optional(),
  clientReferenceId: z.string().max(200).optional(),
  "customer.email": z.string().max(254).optional(),
  customerEmail: z.email().max(254).optional().meta({ description: "`customerDetails.email`, exact, case-insensitive." }),
  customerPhone: z
    .string()
    .max(20)
    .transform((v, ctx) => {
      const phone = parsePhoneNumberFromString(v);
      if (phone?.isValid()) return phone.number as string;
      ctx.addIssue({ code: "custom", message: "must be a valid phone number in E.164, e.g. +2250701020304" });
      return z.NEVER;
    })
    .optional()
    .meta({ description: "`customerDetails.phone`, in E.164 (spaces and dashes ignored)." }),
  customerName: z.string().trim().min(1).max(200).optional().meta({ description: "Part of `customerDetails.name`, case-insensitive." }),
});

export const listEventsQuery = z.strictObject({
  ...pageQuery,
  type: z.enum(EVENT_TYPES).optional(),
});

export { isRail };

// ---- Objects the API returns (documented in the OpenAPI document from these schemas) ----


/** The customer as given at create (SPEC 2.1): as stored. */
export const customerObject = customerShape;

/**
 * What the buyer gave on the attempt that paid, or is paying (SPEC 9): each field null until
 * then, or when that rail did not ask for it. `customer` stays as the merchant sent it.
 */
export const customerDetailsObject = z
  .object({
    email: z.string().nullable().meta({ description: "Lowercased." }),
    name: z.string().nullable(),
    phone: z.string().nullable().meta({ description: "E.164." }),
  })
  .meta({ description: "The buyer's details as given when paying (the page prefills them from `customer`)." });

/** What the buyer has to do next: each rail's next actions (lib/rails/<rail>). */
export const nextActionObject = z.discriminatedUnion("type", NEXT_ACTIONS);

true satisfies Same<z.output<typeof nextActionObject>, NextAction>;

/** What each rail produced (SPEC 2.2), returned as `payment.details`. */
export const railDetails = RAIL_DETAILS;

type RailVariant<S extends z.ZodRawShape, R extends Rail> = z.ZodObject<
  Omit<S, "rail" | "details"> & { rail: z.ZodLiteral<R>; details: z.ZodNullable<(typeof RAIL_DETAILS)[R]> }
>;

/** A payment's fields, one variant per rail: `rail` tells the shape of `details`. */
export function byRail<S extends z.ZodRawShape>(shape: S) {
  // null: the provider never said (it refused the payment, or has not answered yet).
  const variants = RAILS.map((rail) => z.object({ ...shape, rail: z.literal(rail), details: RAIL_DETAILS[rail].nullable() }));
  return z.discriminatedUnion("rail", variants as unknown as [RailVariant<S, Rail>, ...{ [R in Rail]: RailVariant<S, R> }[Rail][]]);
}

export const paymentFields = {
  id: z.string(),
  object: z.literal("payment"),
  session: z.string(),
  livemode: z.boolean(),
  status: z.enum(PAYMENT_STATUSES),
  amount: z.int(),
  currency: z.string(),
  fee: z.int(),
  netAmount: z.int(),
  installments: z.int().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  nextAction: nextActionObject.nullable(),
  requiresRefund: z.boolean(),
  refundedAmount: z.int().meta({ description: "What its refunds hold back, pending or succeeded (minor units); at most `amount`." }),
  receiptUrl: z
    .string()
    .nullable()
    .meta({ description: "A succeeded payment's receipt: a printable page for the buyer (the address mailed with the receipt). Null until it succeeds." }),
  createdAt: timestamp,
  paidAt: timestamp.nullable(),
};

export const paymentObject = byRail(paymentFields);

export const sessionObject = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  livemode: z.boolean(),
  status: z.enum(SESSION_STATUSES),
  amount: z.int(),
  currency: z.string(),
  lineItems: z.array(lineItem).nullable(),
  description: z.string().nullable(),
  customer: customerObject.nullable(),
  customerDetails: customerDetailsObject,
  paymentMethods: z.array(rail),
  preferredPaymentMethod: rail.nullable(),
  mode: z.enum(UI_MODES),
  checkoutUrl: z.string(),
  successUrl: z.string(),
  cancelUrl: z.string().nullable(),
  allowedOrigins: z.array(z.string()),
  expiresAt: timestamp,
  createdAt: timestamp,
  paidAt: timestamp.nullable(),
  metadata: z.record(z.string(), z.string()).meta({ maxProperties: MAX_METADATA_KEYS }),
  clientReferenceId: z.string().nullable(),
  locale: z.string().meta({ description: "`auto`, or the BCP 47 tag given at create (canonical case)." }),
  installments: installmentsShape.nullable(),
  payment: paymentObject.nullable(),
  payments: z.array(paymentObject).optional().meta({ description: "Every payment attempt, on retrieve." }),
});

export type SessionObject = z.infer<typeof sessionObject>;
export type PaymentObject = z.infer<typeof paymentObject>;

// ---- Refunds (SPEC 9) ----

export const createRefundInput = z.strictObject({
  payment: z.string().min(1).max(100).meta({ description: "The succeeded payment to refund (pay_…)." }),
  amount: amount.optional().meta({ description: "Minor units of the payment's currency; default: what is left to refund." }),
  reason: z.enum(REFUND_REASONS).optional(),
  metadata: metadata.optional(),
});

export type CreateRefundInput = z.infer<typeof createRefundInput>;

export const listRefundsQuery = z.strictObject({
  ...pageQuery,
  payment: z.string().max(100).optional().meta({ description: "Only the refunds of this payment (pay_…)." }),
});

export const refundObject = z.object({
  id: z.string(),
  object: z.literal("refund"),
  payment: z.string(),
  livemode: z.boolean(),
  amount: z.int(),
  currency: z.string(),
  status: z.enum(REFUND_STATUSES),
  reason: z.enum(REFUND_REASONS).nullable(),
  failureMessage: z.string().nullable(),
  metadata: z.record(z.string(), z.string()).meta({ maxProperties: MAX_METADATA_KEYS }),
  createdAt: timestamp,
  settledAt: timestamp.nullable(),
});

export type RefundObject = z.infer<typeof refundObject>;

const SESSION_EVENT_TYPES = EVENT_TYPES.filter((t) => t.startsWith("checkout.session."));
const PAYMENT_EVENT_TYPES = EVENT_TYPES.filter((t) => t.startsWith("payment."));
const REFUND_EVENT_TYPES = EVENT_TYPES.filter((t) => t.startsWith("refund."));

/** An event carries the object it is about, as it was then: a session, a payment or a refund, told by `type`. */
export const eventObject = z.discriminatedUnion("type", [
  z.object({
    ...eventFields,
    type: z.enum(SESSION_EVENT_TYPES as [EventType, ...EventType[]]),
    data: z.object({ object: sessionObject }),
  }),
  z.object({
    ...eventFields,
    type: z.enum(PAYMENT_EVENT_TYPES as [EventType, ...EventType[]]),
    data: z.object({ object: paymentObject }),
  }),
  z.object({
    ...eventFields,
    type: z.enum(REFUND_EVENT_TYPES as [EventType, ...EventType[]]),
    data: z.object({ object: refundObject }),
  }),
]);

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ object: z.literal("list"), data: z.array(item), hasMore: z.boolean() });


export const errorObject = z.object({
  error: z.object({
    type: z.enum(ERROR_TYPES),
    code: z.string(),
    message: z.string(),
    issues: z
      .array(z.object({ path: z.array(z.union([z.string(), z.number()])), code: z.string(), message: z.string() }))
      .optional(),
    requestId: z.string(),
  }),
});

export const simulateFailInput = z.strictObject({
  failureCode: z.string().regex(/^[a-z_]{1,64}$/, "must be lower-case letters and underscores").optional(),
  failureMessage: z.string().min(1).max(500).optional(),
});

export const simulateRefundFailInput = z.strictObject({
  failureMessage: z.string().min(1).max(500).optional(),
});
