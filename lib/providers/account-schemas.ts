// The provider accounts API's shapes (SPEC 8): what POST and PATCH take, what every answer is.
// Which credentials, rails and currencies a provider takes is its adapter's to say; the
// operations (connect-account.ts, update-account.ts) check them against it.
import { z } from "zod";
import { providerAccounts } from "@/db/schema";
import { pageQuery } from "@/db/queries/pagination";
import { timestamp } from "@/lib/clock";
import { CURRENCIES, isCurrency, type Currency } from "@/lib/money/currencies";
import { RAILS } from "@/lib/rails";
import { ADAPTERS, adapterOf, type AdapterName } from "@/lib/providers";

export const ACCOUNT_STATUSES = providerAccounts.status.enumValues;
export const ADAPTER_NAMES = Object.keys(ADAPTERS) as [AdapterName, ...AdapterName[]];

const provider = z
  .enum(ADAPTER_NAMES, { error: `must be a provider Kassa connects: ${ADAPTER_NAMES.join(", ")}` })
  .meta({ description: "The processor the credentials are for." });

function credentialsDocs() {
  return ADAPTER_NAMES.map((name) => {
    const { $schema: _drop, ...schema } = z.toJSONSchema(adapterOf(name).credentials, { io: "input", unrepresentable: "any" });
    return { ...schema, title: name };
  });
}

// Any object here: the provider's own schema checks it in the operation, so that its issues
// are reported against the provider that was named. The document still shows each provider's
// shape, generated from that same schema.
const credentials = z.record(z.string(), z.unknown()).meta({
  description:
    "Write-only: sealed at rest, never returned (only `credentialsHint`) and never logged. Checked with one harmless call to the provider before anything is saved. paystack: `{secretKey}`, your Paystack secret key of the same mode as the API key making the request (sk_test_… with a test key, sk_live_… with a live one).",
  anyOf: credentialsDocs(),
  example: { secretKey: "sk_test_…" },
});

const unique = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .min(1)
    .max(50)
    .superRefine((list, ctx) => {
      if (new Set(list).size !== list.length) ctx.addIssue({ code: "custom", message: `must not repeat a ${what}` });
    });

const rails = unique(z.enum(RAILS), "rail").meta({
  description: "The rails this account takes payments on: a subset of those the provider serves (paystack: card, transfer, ussd). Default: all of them.",
  example: ["card", "transfer"],
});

const currency = z
  .string()
  .transform((v) => v.toUpperCase())
  .refine(isCurrency, { message: `must be a supported ISO 4217 code (${CURRENCIES.length} supported, e.g. NGN)` })
  .transform((v) => v as Currency);

const currencies = unique(currency, "currency").meta({
  description: "ISO 4217 codes, any case: a subset of those the provider serves (paystack: NGN). Default: all of them.",
  example: ["NGN"],
});

const status = z.enum(ACCOUNT_STATUSES);

export const connectAccountInput = z.strictObject({
  provider,
  credentials,
  rails: rails.optional(),
  currencies: currencies.optional(),
});

export type ConnectAccountInput = z.output<typeof connectAccountInput>;

export const updateAccountInput = z
  .strictObject({
    rails: rails.optional(),
    currencies: currencies.optional(),
    status: status.optional().meta({ description: "disabled: the account routes no payment until it is active again." }),
    credentials: credentials.optional().meta({
      description: "New credentials for the same provider: checked as on connect, then sealed in place of the old ones.",
    }),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "give at least one field to change" });

export type UpdateAccountInput = z.output<typeof updateAccountInput>;

export const listAccountsQuery = z.strictObject({ ...pageQuery });

export const providerAccountObject = z.object({
  id: z.string(),
  object: z.literal("provider_account"),
  provider: z.enum(ADAPTER_NAMES),
  livemode: z.boolean(),
  rails: z.array(z.enum(RAILS)),
  currencies: z.array(z.string()),
  status,
  credentialsHint: z.string().meta({ description: "What identifies the credentials without revealing them.", example: "sk_test_…4f2a" }),
  webhookUrl: z.string().meta({
    description: "Where the provider sends its notifications for this account: paste it into the provider's dashboard (Paystack: Settings → API Keys & Webhooks).",
    example: "https://pay.example.com/api/v1/provider-events/pa_…",
  }),
  createdAt: timestamp,
});

export const deletedProviderAccountObject = z.object({
  id: z.string(),
  object: z.literal("provider_account"),
  deleted: z.literal(true),
});

export type ProviderAccountObject = z.infer<typeof providerAccountObject>;
