import { expect, test, type Page } from "@playwright/test";
import { fakeMerchantSite, fillCard, newSession } from "./support/checkout";

// The first hour of an operator (issue 17): from / to the demo store and the docs, one name for
// the demo shop, the embedded demo without script, a reference that fits a phone; and the
// buyer's page of a session with a single rail.

const DEMO_NAME = "Ìyá Àdùké Market";

test("/ says what Kassa is and links to the demo store and the docs", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("main")).toContainText("hosted checkout");
  await page.getByRole("link", { name: "Demo store" }).click();
  await expect(page).toHaveURL(/\/demo$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_NAME);
  await page.goto("/");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs$/);
});

test("the demo store and its checkout show the same merchant name", async ({ page }) => {
  await page.goto("/demo");
  const storeName = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  expect(storeName).toBe(DEMO_NAME);
  await page.getByRole("button", { name: "Buy (hosted): Shea butter" }).click();
  await page.waitForURL(/\/checkout\/cs_test_/);
  await expect(page.getByRole("heading", { name: storeName, exact: true })).toBeVisible();
  await expect(page.getByText("Demo Store")).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the embedded demo links to the hosted checkout of the same order", async ({ page }) => {
    await page.goto("/demo");
    await page.getByRole("button", { name: "Buy (embedded): Ankara tote bag" }).click();
    await page.waitForURL(/\/demo\/embedded\?session=cs_test_/);
    const session = new URL(page.url()).searchParams.get("session")!;
    const link = page.getByRole("link", { name: "Pay for this order on Kassa's checkout page" });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("href", `/checkout/${session}`);
    await link.click();
    await page.waitForURL(new RegExp(`/checkout/${session}$`));
    await expect(page.getByTestId("total")).toHaveText("₦12,000.00");
    await expect(page.getByRole("button", { name: "Pay ₦12,000.00" })).toBeVisible();
  });
});

async function noHorizontalOverflow(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

for (const width of [360, 1280]) {
  test(`/docs renders the reference with examples and fits ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const failures: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") failures.push(msg.text());
    });
    await page.goto("/docs");
    await expect(page.getByRole("heading", { level: 2, name: /Create a checkout session$/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 2, name: /Refund a succeeded payment, in full or in part$/ })).toBeAttached();
    // An example request body, as the document gives it, not one generated from the types.
    await expect(page.getByText('"Order #1001"').first()).toBeAttached();
    // Markdown rendered: no backtick shows literally in the introduction.
    await expect(page.getByText("Authorization: Bearer sk_test_…").first()).toBeAttached();
    expect(await page.locator("#redoc").innerText()).not.toContain("`");
    await noHorizontalOverflow(page, width);
    // Nothing the CSP refused (a style without the nonce, a script from elsewhere).
    expect(failures.filter((f) => /Content Security Policy|Refused/i.test(f))).toEqual([]);
  });
}

test.describe("a session with a single rail", () => {
  test.beforeEach(async ({ page }) => fakeMerchantSite(page));

  test("shows no rail picker, only that rail's form", async ({ page }) => {
    const s = await newSession({ paymentMethods: ["card"] });
    await page.goto(s.checkoutUrl);
    await expect(page.getByLabel("Card number")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Choose how to pay" })).toHaveCount(0);
  });

  test("a decline says try again, not choose another payment method", async ({ page }) => {
    const s = await newSession({ paymentMethods: ["card"] });
    await page.goto(s.checkoutUrl);
    await fillCard(page, "4000000000000002");
    await page.getByRole("button", { name: /^Pay / }).click();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("Your card was declined. Try again.");
    await expect(alert).not.toContainText("another payment method");
  });

  test("while a session with several rails still offers another one", async ({ page }) => {
    const s = await newSession({ paymentMethods: ["card", "transfer"] });
    await page.goto(s.checkoutUrl);
    await expect(page.getByRole("navigation", { name: "Choose how to pay" })).toBeVisible();
    await fillCard(page, "4000000000000002");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Try again, or choose another payment method.");
  });
});
