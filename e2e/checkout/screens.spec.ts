// Screenshots at 360 px for a person to look at (kept in test-results/screens).
import { expect, test } from "@playwright/test";
import { fillCard, newSession } from "../support/checkout";

test.use({ viewport: { width: 360, height: 780 } });

const shot = (name: string) => ({ path: `test-results/screens/${name}.png`, fullPage: true });

test("the open card form, the transfer instructions and the Pix code at 360 px", async ({ page }) => {
  const s = await newSession({
    lineItems: [
      { name: "Ankara tote bag", unitAmount: 150000, quantity: 1 },
      { name: "Shea butter, 250 g", unitAmount: 50000, quantity: 2 },
    ],
    amount: undefined,
  });
  await page.goto(s.checkoutUrl);
  await page.getByLabel("Card number").pressSequentially("4242424242424242");
  await page.getByLabel("Expiry date").fill("01/20");
  await page.getByLabel("Security code").focus();
  await page.screenshot(shot("card-open"));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  await page.getByRole("link", { name: "Bank transfer" }).click();
  await page.getByRole("button", { name: "Get account details" }).click();
  await expect(page.getByRole("heading", { name: /Transfer ₦2,500.00/ })).toBeVisible();
  await page.screenshot(shot("transfer-pending"));

  const pix = await newSession({ currency: "BRL", amount: 12990, locale: "pt" });
  await page.goto(pix.checkoutUrl + "?rail=pix");
  await page.getByRole("button", { name: "Gerar código Pix" }).click();
  await expect(page.getByRole("img", { name: /QR/ })).toBeVisible();
  await page.screenshot(shot("pix-pending-pt"));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const boleto = await newSession({ currency: "BRL", amount: 12990, locale: "pt", customer: { name: "Maria Silva", document: { type: "cpf", number: "529.982.247-25" } } });
  await page.goto(boleto.checkoutUrl + "?rail=boleto");
  await page.getByRole("button", { name: "Gerar boleto" }).click();
  await expect(page.getByRole("img", { name: /boleto/i })).toBeVisible();
  await page.screenshot(shot("boleto-pending-pt"));

  const card3ds = await newSession();
  await page.goto(card3ds.checkoutUrl);
  await fillCard(page, "4000002760003184");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("heading", { name: "3-D Secure verification" })).toBeVisible();
  await page.screenshot(shot("3ds"));
});
