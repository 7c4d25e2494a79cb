// Every asynchronous rail, paid and failed, with JavaScript (live status and copy buttons).
import { expect, test, type Page } from "@playwright/test";
import { expectPaidRedirect, fakeMerchantSite, merchantGet, merchantPost, newSession, waitingPaymentId } from "../support/checkout";
import { isValidNuban } from "@/lib/rails/nuban";

test.beforeEach(async ({ page }) => fakeMerchantSite(page));

type Rail = {
  name: string;
  session: Record<string, unknown>;
  link: string;
  fill: (page: Page) => Promise<void>;
  submit: string | RegExp;
  shows: (page: Page) => Promise<void>;
};

const RAILS: Rail[] = [
  {
    name: "bank transfer",
    session: {},
    link: "Bank transfer",
    fill: async () => {},
    submit: "Get account details",
    shows: async (page) => {
      await expect(page.getByRole("heading", { name: "Transfer ₦2,500.00 to this account" })).toBeVisible();
      const nuban = await page.locator("dd.font-mono").first().textContent();
      expect(isValidNuban("035", nuban!)).toBe(true);
      await expect(page.getByRole("button", { name: "Copy account number" })).toBeVisible();
    },
  },
  {
    name: "virtual account",
    session: {},
    link: "Virtual account",
    fill: async (page) => page.getByLabel("Email").fill(`ada${Date.now()}@example.com`),
    submit: "Get my account details",
    shows: async (page) => {
      await expect(page.getByText(/^Transfer the exact amount, in one transfer, before \d+ \w+ at \d\d:\d\d .*The account stays yours/)).toBeVisible();
    },
  },
  {
    name: "USSD",
    session: {},
    link: "USSD",
    fill: async (page) => {
      await page.getByLabel("Your bank").selectOption({ label: "Guaranty Trust Bank" });
    },
    submit: "Get my USSD code",
    shows: async (page) => {
      const dial = page.getByRole("link", { name: /^\*737\*33\*2500\*\d{8}#$/ });
      await expect(dial).toHaveAttribute("href", /^tel:\*737\*33\*2500\*\d{8}%23$/);
    },
  },
  {
    name: "direct debit",
    session: {},
    link: "Direct debit",
    fill: async (page) => {
      await page.getByLabel("Your bank").selectOption({ label: "Guaranty Trust Bank" });
      await page.getByLabel("Account number").fill("0123456785");
      await page.getByLabel(/I authorise Acme Lagos/).check();
    },
    submit: "Authorise debit of ₦2,500.00",
    shows: async (page) => {
      await expect(page.getByText("from account ******6785")).toBeVisible();
    },
  },
  {
    name: "Pix",
    session: { currency: "BRL", amount: 12990 },
    link: "Pix",
    fill: async () => {},
    submit: "Generate Pix code",
    shows: async (page) => {
      await expect(page.getByRole("img", { name: "Pix QR code for R$129.90" })).toBeVisible();
      await expect(page.getByLabel("Pix copy-and-paste code")).toHaveValue(/^000201.*6304[0-9A-F]{4}$/);
    },
  },
  {
    name: "boleto",
    session: { currency: "BRL", amount: 12990 },
    link: "Boleto",
    fill: async (page) => {
      await page.getByLabel("Full name").fill("Maria Silva");
      await page.getByLabel("CPF or CNPJ").fill("529.982.247-25");
    },
    submit: "Generate boleto",
    shows: async (page) => {
      await expect(page.getByRole("img", { name: "Boleto barcode" })).toBeVisible();
      await expect(page.getByText(/^\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}$/)).toBeVisible();
    },
  },
  {
    name: "mobile money",
    session: { currency: "XOF", amount: 5000 },
    link: "Mobile money",
    fill: async (page) => {
      await page.getByLabel("Mobile money operator").selectOption({ label: "Orange Money" });
      await page.getByLabel("Mobile number").fill("+225 07 07 12 34 56");
    },
    submit: "Send approval request",
    shows: async (page) => {
      await expect(page.getByRole("heading", { name: "Approve the payment on your phone" })).toBeVisible();
      await expect(page.getByText("+225 07 07 12 3456 (Orange Money)")).toBeVisible();
    },
  },
];

async function startRail(page: Page, rail: Rail) {
  const s = await newSession(rail.session);
  await page.goto(s.checkoutUrl);
  await page.getByRole("link", { name: rail.link, exact: true }).click();
  await expect(page.getByRole("link", { name: rail.link, exact: true })).toHaveAttribute("aria-current", "page");
  await rail.fill(page);
  await page.getByRole("button", { name: rail.submit }).click();
  await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
  await rail.shows(page);
  return s;
}

for (const rail of RAILS) {
  test(`${rail.name}: settles when the bank confirms, and the page follows by itself`, async ({ page }) => {
    const s = await startRail(page, rail);
    // The sandbox's confirmation arrives through the API; the page polls and moves on.
    const ok = await merchantPost(`/api/v1/test/payments/${await waitingPaymentId(s.id)}/succeed`);
    expect(ok.status).toBe(200);
    await expectPaidRedirect(page, s.id);
  });

  test(`${rail.name}: a simulated failure reopens the checkout`, async ({ page }) => {
    const s = await startRail(page, rail);
    await page.getByRole("button", { name: "Simulate failure" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("reported that the payment failed");
    const session = await merchantGet(`/api/v1/checkout/sessions/${s.id}`);
    expect(session.status).toBe("open");
    expect(session.payment.status).toBe("failed");
  });
}

test("the Simulate payment received button pays a pending transfer", async ({ page }) => {
  const s = await startRail(page, RAILS[0]!);
  await page.getByRole("button", { name: "Simulate payment received" }).click();
  await expectPaidRedirect(page, s.id);
});

test("paying another way cancels the waiting payment", async ({ page }) => {
  const s = await startRail(page, RAILS[0]!);
  await page.getByRole("button", { name: "Pay another way" }).click();
  await expect(page.getByRole("navigation", { name: "Choose how to pay" })).toBeVisible();
  const session = await merchantGet(`/api/v1/checkout/sessions/${s.id}`);
  expect(session.status).toBe("open");
  expect(session.payment.status).toBe("canceled");
});

test("a live session shows no sandbox controls and offers only the rails its Paystack account serves", async ({ page }) => {
  const s = await newSession({ customer: { email: "ada@example.com" } }, process.env.KASSA_E2E_LIVE_KEY!);
  await page.goto(s.checkoutUrl);
  await expect(page.getByRole("complementary", { name: "Test mode" })).toHaveCount(0);
  const picker = page.getByRole("navigation", { name: "Choose how to pay" });
  await expect(picker.getByRole("link")).toHaveText(["Card", "Bank transfer", "Virtual account", "USSD", "Direct debit"]);
  await expect(page.getByText("Test values")).toHaveCount(0);
  // Waiting for a transfer: Paystack's account, and nothing to simulate.
  await page.getByRole("link", { name: "Bank transfer", exact: true }).click();
  await page.getByRole("button", { name: "Get account details" }).click();
  await expect(page.getByRole("heading", { name: "Waiting for your payment" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Transfer ₦2,500.00 to this account" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Sandbox controls" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Simulate/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Pay another way" })).toBeVisible();
});

test("the merchant API refuses a live session nothing can pay (BRL: no live account serves it)", async () => {
  const res = await merchantPost("/api/v1/checkout/sessions", { amount: 12990, currency: "BRL", successUrl: "https://shop.example.com/thanks" }, process.env.KASSA_E2E_LIVE_KEY!);
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe("live_mode_unavailable");
});

test.describe("a total with kobo (₦26,500.50)", () => {
  test("is not offered USSD, which can only ask for whole naira", async ({ page }) => {
    const s = await newSession({ amount: 2_650_050 });
    await page.goto(s.checkoutUrl);
    await expect(page.getByTestId("total")).toHaveText("₦26,500.50");
    const picker = page.getByRole("navigation", { name: "Choose how to pay" });
    await expect(picker.getByRole("link")).toHaveText(["Card", "Bank transfer", "Virtual account", "Direct debit"]);
    // Asked for by its URL, the USSD form is not there either: the first rail is.
    await page.goto(`${s.checkoutUrl}?rail=ussd`);
    await expect(page.getByRole("button", { name: "Get my USSD code" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Card" })).toBeVisible();
  });

  test("Copy amount copies the digits a bank app takes, while the page shows the symbol", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const s = await newSession({ amount: 2_650_050 });
    await page.goto(s.checkoutUrl);
    await page.getByRole("link", { name: "Bank transfer", exact: true }).click();
    await page.getByRole("button", { name: "Get account details" }).click();
    await expect(page.getByRole("heading", { name: "Transfer ₦26,500.50 to this account" })).toBeVisible();
    const amount = page.getByRole("definition").filter({ hasText: "₦26,500.50" });
    await expect(amount).toHaveText("₦26,500.50");
    const copy = page.getByRole("button", { name: "Copy amount" });
    await expect(copy).toHaveAttribute("data-copy", "26500.50");
    await copy.click();
    // The button's name says it was done (and so is no longer "Copy amount" for a while).
    await expect(page.getByRole("button", { name: "Copied" })).toHaveAttribute("data-copy", "26500.50");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("26500.50");
  });
});
