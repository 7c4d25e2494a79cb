// After the payment (SPEC 9), as a buyer in Chromium and a merchant over the API: the receipt
// mailed in the buyer's language (a real SMTP server, e2e/support/pw-global-setup.ts) and its
// printable page, a card payment refunded in two parts with events and webhooks for each, an
// async rail's refund settled through the test endpoint, and a duplicate refunded by itself.
import { expect, test, type Page } from "@playwright/test";
import { expectPaidRedirect, fakeMerchantSite, fillCard, merchantGet, merchantPost, nextYear, newSession, BASE, TEST_KEY } from "../support/checkout";
import { startReceiver, type Receiver } from "../support/receiver";
import type { InboxMessage } from "../support/smtp";

test.use({ viewport: { width: 360, height: 780 } });
test.beforeEach(async ({ page }) => fakeMerchantSite(page));

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

/** The mails to `address` once `n` of them (whose subject starts with `subject`, if given) have arrived. */
async function inboxFor(address: string, n = 1, subject = ""): Promise<InboxMessage[]> {
  let mine: InboxMessage[] = [];
  await expect
    .poll(
      async () => {
        const all = (await (await fetch(process.env.KASSA_E2E_INBOX!)).json()) as InboxMessage[];
        mine = all.filter((m) => m.to.includes(address));
        return mine.filter((m) => m.subject.startsWith(subject)).length;
      },
      { message: `${n} mail(s) to ${address}`, timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(n);
  return mine;
}

let receiver: Receiver;
let endpointId: string;
const HOOK_PATH = "/after-payment";

test.beforeAll(async () => {
  receiver = await startReceiver();
  const hook = await merchantPost("/api/v1/webhook-endpoints", { url: receiver.url(HOOK_PATH), events: ["refund.created", "refund.succeeded", "refund.failed"] });
  expect(hook.status).toBe(201);
  endpointId = hook.body.id;
  await receiver.route(HOOK_PATH, { secret: hook.body.secret });
});

test.afterAll(async () => {
  await fetch(`${BASE()}/api/v1/webhook-endpoints/${endpointId}`, { method: "DELETE", headers: { authorization: `Bearer ${TEST_KEY()}` } });
  await receiver.stop();
});

/** The verified webhooks of `refundId`'s events, by type. */
async function hooksFor(refundId: string, types: string[]) {
  await expect
    .poll(async () => (await receiver.requests(HOOK_PATH)).filter((r) => r.objectId === refundId && r.verified).map((r) => r.type).sort(), { timeout: 20_000 })
    .toEqual([...types].sort());
}

async function refundEvents(refundId: string) {
  const events = await merchantGet("/api/v1/events?limit=100");
  return (events.data as { type: string; data: { object: { id: string } } }[]).filter((e) => e.data.object.id === refundId).map((e) => e.type).sort();
}

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("a card payment's receipt arrives by email in the buyer's language, opens as a printable page, and is refunded in two parts", async ({ page }) => {
    const email = `recu${Date.now()}@example.com`;
    const s = await newSession({ locale: "auto", description: "Commande #2042" });
    await page.goto(s.checkoutUrl);
    await page.getByRole("textbox", { name: /^E-mail/ }).fill(email);
    await page.getByLabel("Numéro de carte").fill("4242424242424242");
    await page.getByLabel("Date d'expiration").fill(`12/${nextYear()}`);
    await page.getByLabel("Code de sécurité").fill("123");
    await page.getByRole("button", { name: /^Payer / }).click();
    const session = await expectPaidRedirect(page, s.id);

    const [receipt] = await inboxFor(email);
    expect(receipt!.subject).toBe("Votre reçu de Acme Lagos");
    const text = nbsp(receipt!.text);
    expect(text).toMatch(/Montant payé : (2 500,00 (₦|NGN)|(₦|NGN) 2 500,00)/);
    expect(text).toContain("Visa se terminant par 4242");
    expect(text).toContain(session.payment.receiptUrl);

    // The link in the mail: the receipt, with no script, readable at 360 px.
    await page.goto(session.payment.receiptUrl);
    await expect(page.getByRole("heading", { name: "Reçu de Acme Lagos" })).toBeVisible();
    await expect(page.locator("script")).toHaveCount(0);
    expect(nbsp((await page.locator("[data-receipt-total]").textContent())!)).toMatch(/2 500,00/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The merchant refunds 1 000,00 then the 1 500,00 left: a card's come back at once.
    const first = await merchantPost("/api/v1/refunds", { payment: session.payment.id, amount: 100000, reason: "requested_by_customer" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: 100000, status: "succeeded" });
    const rest = await merchantPost("/api/v1/refunds", { payment: session.payment.id });
    expect(rest.body).toMatchObject({ amount: 150000, status: "succeeded" });
    const over = await merchantPost("/api/v1/refunds", { payment: session.payment.id, amount: 1 });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("refund_exceeds_payment");
    expect((await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).payment.refundedAmount).toBe(250000);
    for (const r of [first.body, rest.body]) {
      expect(await refundEvents(r.id)).toEqual(["refund.created", "refund.succeeded"]);
      await hooksFor(r.id, ["refund.created", "refund.succeeded"]);
    }
    // The receipt now says what came back.
    await page.reload();
    await expect(page.getByText("Remboursé")).toBeVisible();
  });
});

async function startTransfer(page: Page) {
  await page.getByRole("link", { name: "Bank transfer", exact: true }).click();
  await page.getByRole("button", { name: "Get account details" }).click();
  await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
}

test("a transfer's instructions arrive by email while it waits; its refund stays pending until the bank sends it", async ({ page }) => {
  const email = `transfer${Date.now()}@example.com`;
  const s = await newSession({ customer: { email } });
  await page.goto(s.checkoutUrl);
  await startTransfer(page);
  const [instructions] = await inboxFor(email);
  expect(instructions!.subject).toBe("How to finish your payment to Acme Lagos");
  const accountNumber = (await page.locator("dd.font-mono").first().textContent())!.trim();
  expect(nbsp(instructions!.text)).toContain(`Account number: ${accountNumber}`);
  expect(nbsp(instructions!.text)).toContain("Transfer exactly ₦2,500.00 to this account");

  const paymentId = (await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).payment.id;
  expect((await merchantPost(`/api/v1/test/payments/${paymentId}/succeed`)).status).toBe(200);
  await expectPaidRedirect(page, s.id);
  const both = await inboxFor(email, 2);
  expect(both.map((m) => m.subject)).toEqual(["How to finish your payment to Acme Lagos", "Your receipt from Acme Lagos"]);

  const refund = await merchantPost("/api/v1/refunds", { payment: paymentId, amount: 50000 });
  expect(refund.body).toMatchObject({ status: "pending", amount: 50000 });
  await hooksFor(refund.body.id, ["refund.created"]);
  const settled = await merchantPost(`/api/v1/test/refunds/${refund.body.id}/succeed`);
  expect(settled.body).toMatchObject({ status: "succeeded" });
  await hooksFor(refund.body.id, ["refund.created", "refund.succeeded"]);
});

test("a transfer that arrives after the card paid is refunded by itself, as the page promised", async ({ page }) => {
  const email = `twice${Date.now()}@example.com`;
  const s = await newSession({ customer: { email } });
  await page.goto(s.checkoutUrl);
  await startTransfer(page);
  const transferId = (await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).payment.id;
  await expect(page.getByText(/money that arrives afterwards is not lost/)).toBeVisible();
  await page.getByRole("button", { name: "Pay another way" }).click();
  await fillCard(page, "4242424242424242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expectPaidRedirect(page, s.id);

  const late = await merchantPost(`/api/v1/test/payments/${transferId}/succeed`);
  expect(late.body).toMatchObject({ status: "succeeded", requiresRefund: true, refundedAmount: 250000 });
  const refunds = await merchantGet(`/api/v1/refunds?payment=${transferId}`);
  expect(refunds.data).toHaveLength(1);
  expect(refunds.data[0]).toMatchObject({ reason: "duplicate", amount: 250000, status: "pending" });
  await hooksFor(refunds.data[0].id, ["refund.created"]);
  // One receipt, for the card that paid: the late transfer is no second sale. (The transfer's
  // instructions are mailed only if the worker got to them before the buyer switched to card.)
  const mails = await inboxFor(email, 1, "Your receipt");
  expect(mails.filter((m) => m.subject.startsWith("Your receipt"))).toHaveLength(1);
});
