import { expect, test } from "@playwright/test";
import { expectPaidRedirect, fakeMerchantSite, fillCard, merchantGet, newSession } from "../support/checkout";

test.beforeEach(async ({ page }) => fakeMerchantSite(page));

test("pays by card and lands on the merchant's success page", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await expect(page.getByRole("heading", { name: "Acme Lagos" })).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("₦2,500.00");
  await page.getByLabel("Card number").pressSequentially("4242424242424242");
  await expect(page.getByLabel("Card number")).toHaveValue("4242 4242 4242 4242");
  await expect(page.getByText("Card type: Visa")).toBeVisible();
  await page.getByLabel("Expiry date").fill(`12/30`);
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay ₦2,500.00" }).click();
  const session = await expectPaidRedirect(page, s.id);
  expect(session.payment).toMatchObject({ rail: "card", status: "succeeded", details: { brand: "visa", last4: "4242" } });
});

const DECLINES = [
  ["4000000000000002", "Your card was declined."],
  ["4000000000009995", "Your card has insufficient funds."],
  ["4000000000000069", "Your card has expired."],
  ["4000000000000127", "The security code is incorrect."],
  ["4000000000000119", "There was an error processing your card."],
] as const;

for (const [number, message] of DECLINES) {
  test(`shows why ${number} was declined and lets the buyer try again`, async ({ page }) => {
    const s = await newSession();
    await page.goto(s.checkoutUrl);
    await fillCard(page, number);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(message);
    await expect(page.getByLabel("Card number")).toHaveValue("");
    await fillCard(page, "5555555555554444");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expectPaidRedirect(page, s.id);
  });
}

test("pays with an American Express card and its 4-digit code", async ({ page }) => {
  const s = await newSession({ currency: "USD", amount: 1999 });
  await page.goto(s.checkoutUrl);
  await fillCard(page, "378282246310005", "1234");
  await expect(page.getByText("Card type: American Express")).toBeVisible();
  await page.getByRole("button", { name: "Pay $19.99" }).click();
  await expectPaidRedirect(page, s.id);
});

test("checks the card as it is typed, before any attempt", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await page.getByLabel("Card number").fill("4242 4242 4242 4241");
  await page.getByLabel("Expiry date").fill("01/20");
  await page.getByLabel("Security code").fill("12");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByLabel("Card number")).toBeFocused();
  await expect(page.getByLabel("Card number")).toHaveAccessibleDescription("This card number is not valid.");
  await expect(page.getByLabel("Expiry date")).toHaveAccessibleDescription(/This card has expired/);
  await expect(page.getByText("This security code is not valid.")).toBeVisible();
  expect((await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).payments).toEqual([]);
});

test("declines any other valid card", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await fillCard(page, "4111111111111111");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your card was declined.");
});

test.describe("3-D Secure", () => {
  test("completes the challenge and pays", async ({ page }) => {
    const s = await newSession();
    await page.goto(s.checkoutUrl);
    await fillCard(page, "4000002760003184");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByRole("heading", { name: "3-D Secure verification" })).toBeVisible();
    await expect(page.getByText("card ending in 3184")).toBeVisible();
    await page.getByRole("button", { name: "Complete" }).click();
    await expectPaidRedirect(page, s.id);
  });

  test("refuses the challenge and returns to the form", async ({ page }) => {
    const s = await newSession();
    await page.goto(s.checkoutUrl);
    await fillCard(page, "4000002760003184");
    await page.getByRole("button", { name: /^Pay / }).click();
    await page.getByRole("button", { name: "Fail" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("security check (3-D Secure) failed");
    const session = await merchantGet(`/api/v1/checkout/sessions/${s.id}`);
    expect(session.status).toBe("open");
    expect(session.payment).toMatchObject({ status: "failed", failureCode: "authentication_failed" });
  });
});

test("fails the session after five declined attempts", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  for (let i = 1; i <= 5; i++) {
    await fillCard(page, "4000000000000002");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect.poll(async () => (await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).payments.length).toBe(i);
    if (i < 5) await expect(page.getByLabel("Card number")).toHaveValue("");
  }
  await expect(page.getByRole("heading", { name: "This payment could not be completed" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Acme Lagos" })).toHaveAttribute("href", "https://shop.example.com/cart");
});
