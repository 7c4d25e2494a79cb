// The whole flow with JavaScript off: plain forms, 303 redirects, a meta refresh while pending.
import { expect, test } from "@playwright/test";
import { expectPaidRedirect, fakeMerchantSite, fillCard, merchantGet, merchantPost, newSession, waitingPaymentId } from "../support/checkout";

test.use({ javaScriptEnabled: false });
test.beforeEach(async ({ page }) => fakeMerchantSite(page));

test("pays by card without JavaScript, through a 303 to successUrl", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await fillCard(page, "4242424242424242");
  const [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(s.id)),
    page.getByRole("button", { name: "Pay ₦2,500.00" }).click(),
  ]);
  expect(post.status()).toBe(303);
  expect(post.headers().location).toBe(`https://shop.example.com/thanks?session=${s.id}`);
  await expectPaidRedirect(page, s.id);
});

test("shows the server's checks without JavaScript and never echoes the card number", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await page.getByLabel("Card number").fill("4242424242424241");
  await page.getByLabel("Expiry date").fill("13/30");
  await page.getByLabel("Security code").fill("123");
  // The browser's own checks would stop an obviously short field; these pass its patterns.
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("alert")).toContainText("Please check the following:");
  await expect(page.getByLabel("Card number")).toHaveAccessibleDescription("This card number is not valid.");
  await expect(page.getByLabel("Expiry date")).toHaveAccessibleDescription(/Enter the expiry date as MM \/ YY/);
  expect(await page.content()).not.toContain("4242424242424241");
  expect(page.url()).not.toContain("4242");
  await fillCard(page, "4000000000000002");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("alert")).toContainText("Your card was declined.");
});

test("completes 3-D Secure without JavaScript", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await fillCard(page, "4000002760003184");
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("button", { name: "Complete" }).click();
  await expectPaidRedirect(page, s.id);
});

test("waits for a transfer without JavaScript, refreshing until the bank confirms", async ({ page }) => {
  const s = await newSession();
  await page.goto(`${s.checkoutUrl}?rail=transfer`);
  await page.getByRole("button", { name: "Get account details" }).click();
  await expect(page.getByRole("heading", { name: "Transfer ₦2,500.00 to this account" })).toBeVisible();
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", "5");
  // No copy buttons without the clipboard API; the number is there to read.
  await expect(page.getByRole("button", { name: /Copy/ })).toHaveCount(0);
  await merchantPost(`/api/v1/test/payments/${await waitingPaymentId(s.id)}/succeed`);
  // The meta refresh reloads the page (within 5 s), which shows the paid view and sends the buyer on.
  await page.waitForURL(/shop\.example\.com/, { timeout: 15_000 });
  await expectPaidRedirect(page, s.id);
});

test("simulates a failure and pays another way without JavaScript", async ({ page }) => {
  const s = await newSession();
  await page.goto(`${s.checkoutUrl}?rail=ussd`);
  await page.getByLabel("Your bank").selectOption({ label: "Zenith Bank" });
  await page.getByRole("button", { name: "Get my USSD code" }).click();
  await expect(page.getByRole("link", { name: /^\*966\*000\*\d{8}#$/ })).toBeVisible();
  await page.getByRole("button", { name: "Simulate failure" }).click();
  await expect(page.getByRole("alert")).toContainText("reported that the payment failed");
  await page.getByRole("link", { name: "Bank transfer" }).click();
  await page.getByRole("button", { name: "Get account details" }).click();
  await page.getByRole("button", { name: "Simulate payment received" }).click();
  await expectPaidRedirect(page, s.id);
  expect((await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).payments.map((p: { status: string }) => p.status)).toEqual(["failed", "succeeded"]);
});
