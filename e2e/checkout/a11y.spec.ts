// Zero axe violations (WCAG 2.2 AA) in every state of the page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fakeMerchantSite, fillCard, merchantPost, newSession, waitingPaymentId, CARD_DECLINED } from "../support/checkout";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.beforeEach(async ({ page }) => fakeMerchantSite(page));

const OPEN: [string, Record<string, unknown>, string[]][] = [
  ["NGN", { lineItems: [{ name: "Tote", unitAmount: 250000, quantity: 1 }], amount: undefined }, ["card", "transfer", "virtual_account", "ussd", "direct_debit"]],
  ["BRL", { currency: "BRL", amount: 10000, installments: { maxCount: 3 } }, ["card", "pix", "boleto"]],
  ["XOF", { currency: "XOF", amount: 5000, locale: "fr" }, ["mobile_money"]],
];
for (const [name, session, rails] of OPEN) {
  test(`open: the ${name} rails' forms`, async ({ page }) => {
    test.setTimeout(60_000);
    const s = await newSession(session);
    for (const rail of rails) {
      await page.goto(`${s.checkoutUrl}?rail=${rail}`);
      await expectNoViolations(page);
    }
  });
}

test("open: with errors and a declined attempt", async ({ page }) => {
  const s = await newSession();
  await page.goto(`${s.checkoutUrl}?rail=card&errors=number:card_number_invalid,exp:card_expired,cvc:card_cvc_invalid`);
  await expectNoViolations(page);
  await fillCard(page, CARD_DECLINED);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await page.getByText("Test values", { exact: true }).click();
  await expectNoViolations(page);
});

const PENDING: [Record<string, unknown>, string, (p: Page) => Promise<void>][] = [
  [{}, "transfer", async () => {}],
  [{}, "ussd", async (p) => void (await p.getByLabel("Your bank").selectOption("gtbank"))],
  [{}, "direct_debit", async (p) => {
    await p.getByLabel("Your bank").selectOption("gtbank");
    await p.getByLabel("Account number").fill("0123456785");
    await p.getByRole("checkbox").check();
  }],
  [{ currency: "BRL", amount: 12990 }, "pix", async () => {}],
  [{ currency: "BRL", amount: 12990, customer: { name: "Maria Silva", document: { type: "cpf", number: "52998224725" } } }, "boleto", async () => {}],
  [{ currency: "XOF", amount: 5000 }, "mobile_money", async (p) => {
    await p.getByLabel("Mobile money operator").selectOption("wave");
    await p.getByLabel("Mobile number").fill("+221771234567");
  }],
];
for (const [session, rail, fill] of PENDING) {
  test(`pending: ${rail} instructions`, async ({ page }) => {
    const s = await newSession(session);
    await page.goto(`${s.checkoutUrl}?rail=${rail}`);
    await fill(page);
    await page.locator(`#pay-${rail}`).getByRole("button").click();
    await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
    await expectNoViolations(page);
  });
}

test.describe("two columns at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("open with errors, and a pending transfer", async ({ page }) => {
    const s = await newSession({ lineItems: [{ name: "Tote", unitAmount: 250000, quantity: 1, description: "Indigo, hand-dyed" }], amount: undefined });
    await page.goto(`${s.checkoutUrl}?rail=card&errors=number:card_number_invalid`);
    await expect(page.locator("[data-layout=columns]")).toBeVisible();
    await expectNoViolations(page);
    await page.goto(`${s.checkoutUrl}?rail=transfer`);
    await page.getByRole("button", { name: "Get account details" }).click();
    await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
    await expectNoViolations(page);
  });
});

test("3-D Secure challenge", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await fillCard(page, "4000002760003184");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("heading", { name: "3-D Secure verification" })).toBeVisible();
  await expectNoViolations(page);
  // Coming back to the page while the challenge waits.
  await page.goto(s.checkoutUrl);
  await expect(page.getByRole("link", { name: "Continue to verification" })).toBeVisible();
  await expectNoViolations(page);
});

test("paid, on its way to the merchant", async ({ page }) => {
  const s = await newSession();
  await page.goto(`${s.checkoutUrl}?rail=transfer`);
  await page.getByRole("button", { name: "Get account details" }).click();
  await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
  await page.goto("about:blank");
  await merchantPost(`/api/v1/test/payments/${await waitingPaymentId(s.id)}/succeed`);
  // A 204 cancels the way out (no navigation commits), so the paid view stays to be checked.
  await page.route("https://shop.example.com/**", (route) => route.fulfill({ status: 204 }));
  await page.goto(s.checkoutUrl);
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Continue to Acme Lagos" })).toHaveAttribute("href", `https://shop.example.com/thanks?session=${s.id}`);
  await expectNoViolations(page);
});

test("expired, canceled and failed", async ({ page }) => {
  const expiring = await newSession({ expiresIn: 300 });
  const canceled = await newSession();
  const failed = await newSession();
  await merchantPost(`/api/v1/checkout/sessions/${canceled.id}/cancel`);
  for (let i = 0; i < 5; i++) {
    await fetch(`${process.env.KASSA_E2E_URL}/api/v1/checkout/${failed.id}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rail: "card", card: { number: CARD_DECLINED, expMonth: 12, expYear: 2040, cvc: "123" } }),
    });
  }
  await page.goto(failed.checkoutUrl);
  await expect(page.getByRole("heading", { name: "This payment could not be completed" })).toBeVisible();
  await expectNoViolations(page);
  await page.goto(canceled.checkoutUrl);
  await expect(page.getByRole("heading", { name: "This checkout was canceled" })).toBeVisible();
  await expectNoViolations(page);
  // Five minutes and a second later on the server's clock; every other session has 30.
  await merchantPost("/api/v1/test/clock", { advanceSeconds: 301 });
  await page.goto(expiring.checkoutUrl);
  await expect(page.getByRole("heading", { name: "This checkout has expired" })).toBeVisible();
  await expectNoViolations(page);
});
