// The card form asks for the buyer's email, prefilled from the merchant's `customer`; what
// the buyer pays with lands in the session's customerDetails (SPEC 9). At 360 px.
import { expect, test } from "@playwright/test";
import { expectPaidRedirect, fakeMerchantSite, fillCard, newSession } from "../support/checkout";

test.use({ viewport: { width: 360, height: 780 } });
test.beforeEach(async ({ page }) => fakeMerchantSite(page));

test("shows the merchant's email prefilled on the card form and records it when the buyer keeps it", async ({ page }) => {
  const s = await newSession({ customer: { email: "prefill@example.com" } });
  await page.goto(s.checkoutUrl);
  const email = page.getByRole("textbox", { name: "Email (optional)" });
  await expect(email).toBeVisible();
  await expect(email).toHaveValue("prefill@example.com");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await fillCard(page, "4242424242424242");
  await page.getByRole("button", { name: /^Pay / }).click();
  const session = await expectPaidRedirect(page, s.id);
  expect(session.customerDetails).toEqual({ email: "prefill@example.com", name: null, phone: null });
});

test("records the email and name the buyer typed, the merchant's customer kept as sent", async ({ page }) => {
  const s = await newSession({ customer: { email: "merchant@example.com" } });
  await page.goto(s.checkoutUrl);
  await page.getByRole("textbox", { name: "Email (optional)" }).fill("Typed.Buyer@Example.com");
  await page.getByRole("textbox", { name: /^Name on card/ }).fill("Typed Buyer");
  await fillCard(page, "4242424242424242");
  await page.getByRole("button", { name: /^Pay / }).click();
  const session = await expectPaidRedirect(page, s.id);
  expect(session.customerDetails).toEqual({ email: "typed.buyer@example.com", name: "Typed Buyer", phone: null });
  expect(session.customer).toEqual({ email: "merchant@example.com" });
});

test("says a typed email is malformed before any attempt", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  const email = page.getByRole("textbox", { name: "Email (optional)" });
  await expect(email).toHaveValue("");
  await email.fill("not-an-email");
  await fillCard(page, "4242424242424242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(email).toHaveAccessibleDescription("Enter a valid email address.");
});
