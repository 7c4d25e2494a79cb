// Time and long waits on the buyer's page: the countdown's warning and its end, the expiry
// sentence, what happens next on a payment that takes days, Pix on a phone, the virtual account.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fakeMerchantSite, fillCard, merchantGet, merchantPost, newSession } from "../support/checkout";

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 800 };
const SHOTS = "/work/notes/shots/waiting";

test.beforeEach(async ({ page }) => fakeMerchantSite(page));

/** Zero axe violations (WCAG 2.2 AA), as e2e/checkout/a11y.spec.ts asks of every state. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Moves the server's clock (every session's), so these tests run one after another. */
const advance = (seconds: number) => merchantPost("/api/v1/test/clock", { advanceSeconds: seconds });

const warning = (page: Page) => page.getByRole("status").filter({ hasText: "Less than 2 minutes left" });

test.describe.serial("the countdown", () => {
  test("warns in the last two minutes and turns into the expired view at zero", async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(PHONE);
    const s = await newSession({ expiresIn: 300 });
    await advance(175); // 2:05 left
    await page.goto(s.checkoutUrl);
    await expect(page.getByRole("button", { name: "Pay ₦2,500.00" })).toBeVisible();
    await expect(warning(page)).toHaveCount(0);
    // The script writes the warning once the countdown passes 2:00.
    await expect(warning(page)).toBeVisible({ timeout: 15_000 });
    await expect(page.locator("time[data-countdown]")).toHaveText(/^[12]:\d\d$/);
    await page.screenshot({ path: `${SHOTS}/countdown-warning-360.png`, fullPage: true });
    await expectNoViolations(page);
    await advance(115); // a few seconds left
    await page.reload();
    await expect(warning(page)).toBeVisible();
    // At zero the page reloads by itself: the server's expired view, no form, no Pay button.
    await expect(page.getByRole("heading", { name: "This checkout has expired" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
    await expect(page.getByText(/expires on/)).toHaveCount(0);
    expect((await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).status).toBe("expired");
    await page.screenshot({ path: `${SHOTS}/expired-360.png`, fullPage: true });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("shows the warning as rendered, and the server refuses the payment once expired", async ({ page }) => {
      await page.setViewportSize(DESKTOP);
      const s = await newSession({ expiresIn: 300 });
      await advance(185); // 1:55 left
      await page.goto(s.checkoutUrl);
      await expect(warning(page)).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/countdown-warning-nojs-1280.png` });
      await fillCard(page, "4242424242424242");
      await advance(120);
      const [post] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(s.id)),
        page.getByRole("button", { name: "Pay ₦2,500.00" }).click(),
      ]);
      expect(post.status()).toBe(303);
      await expect(page.getByRole("heading", { name: "This checkout has expired" })).toBeVisible();
      await expect(page.getByText("The time to pay ran out. Ask Acme Lagos for a new payment link.")).toBeVisible();
      await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
      const session = await merchantGet(`/api/v1/checkout/sessions/${s.id}`);
      expect(session.status).toBe("expired");
      expect(session.payments).toEqual([]);
    });
  });
});

test.describe("the expiry sentence", () => {
  const SENTENCES: [string, RegExp][] = [
    ["en", /^This checkout expires on \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) at \d\d:\d\d GMT\+1\.$/],
    ["fr", /^Ce paiement expire le \d{1,2} \p{L}+\.? à \d\d:\d\d UTC\+1\.$/u],
    ["pt", /^Este pagamento expira em \d{1,2} de \p{L}+\.? à?s? \d\d:\d\d GMT\+1\.$/u],
    ["es", /^Este pago vence el \d{1,2} \p{L}+\.? a las? \d\d:\d\d GMT\+1\.$/u],
  ];
  for (const [locale, sentence] of SENTENCES) {
    test(`is written as a person would in ${locale}`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      const s = await newSession({ locale });
      await page.goto(s.checkoutUrl);
      await expect(page.getByText(sentence)).toHaveCount(1);
    });
  }

  test("is not said on a waiting boleto, whose own due date the page gives", async ({ page }) => {
    await page.setViewportSize(PHONE);
    const s = await startBoleto(page, {});
    await expect(page.getByText(/expires/)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /^Pay this boleto by \w+ \d{1,2}, \d{4}$/ })).toBeVisible();
  });
});

async function startBoleto(page: Page, session: Record<string, unknown>) {
  const s = await newSession({ currency: "BRL", amount: 12990, ...session });
  await page.goto(`${s.checkoutUrl}?rail=boleto`);
  await page.getByLabel("Full name").fill("Maria Silva");
  await page.getByLabel("CPF or CNPJ").fill("529.982.247-25");
  await page.getByRole("button", { name: "Generate boleto" }).click();
  await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
  return s;
}

async function startDirectDebit(page: Page) {
  const s = await newSession();
  await page.goto(`${s.checkoutUrl}?rail=direct_debit`);
  await page.getByLabel("Your bank").selectOption({ label: "Guaranty Trust Bank" });
  await page.getByLabel("Account number").fill("0123456785");
  await page.getByLabel(/I authorise Acme Lagos/).check();
  await page.getByRole("button", { name: "Authorise debit of ₦2,500.00" }).click();
  await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
  return s;
}

/** The way back to the store: the successUrl with the session id, whose session the merchant reads as pending. */
async function expectWayBack(page: Page, sessionId: string) {
  const back = page.getByRole("link", { name: "Return to Acme Lagos" });
  await expect(back).toHaveAttribute("href", `https://shop.example.com/thanks?session=${sessionId}`);
  await expect(page.getByText("You can go back to Acme Lagos now: your order is kept while the payment is on its way.")).toBeVisible();
  await back.click();
  await expect(page.getByRole("heading", { name: "Thanks for your order" })).toBeVisible();
  expect((await merchantGet(`/api/v1/checkout/sessions/${sessionId}`)).status).toBe("pending");
}

for (const viewport of [PHONE, DESKTOP]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("a waiting boleto says what happens next, that it was emailed, and leads back to the store", async ({ page }) => {
      const email = `maria${Date.now()}@example.com`;
      const s = await startBoleto(page, { customer: { email } });
      const next = page.getByRole("region", { name: "What happens next" });
      await expect(next).toContainText(/Pay it by \w+ \d{1,2}, \d{4}\. Once paid, the bank takes 1 to 3 business days to confirm it, then Acme Lagos confirms your order\./);
      await expect(next).toContainText(`We've emailed these instructions to ${email}.`);
      await page.screenshot({ path: `${SHOTS}/boleto-next-${viewport.width}.png`, fullPage: true });
      await expectNoViolations(page);
      await expectWayBack(page, s.id);
    });

    test("a waiting direct debit says the bank debits within 2 days, and leads back to the store", async ({ page }) => {
      const s = await startDirectDebit(page);
      const next = page.getByRole("region", { name: "What happens next" });
      await expect(next).toContainText("Your bank debits ₦2,500.00 within 2 days, then Acme Lagos confirms your order.");
      // No email on this session: nothing was mailed, and the page does not say so.
      await expect(next).not.toContainText("emailed");
      await page.screenshot({ path: `${SHOTS}/direct-debit-next-${viewport.width}.png`, fullPage: true });
      await expectNoViolations(page);
      await expectWayBack(page, s.id);
    });
  });
}

async function startPix(page: Page) {
  const s = await newSession({ currency: "BRL", amount: 12990 });
  await page.goto(`${s.checkoutUrl}?rail=pix`);
  await page.getByRole("button", { name: "Generate Pix code" }).click();
  await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
}

const top = async (page: Page, locator: ReturnType<Page["locator"]>) => (await locator.boundingBox())!.y;

test.describe("Pix", () => {
  const qr = (page: Page) => page.getByRole("img", { name: "Pix QR code for R$129.90" });
  const code = (page: Page) => page.getByLabel("Pix copy-and-paste code");

  test("on a phone leads with the copy-paste code and a large Copy Pix code button, the QR code below", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize(PHONE);
    await startPix(page);
    const copy = page.getByRole("button", { name: "Copy Pix code" });
    await expect(copy).toBeVisible();
    expect(await top(page, code(page))).toBeLessThan(await top(page, qr(page)));
    expect(await top(page, copy)).toBeLessThan(await top(page, qr(page)));
    // Large: the column's width, a thumb's height.
    const box = (await copy.boundingBox())!;
    expect(box.width).toBeGreaterThan(280);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${SHOTS}/pix-360.png`, fullPage: true });
    await expectNoViolations(page);
    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code(page).inputValue());
  });

  test("on a desktop leads with the QR code", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await startPix(page);
    expect(await top(page, qr(page))).toBeLessThan(await top(page, code(page)));
    await page.screenshot({ path: `${SHOTS}/pix-1280.png`, fullPage: true });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the order is the stylesheet's: the code first on a phone", async ({ page }) => {
      await page.setViewportSize(PHONE);
      await startPix(page);
      expect(await top(page, code(page))).toBeLessThan(await top(page, qr(page)));
    });
  });
});

test("a virtual account says one thing: this transfer's deadline, and the account kept for the buyer's next payments", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const email = `ada${Date.now()}@example.com`;
  const accountOf = async () => {
    const s = await newSession();
    await page.goto(`${s.checkoutUrl}?rail=virtual_account`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Get my account details" }).click();
    await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
    return (await page.locator("dd.font-mono").first().textContent())!.trim();
  };
  const first = await accountOf();
  await expect(
    page.getByText(/^Transfer the exact amount, in one transfer, before \d{1,2} \w{3,4} at \d\d:\d\d GMT\+1\. The account stays yours: you will see it again the next time you pay Acme Lagos this way\.$/),
  ).toBeVisible();
  await expect(page.getByText(/Valid until|This account is yours/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/virtual-account-360.png`, fullPage: true });
  await expectNoViolations(page);
  // True: the next checkout with the same email gives the same account.
  expect(await accountOf()).toBe(first);
});
