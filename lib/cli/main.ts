// The operator CLI: `npm run kassa -- <command>`. Works on PGlite while no server holds it,
// and on PostgreSQL at any time.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { notifyKeysChanged, listMerchantKeys } from "@/db/queries/api-keys";
import { findMerchant, listMerchants, updateMerchant, type MerchantChanges } from "@/db/queries/merchants";
import { findProviderAccountById } from "@/db/queries/provider-accounts";
import type { FeeSchedule } from "@/db/schema";
import { dataDir, dataDirHolder } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError, fromZodError } from "@/lib/errors";
import { createMerchant } from "@/lib/merchants/create-merchant";
import { createApiKey, revokeApiKeyByIdOrPrefix } from "@/lib/merchants/keys";
import { ADAPTER_NAMES, connectAccountInput, type ProviderAccountObject } from "@/lib/providers/account-schemas";
import { listAccountObjects } from "@/lib/providers/accounts";
import { connectAccount } from "@/lib/providers/connect-account";
import { disconnectAccount } from "@/lib/providers/disconnect-account";
import { PROVIDER_LABELS } from "@/lib/providers/labels";
import { isRail, RAILS, type Rail } from "@/lib/rails";
import { normalizeHexColor } from "@/lib/security/colors";

const USAGE = `Usage: npm run kassa -- <command> [options]

Commands:
  merchant create --name NAME [--logo-url URL] [--brand-color #RRGGBB] [--rails card,pix,…]
                  [--fees '{"card":{"bps":250,"fixed":0,"cap":null}}'] [--json]
      Create a merchant with a test key and a live key (shown once). --fees sets the fee
      schedule per rail (basis points, fixed and optional cap in minor units); rails left
      out use the defaults.
  merchant list [--json]
      Every merchant: its id, name, rails and how many working keys it has in each mode.
  merchant update MERCHANT_ID [--name NAME] [--logo-url URL|""] [--brand-color #RRGGBB|""]
                  [--rails card,pix,…] [--fees '{…}'] [--auto-refund-duplicates true|false] [--json]
      Change what is given (an empty --logo-url or --brand-color removes it). With
      --auto-refund-duplicates, whether a payment that succeeds on a session already paid
      (a transfer that arrived after the buyer paid by card) is refunded in full by itself
      (default: true). --fees replaces the whole fee schedule.
  key create --merchant MERCHANT_ID --mode test|live [--json]
      Create another API key for a merchant (shown once).
  key list --merchant MERCHANT_ID [--json]
      The merchant's keys, newest first: id, mode, display prefix, created, revoked.
  key revoke KEY [--json]
      Revoke a key by its id (key_…), its display prefix (sk_test_ab12…) or the whole key.
  provider connect --merchant MERCHANT_ID --mode test|live --provider ${ADAPTER_NAMES.join("|")}
                   --secret-key KEY|- [--rails card,transfer] [--currencies NGN] [--json]
      Connect the merchant's account at a payment provider: the key is checked with the
      provider, then stored encrypted. \`--secret-key -\` reads it from standard input (keeps
      it out of the shell's history). Prints the account's webhook URL, to paste into the
      provider's dashboard.
  provider list --merchant MERCHANT_ID [--mode test|live] [--json]
      The merchant's connected provider accounts, newest first (both modes unless --mode).
  provider disconnect PROVIDER_ACCOUNT_ID [--json]
      Disconnect an account (pa_…): it takes no new payment from then on.

The database is the server's: DATABASE_URL=postgres://… or the embedded one in
KASSA_DATA_DIR (default ./.data). The embedded database cannot be opened while a
Kassa server is running on it; PostgreSQL can.`;

class CliError extends Error {}

type MerchantValues = { "logo-url"?: string; "brand-color"?: string; rails?: string; fees?: string };

/** The look, rails and fees options of `merchant create` and `merchant update`, checked; absent when not given. */
function merchantOptions(values: MerchantValues): Pick<MerchantChanges, "logoUrl" | "brandColor" | "rails" | "feeSchedule"> {
  const out: Pick<MerchantChanges, "logoUrl" | "brandColor" | "rails" | "feeSchedule"> = {};
  const color = values["brand-color"];
  if (color !== undefined) {
    const brandColor = color === "" ? null : normalizeHexColor(color);
    if (color !== "" && !brandColor) throw new CliError("--brand-color must be a hex colour such as #0f766e.");
    out.brandColor = brandColor;
  }
  const logo = values["logo-url"];
  if (logo !== undefined) {
    if (logo !== "" && !/^https:\/\/[^\s]+$/.test(logo)) throw new CliError("--logo-url must be an https URL.");
    out.logoUrl = logo === "" ? null : logo;
  }
  if (values.rails !== undefined) {
    const list = values.rails.split(",").map((r) => r.trim());
    const bad = list.filter((r) => !isRail(r));
    if (bad.length) throw new CliError(`Unknown rail(s): ${bad.join(", ")}. Known: ${RAILS.join(", ")}.`);
    out.rails = list.filter(isRail);
    if (out.rails.length === 0) throw new CliError("--rails needs at least one rail.");
  }
  if (values.fees !== undefined) out.feeSchedule = parseFees(values.fees);
  return out;
}

async function open(): Promise<DatabaseHandle> {
  const url = env().DATABASE_URL;
  if (url === "memory://") throw new CliError("DATABASE_URL=memory:// is private to one server process; the CLI cannot reach it.");
  if (!url) {
    const holder = dataDirHolder(dataDir());
    if (holder !== null) {
      throw new CliError(
        `The embedded database in ${dataDir()} is held by a running Kassa server (pid ${holder}).\n` +
          `Stop the server and run the command again, or run Kassa on PostgreSQL (DATABASE_URL=postgres://…) to manage it while it runs.`,
      );
    }
  }
  return openDatabase({ url, dataDir: dataDir(), poolSize: 1 });
}

function print(json: boolean, data: Record<string, unknown>, text: string) {
  process.stdout.write(json ? `${JSON.stringify(data)}\n` : `${text}\n`);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "logo-url": { type: "string" },
      "brand-color": { type: "string" },
      rails: { type: "string" },
      fees: { type: "string" },
      merchant: { type: "string" },
      mode: { type: "string" },
      provider: { type: "string" },
      "secret-key": { type: "string" },
      currencies: { type: "string" },
      "auto-refund-duplicates": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [noun, verb, arg] = positionals;
  if (values.help || !noun) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const json = values.json ?? false;

  if (noun === "merchant" && verb === "create") {
    const name = values.name?.trim();
    if (!name || name.length > 200) throw new CliError("--name is required (1 to 200 characters).");
    const { logoUrl, brandColor, rails, feeSchedule } = merchantOptions(values);
    const h = await open();
    try {
      const created = await createMerchant(h.db, { name, logoUrl: logoUrl ?? null, brandColor: brandColor ?? null, rails, feeSchedule });
      print(
        json,
        { id: created.merchant.id, name: created.merchant.name, testKey: created.testKey.secret, liveKey: created.liveKey.secret },
        `Merchant ${created.merchant.id} (${created.merchant.name})\n  test key: ${created.testKey.secret}\n  live key: ${created.liveKey.secret}\nThe keys are shown once; only their hashes are kept.`,
      );
    } finally {
      await h.close();
    }
    return;
  }

  if (noun === "merchant" && verb === "list") {
    const h = await open();
    try {
      const rows = await listMerchants(h.db);
      const data = rows.map((m) => ({ id: m.id, name: m.name, rails: m.rails, testKeys: m.testKeys, liveKeys: m.liveKeys, createdAt: m.createdAt.toISOString() }));
      const lines = data.map((m) => `${m.id}  ${m.name}\n  rails: ${m.rails.join(", ")}\n  keys: ${m.testKeys} test, ${m.liveKeys} live  (created ${m.createdAt})`);
      print(json, { data }, lines.length ? lines.join("\n") : "No merchants yet: npm run kassa -- merchant create --name NAME");
    } finally {
      await h.close();
    }
    return;
  }

  if (noun === "merchant" && verb === "update") {
    if (!arg) throw new CliError("Give the merchant's id (mer_…).");
    const changes: MerchantChanges = {};
    if (values.name !== undefined) {
      const name = values.name.trim();
      if (!name || name.length > 200) throw new CliError("--name must be 1 to 200 characters.");
      changes.name = name;
    }
    Object.assign(changes, merchantOptions(values));
    const flag = values["auto-refund-duplicates"];
    if (flag !== undefined) {
      if (flag !== "true" && flag !== "false") throw new CliError("--auto-refund-duplicates must be true or false.");
      changes.autoRefundDuplicates = flag === "true";
    }
    if (Object.keys(changes).length === 0) {
      throw new CliError("Nothing to change: give --name, --logo-url, --brand-color, --rails, --fees or --auto-refund-duplicates.");
    }
    const h = await open();
    try {
      const row = await updateMerchant(h.db, arg, changes);
      if (!row) throw new CliError(`No merchant ${arg}.`);
      // Servers keep a merchant beside its keys for a minute: this makes them read it again.
      await notifyKeysChanged(h.db);
      const data = {
        id: row.id,
        name: row.name,
        logoUrl: row.logoUrl,
        brandColor: row.brandColor,
        rails: row.rails,
        feeSchedule: row.feeSchedule,
        autoRefundDuplicates: row.autoRefundDuplicates,
      };
      print(
        json,
        data,
        [
          `Merchant ${row.id} (${row.name})`,
          `  logo: ${row.logoUrl ?? "none"}`,
          `  brand colour: ${row.brandColor ?? "default"}`,
          `  rails: ${row.rails.join(", ")}`,
          `  duplicate payments: ${row.autoRefundDuplicates ? "refunded by themselves" : "left for you to refund"}`,
        ].join("\n"),
      );
    } finally {
      await h.close();
    }
    return;
  }

  if (noun === "key" && verb === "create") {
    const merchantId = values.merchant;
    if (!merchantId) throw new CliError("--merchant MERCHANT_ID is required.");
    if (values.mode !== "test" && values.mode !== "live") throw new CliError("--mode must be test or live.");
    const h = await open();
    try {
      if (!(await findMerchant(h.db, merchantId))) throw new CliError(`No merchant ${merchantId}.`);
      const key = await createApiKey(h.db, merchantId, values.mode === "live");
      print(
        json,
        { id: key.id, merchant: merchantId, mode: values.mode, key: key.secret, prefix: key.prefix },
        `Key ${key.id} for ${merchantId} (${values.mode}): ${key.secret}\nShown once; only its hash is kept.`,
      );
    } finally {
      await h.close();
    }
    return;
  }

  if (noun === "key" && verb === "list") {
    const merchantId = values.merchant ?? arg;
    if (!merchantId) throw new CliError("--merchant MERCHANT_ID is required.");
    const h = await open();
    try {
      if (!(await findMerchant(h.db, merchantId))) throw new CliError(`No merchant ${merchantId}.`);
      const keys = await listMerchantKeys(h.db, merchantId);
      const data = keys.map((k) => ({
        id: k.id,
        mode: k.livemode ? "live" : "test",
        prefix: k.prefix,
        createdAt: k.createdAt.toISOString(),
        revokedAt: k.revokedAt?.toISOString() ?? null,
      }));
      const lines = data.map((k) => `${k.id}  ${k.mode}  ${k.prefix}…  created ${k.createdAt}${k.revokedAt ? `  revoked ${k.revokedAt}` : ""}`);
      print(json, { data }, lines.length ? lines.join("\n") : `${merchantId} has no keys.`);
    } finally {
      await h.close();
    }
    return;
  }

  if (noun === "key" && verb === "revoke") {
    if (!arg) throw new CliError("Give the key id (key_…), its display prefix (sk_test_…) or the whole key.");
    const h = await open();
    try {
      const result = await revokeApiKeyByIdOrPrefix(h.db, arg, new Date());
      if (!result.ok) {
        const why = {
          not_found: `No key matches ${arg}.`,
          ambiguous: `${arg} matches several keys (${result.matches?.join(", ")}); give more characters or the key id.`,
          already_revoked: `That key is already revoked.`,
        }[result.reason];
        throw new CliError(why);
      }
      print(json, { id: result.id, prefix: result.prefix, revoked: true }, `Revoked ${result.id} (${result.prefix}…).`);
    } finally {
      await h.close();
    }
    return;
  }

  if (noun === "provider" && verb === "connect") {
    const merchantId = values.merchant;
    if (!merchantId) throw new CliError("--merchant MERCHANT_ID is required.");
    const livemode = modeOption(values.mode);
    if (livemode === null) throw new CliError("--mode test|live is required.");
    if (!values.provider) throw new CliError(`--provider is required (${ADAPTER_NAMES.join(", ")}).`);
    if (!values["secret-key"]) throw new CliError("--secret-key is required (or --secret-key - to read it from standard input).");
    const secretKey = values["secret-key"] === "-" ? await readStdin() : values["secret-key"];
    // The API's own schema and operation: the CLI refuses exactly what the API refuses.
    const parsed = connectAccountInput.safeParse({
      provider: values.provider,
      credentials: { secretKey },
      rails: listOption(values.rails),
      currencies: listOption(values.currencies),
    });
    if (!parsed.success) throw fromZodError(parsed.error);
    const h = await open();
    try {
      if (!(await findMerchant(h.db, merchantId))) throw new CliError(`No merchant ${merchantId}.`);
      const account = await connectAccount(h.db, { scope: { merchantId, livemode }, input: parsed.data, now: new Date() });
      const label = PROVIDER_LABELS[account.provider];
      const lines = [
        `Connected ${describeAccount(account)}.`,
        `Webhook URL: ${account.webhookUrl}`,
        `Paste it into your ${label} dashboard as the ${livemode ? "live" : "test"} webhook URL, so that ${label} tells Kassa about payments.`,
      ];
      if (!env().PUBLIC_URL) lines.push("PUBLIC_URL is not set: that URL is this machine's. Set PUBLIC_URL to the address the provider reaches Kassa at.");
      print(json, account, lines.join("\n"));
    } finally {
      await h.close();
    }
    return;
  }

  if (noun === "provider" && verb === "list") {
    const merchantId = values.merchant;
    if (!merchantId) throw new CliError("--merchant MERCHANT_ID is required.");
    if (values.mode !== undefined && modeOption(values.mode) === null) throw new CliError("--mode must be test or live.");
    const modes = values.mode === undefined ? [false, true] : [modeOption(values.mode)!];
    const h = await open();
    try {
      if (!(await findMerchant(h.db, merchantId))) throw new CliError(`No merchant ${merchantId}.`);
      const accounts: ProviderAccountObject[] = [];
      for (const livemode of modes) {
        for (let after: string | undefined; ; ) {
          const page = (await listAccountObjects(h.db, { merchantId, livemode, limit: 100, startingAfter: after }))!;
          accounts.push(...page.data);
          if (!page.hasMore) break;
          after = page.data.at(-1)!.id;
        }
      }
      const text = accounts.length
        ? accounts.map((a) => `${describeAccount(a)}\n  webhook URL: ${a.webhookUrl}`).join("\n")
        : `${merchantId} has no provider account${values.mode ? ` in ${values.mode} mode` : ""}.`;
      print(json, { object: "list", data: accounts }, text);
    } finally {
      await h.close();
    }
    return;
  }

  if (noun === "provider" && verb === "disconnect") {
    if (!arg) throw new CliError("Give the provider account's id (pa_…).");
    const h = await open();
    try {
      const row = await findProviderAccountById(h.db, arg);
      if (!row || row.deletedAt) throw new CliError(`No provider account ${arg}.`);
      const result = await disconnectAccount(h.db, { merchantId: row.merchantId, livemode: row.livemode }, arg, new Date());
      print(json, result, `Disconnected ${row.id} (${row.provider}, ${row.livemode ? "live" : "test"}, merchant ${row.merchantId}): it takes no new payment.`);
    } finally {
      await h.close();
    }
    return;
  }

  throw new CliError(`Unknown command: ${positionals.join(" ")}\n\n${USAGE}`);
}

function modeOption(mode: string | undefined): boolean | null {
  return mode === "live" ? true : mode === "test" ? false : null;
}

function listOption(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(",").map((v) => v.trim()).filter(Boolean);
}

function describeAccount(a: ProviderAccountObject): string {
  const mode = a.livemode ? "live" : "test";
  return `${a.id} (${a.provider}, ${mode}, ${a.status}): ${a.rails.join(", ")} in ${a.currencies.join(", ")}; key ${a.credentialsHint}`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

const feeRule = z.strictObject({
  bps: z.int().min(0).max(10_000),
  fixed: z.int().min(0).max(1_000_000_000).default(0),
  cap: z.int().min(0).nullable().optional(),
});

function parseFees(text: string): FeeSchedule {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CliError("--fees must be JSON, e.g. '{\"card\":{\"bps\":250,\"fixed\":0}}'.");
  }
  const parsed = z.record(z.string().refine(isRail, "unknown rail"), feeRule).safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new CliError(`--fees: ${i.path.join(".")}: ${i.message}`);
  }
  return parsed.data;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    // An ApiError's message is the one the API answers with: written for the merchant, secret-free.
    const message = err instanceof CliError || err instanceof ApiError || (err instanceof Error && err.message.startsWith("Invalid configuration"))
      ? err.message
      : `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`kassa: ${message}\n`);
    const refused = err instanceof CliError || (err instanceof ApiError && err.type === "validation_error");
    process.exit(refused ? 2 : 1);
  },
);
