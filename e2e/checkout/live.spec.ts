// Live mode through Paystack, in the browser (SPEC 8): the shop's live account is connected to
// the Paystack emulator (e2e/support/pw-global-setup.ts), which stands in for Paystack's API and
// for its own pages (the card's checkout page, the direct debit mandate page).
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fakeMerchantSite, merchantGet, newSession } from "../support/checkout";
import { startMerchantSite } from "../support/merchant-site";
import { paystackEmulatorAt } from "../support/paystack";

const LIVE = () => process.env.KASSA_E2E_LIVE_KEY!;
const paystack = () => paystackEmulatorAt(process.env.KASSA_E2E_PAYSTACK_URL!);
const EMULATOR = () => process.env.KASSA_E2E_PAYSTACK_URL!;
const thanks = (id: string) => `https://shop.example.com/thanks?session=${id}`;
/** Kassa's payment id as a Paystack reference (Paystack allows `-`, not `_`). */
const reference = (paymentId: string) => paymentId.replace(/^pay_/, "pay-");

type Payment = { id: string; status: string; rail: string; failureCode: string | null; nextAction: Record<string, any> | null };
type Session = { id: string; status: string; payment: Payment | null; payments: Payment[] };

const liveSession = (overrides: Record<string, unknown> = {}) => newSession({ customer: { email: "ada@example.com" }, ...overrides }, LIVE());
const sessionOf = (id: string) => merchantGet(`/api/v1/checkout/sessions/${id}`, LIVE()) as Promise<Session>;

/** The payment the page is waiting on. */
async function waiting(sessionId: string): Promise<Payment> {
  const s = await sessionOf(sessionId);
  const p = s.payments.findLast((x) => x.status === "pending" || x.status === "requires_action");
  if (!p) throw new Error(`no waiting payment on ${sessionId}: ${JSON.stringify(s.payments)}`);
  return p;
}

/** Paystack's own answer for a charge (its API, with the shop's key): what the buyer must be shown. */
async function paystackCharge(ref: string) {
  const res = await fetch(`${EMULATOR()}/charge/${encodeURIComponent(ref)}`, { headers: { authorization: `Bearer ${process.env.KASSA_E2E_PAYSTACK_KEY}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { account_number?: string; account_name?: string; bank?: { name: string }; ussd_code?: string } }).data;
}

async function expectPaid(page: Page, sessionId: string) {
  await page.waitForURL(thanks(sessionId));
  await expect(page.getByRole("heading", { name: "Thanks for your order" })).toBeVisible();
  expect((await sessionOf(sessionId)).status).toBe("paid");
}

/** Back on the checkout after a failure: the notice, the rail picker, and the session open again. */
async function expectFailed(page: Page, sessionId: string, paymentId: string) {
  const notice = page.getByRole("main").getByRole("alert");
  // Reconciliation, then the page's next poll (every 3 s): on a busy machine this takes a while.
  await expect(notice).toContainText("Payment not completed", { timeout: 20_000 });
  await expect(notice).toContainText("Try again, or choose another payment method.");
  await expect(page.getByRole("navigation", { name: "Choose how to pay" })).toBeVisible();
  const s = await sessionOf(sessionId);
  expect(s.status).toBe("open");
  expect(s.payments.find((p) => p.id === paymentId)?.status).toBe("failed");
  return notice;
}

/** The value shown under a label of the account details. */
const detail = (page: Page, label: string) => page.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd").first();

async function chooseRail(page: Page, sessionUrl: string, name: string) {
  await page.goto(sessionUrl);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
}

test.beforeEach(async ({ page }) => fakeMerchantSite(page));

test.afterAll(async () => {
  // Whatever the pages did, Kassa never sent Paystack a request its document refuses.
  expect(await paystack().violations()).toEqual([]);
  // Nor did its log ever hold the shop's Paystack secret key.
  expect(fs.readFileSync(process.env.KASSA_E2E_LOG!, "utf8")).not.toContain(process.env.KASSA_E2E_PAYSTACK_KEY!.slice(8));
});

test.describe("card on Paystack's page", () => {
  async function toPaystack(page: Page) {
    const s = await liveSession();
    await page.goto(s.checkoutUrl);
    await expect(page.getByRole("link", { name: "Card", exact: true })).toHaveAttribute("aria-current", "page");
    // The card number never reaches Kassa: no card fields at all.
    await expect(page.getByLabel("Card number")).toHaveCount(0);
    await expect(page.getByLabel("Security code")).toHaveCount(0);
    await expect(page.getByText("You'll enter your card on Paystack's secure page, then come back here.")).toBeVisible();
    await page.getByRole("button", { name: "Continue to pay ₦2,500.00" }).click();
    await page.waitForURL(new RegExp(`^${EMULATOR()}/pay/`));
    await expect(page.getByRole("heading", { name: "Pay NGN 2,500.00" })).toBeVisible();
    const p = await waiting(s.id);
    await expect(page.locator("#reference")).toHaveText(reference(p.id));
    return { s, p };
  }

  test("paid: Pay on Paystack's page, back through the return, on to the merchant", async ({ page }) => {
    const { s, p } = await toPaystack(page);
    const back = page.waitForRequest((r) => r.url().startsWith(`${process.env.KASSA_E2E_URL}/checkout/${s.id}/return?payment=${p.id}`));
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await back;
    await expectPaid(page, s.id);
    expect((await sessionOf(s.id)).payment).toMatchObject({ id: p.id, status: "succeeded" });
  });

  test("declined: back on the checkout with the failure, the session open again", async ({ page }) => {
    const { s, p } = await toPaystack(page);
    await page.getByRole("button", { name: "Decline" }).click();
    await page.waitForURL(`${process.env.KASSA_E2E_URL}/checkout/${s.id}?rail=card`);
    const notice = await expectFailed(page, s.id, p.id);
    await expect(notice).toContainText("Your bank or wallet reported that the payment failed.");
    // The card is offered again, still on Paystack's page.
    await expect(page.getByRole("button", { name: "Continue to pay ₦2,500.00" })).toBeVisible();
  });

  test("coming back without paying shows the way to Paystack's page again", async ({ page }) => {
    const { s, p } = await toPaystack(page);
    await page.goBack();
    await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Finish paying on Paystack's secure page" })).toBeVisible();
    const link = page.getByRole("link", { name: "Continue to Paystack" });
    await expect(link).toHaveAttribute("href", p.nextAction!.url);
    await expect(page.getByRole("button", { name: "Pay another way" })).toBeVisible();
    await link.click();
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expectPaid(page, s.id);
  });
});

test.describe("bank transfer", () => {
  async function start(page: Page) {
    const s = await liveSession();
    await chooseRail(page, s.checkoutUrl, "Bank transfer");
    await page.getByRole("button", { name: "Get account details" }).click();
    await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Transfer ₦2,500.00 to this account" })).toBeVisible();
    const p = await waiting(s.id);
    // What Paystack issued for this charge, word for word.
    const issued = (await paystack().transaction(reference(p.id)))!;
    const charge = await paystackCharge(reference(p.id));
    expect(charge.account_number).toBe(issued.accountNumber);
    await expect(detail(page, "Account number")).toHaveText(issued.accountNumber!);
    await expect(detail(page, "Bank")).toHaveText(charge.bank!.name);
    await expect(detail(page, "Account name")).toHaveText(charge.account_name!);
    await expect(detail(page, "Amount")).toHaveText("₦2,500.00");
    // Live: nothing to simulate.
    await expect(page.getByRole("button", { name: /^Simulate/ })).toHaveCount(0);
    return { s, p };
  }

  test("paid: Paystack's webhook, and the page moves on by itself", async ({ page }) => {
    const { s, p } = await start(page);
    await paystack().settle(reference(p.id), { outcome: "success" });
    await expectPaid(page, s.id);
  });

  test("failed (no webhook: reconciliation finds it): the page shows the failure", async ({ page }) => {
    const { s, p } = await start(page);
    await paystack().settle(reference(p.id), { outcome: "failed", webhook: false });
    // The page polls, sees the failure and reloads as the form again, with the notice.
    await expectFailed(page, s.id, p.id);
  });
});

test.describe("USSD", () => {
  async function start(page: Page) {
    const s = await liveSession();
    await chooseRail(page, s.checkoutUrl, "USSD");
    // Only the banks Paystack can charge by USSD.
    await expect(page.getByLabel("Your bank").locator("option")).toHaveText([
      "Choose your bank",
      "Guaranty Trust Bank",
      "Sterling Bank",
      "United Bank for Africa",
      "Zenith Bank",
    ]);
    await page.getByLabel("Your bank").selectOption({ label: "United Bank for Africa" });
    await page.getByRole("button", { name: "Get my USSD code" }).click();
    await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Dial this code from the phone registered with United Bank for Africa" })).toBeVisible();
    const p = await waiting(s.id);
    const code = (await paystack().transaction(reference(p.id)))!.ussdCode!;
    expect(code).toMatch(/^\*919\*/);
    const dial = page.getByRole("link", { name: code, exact: true });
    await expect(dial).toBeVisible();
    await expect(dial).toHaveAttribute("href", `tel:${code.replaceAll("#", "%23")}`);
    return { s, p };
  }

  test("paid", async ({ page }) => {
    const { s, p } = await start(page);
    await paystack().settle(reference(p.id), { outcome: "success" });
    await expectPaid(page, s.id);
  });

  test("failed (no webhook)", async ({ page }) => {
    const { s, p } = await start(page);
    await paystack().settle(reference(p.id), { outcome: "failed", webhook: false });
    await expectFailed(page, s.id, p.id);
  });
});

test.describe("virtual account", () => {
  async function start(page: Page) {
    // A new customer: Paystack makes them a dedicated account.
    const email = `va-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
    const s = await liveSession({ customer: { email } });
    await chooseRail(page, s.checkoutUrl, "Virtual account");
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await page.getByRole("button", { name: "Get my account details" }).click();
    await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
    await expect(page.getByText(/The account stays yours/)).toBeVisible();
    const p = await waiting(s.id);
    const account = p.nextAction!.accountNumber as string;
    await expect(detail(page, "Account number")).toHaveText(account);
    await expect(detail(page, "Account name")).toHaveText(p.nextAction!.accountName);
    await expect(detail(page, "Bank")).toHaveText(p.nextAction!.bankName);
    return { s, p, account };
  }

  test("paid: a transfer of the amount into the account", async ({ page }) => {
    const { s, account } = await start(page);
    await paystack().payDedicatedAccount(account, { amount: 250000 });
    await expectPaid(page, s.id);
  });

  test("the wrong amount does not pay: a mismatch, shown as a failure, the session open", async ({ page }) => {
    const { s, p, account } = await start(page);
    await paystack().payDedicatedAccount(account, { amount: 100 });
    await expectFailed(page, s.id, p.id);
    expect((await sessionOf(s.id)).payments.find((x) => x.id === p.id)?.failureCode).toBe("amount_mismatch");
  });
});

test.describe("direct debit", () => {
  async function toMandate(page: Page) {
    const s = await liveSession();
    await chooseRail(page, s.checkoutUrl, "Direct debit");
    await page.getByLabel("Your bank").selectOption({ label: "Guaranty Trust Bank" });
    await page.getByLabel("Account number").fill("0123456785");
    await page.getByLabel(/I authorise Acme Lagos/).check();
    await page.getByRole("button", { name: "Authorise debit of ₦2,500.00" }).click();
    await page.waitForURL(new RegExp(`^${EMULATOR()}/mandate/`));
    await expect(page.getByRole("heading", { name: "Authorize direct debit" })).toBeVisible();
    // The emulator names only its own few banks (GTBank is "Bank 058" there): the email is Kassa's to check.
    await expect(page.locator("#email")).toHaveText("ada@example.com");
    return { s, p: await waiting(s.id) };
  }

  test("paid: the mandate authorized on Paystack's page, then the debit", async ({ page }) => {
    const { s, p } = await toMandate(page);
    await page.getByRole("button", { name: "Authorize" }).click();
    await page.waitForURL(`${process.env.KASSA_E2E_URL}/checkout/${s.id}`);
    await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Direct debit authorised" })).toBeVisible();
    await expect(page.getByText("Guaranty Trust Bank will debit ₦2,500.00 from account ******6785.")).toBeVisible();
    expect(await waiting(s.id)).toMatchObject({ id: p.id, status: "pending", nextAction: { type: "await_debit" } });
    await paystack().settle(reference(p.id), { outcome: "success" });
    await expectPaid(page, s.id);
  });

  test("declined on the mandate page: nothing is charged, the payment waits, and the buyer can pay another way", async ({ page }) => {
    const { s, p } = await toMandate(page);
    await page.getByRole("button", { name: "Decline" }).click();
    await page.waitForURL(`${process.env.KASSA_E2E_URL}/checkout/${s.id}`);
    // Paystack tells a declined mandate from one not answered yet only by its absence: the
    // payment keeps waiting (until its deadline) and the page offers the way back and out.
    await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Authorise the direct debit on Paystack's secure page" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Continue to Paystack" })).toHaveAttribute("href", p.nextAction!.url);
    expect(await waiting(s.id)).toMatchObject({ id: p.id, status: "requires_action" });
    expect((await paystack().requests({ path: "/transaction/charge_authorization" })).filter((r) => (r.body as { reference?: string }).reference === reference(p.id))).toEqual([]);
    await page.getByRole("button", { name: "Pay another way" }).click();
    await expect(page.getByRole("navigation", { name: "Choose how to pay" })).toBeVisible();
    const after = await sessionOf(s.id);
    expect(after.status).toBe("open");
    expect(after.payments.find((x) => x.id === p.id)?.status).toBe("canceled");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("card: Paystack's page and back, paid", async ({ page }) => {
    const s = await liveSession();
    await page.goto(s.checkoutUrl);
    await expect(page.getByLabel("Card number")).toHaveCount(0);
    const [post] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url() === `${process.env.KASSA_E2E_URL}/checkout/${s.id}/pay`),
      page.getByRole("button", { name: "Continue to pay ₦2,500.00" }).click(),
    ]);
    expect(post.status()).toBe(303);
    expect(post.headers().location).toMatch(new RegExp(`^${EMULATOR()}/pay/`));
    await page.waitForURL(new RegExp(`^${EMULATOR()}/pay/`));
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expectPaid(page, s.id);
  });

  test("transfer: the account, then the page refreshes itself to paid", async ({ page }) => {
    const s = await liveSession();
    await page.goto(`${s.checkoutUrl}?rail=transfer`);
    await page.getByRole("button", { name: "Get account details" }).click();
    await expect(page.getByRole("heading", { name: "Transfer ₦2,500.00 to this account" })).toBeVisible();
    const p = await waiting(s.id);
    await expect(detail(page, "Account number")).toHaveText((await paystack().transaction(reference(p.id)))!.accountNumber!);
    await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", "5");
    await paystack().settle(reference(p.id), { outcome: "success" });
    await page.waitForURL(thanks(s.id), { timeout: 15_000 });
    await expectPaid(page, s.id);
  });
});

test.describe("embedded", () => {
  let site: Awaited<ReturnType<typeof startMerchantSite>>;
  test.beforeAll(async () => {
    site = await startMerchantSite(process.env.KASSA_E2E_URL!);
  });
  test.afterAll(async () => site.close());

  test("the card form leaves the frame for Paystack's page, and the buyer comes back to the merchant's success URL", async ({ page }) => {
    const s = await liveSession({ mode: "embedded", allowedOrigins: [site.origin], successUrl: `${site.origin}/thanks?session={CHECKOUT_SESSION_ID}` });
    await page.goto(`${site.origin}/?session=${s.id}`);
    const frame = page.frameLocator("#checkout iframe");
    await expect(frame.getByRole("heading", { name: "Acme Lagos" })).toBeVisible();
    await expect(frame.locator("form#pay-card")).toHaveAttribute("target", "_top");
    await frame.getByRole("button", { name: "Continue to pay ₦2,500.00" }).click();
    // At the top level: Paystack's page refuses to be framed.
    await page.waitForURL(new RegExp(`^${EMULATOR()}/pay/`));
    expect(page.frames()).toHaveLength(1);
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page.waitForURL(`${site.origin}/thanks?session=${s.id}`);
    await expect(page.getByRole("heading", { name: "Merchant thank-you page" })).toBeVisible();
    expect((await sessionOf(s.id)).status).toBe("paid");
  });
});

test("the live pages have no axe violations (WCAG 2.2 AA)", async ({ page }) => {
  test.setTimeout(60_000);
  const expectNoViolations = async () => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  };
  const s = await liveSession({ customer: undefined });
  // Without the session's email, every Paystack rail asks for one.
  for (const rail of ["card", "transfer", "virtual_account", "ussd", "direct_debit"]) {
    await page.goto(`${s.checkoutUrl}?rail=${rail}`);
    await expect(page.getByLabel("Email")).toBeVisible();
    await expectNoViolations();
  }
  await page.goto(`${s.checkoutUrl}?rail=card`);
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByRole("button", { name: "Continue to pay ₦2,500.00" }).click();
  await page.waitForURL(new RegExp(`^${EMULATOR()}/pay/`));
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Payment not completed");
  await expectNoViolations();
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByRole("button", { name: "Continue to pay ₦2,500.00" }).click();
  await page.waitForURL(new RegExp(`^${EMULATOR()}/pay/`));
  await page.goBack();
  await expect(page.getByRole("link", { name: "Continue to Paystack" })).toBeVisible();
  await expectNoViolations();
});

// The pages at a phone's width, for a person to look at (not a check): run with
// KASSA_E2E_SHOTS=<folder> and one worker, since the last one sets a fault every charge would meet.
test.describe("screenshots", () => {
  const dir = process.env.KASSA_E2E_SHOTS;
  test.skip(!dir, "KASSA_E2E_SHOTS is not set");
  test.describe.configure({ mode: "serial" });
  test.use({ viewport: { width: 360, height: 780 } });
  const shot = async (page: Page, name: string) => {
    fs.mkdirSync(dir!, { recursive: true });
    await page.screenshot({ path: path.join(dir!, `${name}.png`), fullPage: true });
  };

  test("card form and its pending view", async ({ page }) => {
    const s = await liveSession();
    await page.goto(s.checkoutUrl);
    await shot(page, "01-card-form");
    await page.getByRole("button", { name: "Continue to pay ₦2,500.00" }).click();
    await page.waitForURL(new RegExp(`^${EMULATOR()}/pay/`));
    await page.goBack();
    await expect(page.getByRole("link", { name: "Continue to Paystack" })).toBeVisible();
    await shot(page, "02-card-pending");
  });

  test("transfer pending view", async ({ page }) => {
    const s = await liveSession();
    await page.goto(`${s.checkoutUrl}?rail=transfer`);
    await page.getByRole("button", { name: "Get account details" }).click();
    await expect(page.getByRole("heading", { name: "Transfer ₦2,500.00 to this account" })).toBeVisible();
    await shot(page, "03-transfer-pending");
  });

  test("USSD form and pending view", async ({ page }) => {
    const s = await liveSession();
    await page.goto(`${s.checkoutUrl}?rail=ussd`);
    await shot(page, "04-ussd-form");
    await page.getByLabel("Your bank").selectOption({ label: "Guaranty Trust Bank" });
    await page.getByRole("button", { name: "Get my USSD code" }).click();
    await expect(page.getByRole("heading", { name: /^Dial this code/ })).toBeVisible();
    await shot(page, "05-ussd-pending");
  });

  test("virtual account pending view", async ({ page }) => {
    const s = await liveSession({ customer: { email: `shots-${Date.now()}@example.com` } });
    await page.goto(`${s.checkoutUrl}?rail=virtual_account`);
    await page.getByRole("button", { name: "Get my account details" }).click();
    await expect(page.getByText(/The account stays yours/)).toBeVisible();
    await shot(page, "06-va-pending");
  });

  test("direct debit form, and the wait for the debit", async ({ page }) => {
    const s = await liveSession();
    await page.goto(`${s.checkoutUrl}?rail=direct_debit`);
    await shot(page, "07-dd-form");
    await page.getByLabel("Your bank").selectOption({ label: "Guaranty Trust Bank" });
    await page.getByLabel("Account number").fill("0123456785");
    await page.getByLabel(/I authorise Acme Lagos/).check();
    await page.getByRole("button", { name: "Authorise debit of ₦2,500.00" }).click();
    await page.getByRole("button", { name: "Authorize" }).click();
    await expect(page.getByRole("heading", { name: "Direct debit authorised" })).toBeVisible();
    await shot(page, "08-dd-await-debit");
  });

  test("a card declined on Paystack's page", async ({ page }) => {
    const s = await liveSession();
    await page.goto(s.checkoutUrl);
    await page.getByRole("button", { name: "Continue to pay ₦2,500.00" }).click();
    await page.getByRole("button", { name: "Decline" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
    await shot(page, "10-card-declined");
  });

  test("a mandate declined on Paystack's page", async ({ page }) => {
    const s = await liveSession();
    await page.goto(`${s.checkoutUrl}?rail=direct_debit`);
    await page.getByLabel("Your bank").selectOption({ label: "Guaranty Trust Bank" });
    await page.getByLabel("Account number").fill("0123456785");
    await page.getByLabel(/I authorise Acme Lagos/).check();
    await page.getByRole("button", { name: "Authorise debit of ₦2,500.00" }).click();
    await page.getByRole("button", { name: "Decline" }).click();
    await expect(page.getByRole("link", { name: "Continue to Paystack" })).toBeVisible();
    await shot(page, "11-dd-declined");
  });

  test("a start Paystack did not answer", async ({ page }) => {
    const s = await liveSession();
    await page.goto(`${s.checkoutUrl}?rail=transfer`);
    await paystack().addFault({ path: "^/charge$", method: "POST", mode: "500", times: 1 });
    try {
      await page.getByRole("button", { name: "Get account details" }).click();
      await expect(page.getByText("The payment provider has not answered yet.")).toBeVisible();
      await shot(page, "09-unanswered");
    } finally {
      await paystack().clearFaults();
    }
  });
});
