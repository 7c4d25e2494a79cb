import { expect, test } from "./support/fixtures";

test.describe("checkout page summary", () => {
  for (const { name, body, locale, total } of [
    { name: "naira in English", body: { amount: 250000, currency: "NGN" }, locale: "en-NG", total: "₦2,500.00" },
    { name: "CFA francs in French, no decimals", body: { amount: 5000, currency: "XOF" }, locale: "fr-CI", total: "5 000 F CFA" },
    { name: "Kuwaiti dinar with three decimals", body: { amount: 1234, currency: "KWD" }, locale: "en", total: "KWD 1.234" },
    { name: "reais in Portuguese", body: { amount: 15990, currency: "BRL" }, locale: "pt-BR", total: "R$ 159,90" },
  ]) {
    test(`shows ${name}`, async ({ browser, createSession }) => {
      const session = await createSession(body);
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(session.checkoutUrl);
      const shown = (await page.getByTestId("total").innerText()).replace(/[\u00a0\u202f]/g, " ");
      expect(shown).toBe(total);
      await context.close();
    });
  }

  test("shows the merchant, the line items and the time left", async ({ page, createSession }) => {
    const session = await createSession({
      currency: "NGN",
      lineItems: [
        { name: "Ankara tote bag", unitAmount: 1200000, quantity: 1 },
        { name: "Shea butter", unitAmount: 350000, quantity: 2, description: "250 g jar" },
      ],
    });
    await page.goto(session.checkoutUrl);
    await expect(page.getByRole("heading", { name: "Acme Lagos" })).toBeVisible();
    await expect(page.getByText("Ankara tote bag")).toBeVisible();
    await expect(page.getByText("250 g jar")).toBeVisible();
    await expect(page.getByTestId("total")).toHaveText("₦19,000.00");
    const timer = page.locator("time");
    await expect(timer).toHaveText(/^(29|30):\d\d$/);
    // The countdown runs once JavaScript has loaded.
    const first = await timer.innerText();
    await expect(timer).not.toHaveText(first);
  });

  test("shows a 404 page for an unknown session", async ({ page }) => {
    const res = await page.goto("/checkout/cs_test_nosuchsession00000000000");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Checkout not found" })).toBeVisible();
  });
});
