// The checkout page's layout: two columns on a wide hosted page (Pay above the fold at 1280×800),
// one column on a phone and in the merchant's frame; nothing clipped or broken at 320 px.
import { expect, test, type Page } from "@playwright/test";
import { newSession } from "../support/checkout";

const ITEMS = [
  { name: "Ankara tote bag", unitAmount: 150000, quantity: 1 },
  { name: "Shea butter, 250 g", unitAmount: 50000, quantity: 2 },
];

const summary = (page: Page) => page.getByRole("region", { name: "Order summary" });
const cardForm = (page: Page) => page.locator("form#pay-card");
const box = async (l: ReturnType<Page["locator"]>) => (await l.boundingBox())!;

/** The summary left of the form, side by side (it starts before the form ends). */
async function expectTwoColumns(page: Page) {
  const s = await box(summary(page));
  const f = await box(cardForm(page));
  expect(s.x + s.width).toBeLessThanOrEqual(f.x);
  expect(s.y).toBeLessThan(f.y + f.height);
}

/** The summary above the form, in one column of the same left edge. */
async function expectOneColumn(page: Page, width: number) {
  const s = await box(summary(page));
  const f = await box(cardForm(page));
  expect(s.y + s.height).toBeLessThanOrEqual(f.y);
  expect(Math.abs(s.x - f.x)).toBeLessThanOrEqual(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

for (const js of [true, false]) {
  test.describe(`at 1280×800 ${js ? "with" : "without"} JavaScript`, () => {
    test.use({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: js });

    test("the summary is beside the form and the Pay button above the fold", async ({ page }) => {
      const s = await newSession({ lineItems: ITEMS, amount: undefined });
      await page.goto(s.checkoutUrl);
      await expectTwoColumns(page);
      // The merchant's name and the time left are on the summary's side.
      const left = page.locator("[data-column=summary]");
      await expect(left.getByRole("heading", { name: "Acme Lagos" })).toBeVisible();
      await expect(left.locator("time[data-countdown]")).toBeVisible();
      const pay = await box(page.getByRole("button", { name: "Pay ₦2,500.00" }));
      expect(pay.y + pay.height).toBeLessThanOrEqual(800);
      // The shell widened (about max-w-5xl), not the phone column centred.
      const main = await box(page.getByRole("main"));
      expect(main.width).toBeGreaterThan(900);
      expect(main.width).toBeLessThanOrEqual(1024);
    });
  });
}

test.describe("one column", () => {
  test("at 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto((await newSession({ lineItems: ITEMS, amount: undefined })).checkoutUrl);
    await expectOneColumn(page, 360);
  });

  test("at 899 px, and two from 900 px", async ({ page }) => {
    const s = await newSession();
    await page.setViewportSize({ width: 899, height: 800 });
    await page.goto(s.checkoutUrl);
    await expectOneColumn(page, 899);
    await page.setViewportSize({ width: 900, height: 800 });
    await expectTwoColumns(page);
  });

  test("embedded, at 1280 px", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const s = await newSession({ mode: "embedded", allowedOrigins: ["https://shop.example.com"], lineItems: ITEMS, amount: undefined });
    await page.goto(s.checkoutUrl);
    await expectOneColumn(page, 1280);
    expect((await box(page.getByRole("main"))).width).toBeLessThanOrEqual(512);
  });
});

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 700 } });

  test("the card number's placeholder fits, and the brand badge never covers the digits", async ({ page }) => {
    await page.goto((await newSession()).checkoutUrl);
    const input = page.getByLabel("Card number");
    const fit = await input.evaluate((el: HTMLInputElement) => {
      const css = getComputedStyle(el);
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.font = `${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
      ctx.letterSpacing = css.letterSpacing;
      const text = ctx.measureText(el.placeholder).width;
      const room = el.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
      return { text, room };
    });
    expect(fit.text).toBeGreaterThan(100); // measured, not an empty string
    expect(fit.text).toBeLessThanOrEqual(fit.room);

    // The longest badge: beside the field's text box, not over it.
    await input.pressSequentially("378282246310005");
    const badge = page.locator("[data-badge]");
    await expect(badge).toHaveText("American Express");
    const b = await box(badge);
    const i = await box(input);
    expect(b.x).toBeGreaterThanOrEqual(i.x + i.width - 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test("the USSD code is on one line and whole", async ({ page }) => {
    // ₦2,650,050.00: a long amount in GTBank's code (*737*33*2650050*<8 digits>#, 25 characters).
    const s = await newSession({ amount: 265005000 });
    await page.goto(s.checkoutUrl + "?rail=ussd");
    await page.getByLabel("Your bank").selectOption({ label: "Guaranty Trust Bank" });
    await page.getByRole("button", { name: "Get my USSD code" }).click();
    const code = page.getByRole("link", { name: /^\*737\*33\*2650050\*\d{8}#$/ });
    const layout = await code.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return { lines: range.getClientRects().length, scroll: el.scrollWidth, client: el.clientWidth };
    });
    expect(layout.lines).toBe(1);
    expect(layout.scroll).toBeLessThanOrEqual(layout.client);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

// The hint's example, typed as shown, is the number the waiting page then shows: one formatter.
for (const { currency, operator, amount } of [
  { currency: "XOF", operator: "Orange Money", amount: 5000 },
  { currency: "KES", operator: "M-Pesa", amount: 50000 },
]) {
  test(`the mobile number hint is written as the waiting page writes the number (${currency})`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    const s = await newSession({ currency, amount });
    await page.goto(s.checkoutUrl + "?rail=mobile_money");
    const hint = await page.locator("#pay-mobile_money-phone-hint").textContent();
    const example = /\+[\d\s]+\d/.exec(hint!)![0].replace(/\s/g, " ");
    // The number itself on one line at 320 px.
    const lines = await page.locator("#pay-mobile_money-phone-hint").evaluate((el) => {
      const text = el.firstChild!;
      const start = text.textContent!.indexOf("+");
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, text.textContent!.length);
      return range.getClientRects().length;
    });
    expect(lines).toBe(1);
    await page.getByLabel("Mobile money operator").selectOption({ label: operator });
    await page.getByLabel("Mobile number").fill(example);
    await page.getByRole("button", { name: "Send approval request" }).click();
    await expect(page.getByRole("heading", { name: "Approve the payment on your phone" })).toBeVisible();
    await expect(page.getByText(`${example} (${operator})`)).toBeVisible();
  });
}
