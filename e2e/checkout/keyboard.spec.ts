import { expect, test, type Page } from "@playwright/test";
import { fakeMerchantSite, merchantGet, newSession, nextYear } from "../support/checkout";

test.beforeEach(async ({ page }) => fakeMerchantSite(page));

/** Presses Tab until the named control has focus, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp | string, max = 25) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    const label = await focused.evaluate((el) => {
      const id = el.id;
      const byLabel = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
      return byLabel ?? el.textContent ?? "";
    });
    if (typeof name === "string" ? label.trim() === name : name.test(label)) return focused;
  }
  throw new Error(`never reached ${name} with Tab`);
}

test("pays by card with the keyboard alone", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await tabTo(page, "Card number");
  await page.keyboard.type("4242424242424242");
  await page.keyboard.press("Tab");
  await page.keyboard.type(`12/${nextYear()}`);
  await page.keyboard.press("Tab");
  await page.keyboard.type("123");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Ada Obi");
  const pay = await tabTo(page, /^Pay ₦2,500\.00$/, 3);
  await expect(pay).toBeFocused();
  // The browser follows the 303 to the merchant. Playwright's routing does not catch that
  // redirect when a key (not a click) sent the form, so the request itself is the proof.
  const toMerchant = page.waitForRequest(`https://shop.example.com/thanks?session=${s.id}`);
  await page.keyboard.press("Enter");
  await toMerchant;
  expect((await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).status).toBe("paid");
});

test("picks a rail, opens the test values and goes back, all by keyboard", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await tabTo(page, "Test values");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("cell", { name: "4000002760003184" })).toBeVisible();
  await tabTo(page, "USSD");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "USSD" })).toHaveAttribute("aria-current", "page");
  const bank = await tabTo(page, "Your bank");
  await expect(bank).toBeFocused();
});

test("after a decline focus is on the notice, a few Tabs from the card number; after a rail switch, on the new form", async ({ page }) => {
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await page.getByLabel("Card number").fill("4000000000000002");
  await page.getByLabel("Expiry date").fill(`12/${nextYear()}`);
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
  const notice = page.getByRole("alert").filter({ hasText: "Your card was declined." });
  await expect(notice).toBeFocused();
  // Not back at the top of the page: the rails and then the form follow the notice.
  await tabTo(page, "Card number", 8);

  // A rail switch: the new form has the focus, so Tab goes on inside it.
  const other = await newSession();
  await page.goto(other.checkoutUrl);
  await page.getByRole("link", { name: "Direct debit", exact: true }).click();
  await expect(page.getByRole("region", { name: "Direct debit" })).toBeFocused();
  await tabTo(page, "Your bank", 2);
});
