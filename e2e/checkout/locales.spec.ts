import { expect, test } from "@playwright/test";
import { expectPaidRedirect, fakeMerchantSite, merchantGet, newSession, nextYear } from "../support/checkout";

test.beforeEach(async ({ page }) => fakeMerchantSite(page));

const LOCALES = [
  { locale: "en", currency: "USD", amount: 123456, total: "$1,234.56", number: "Card number", expiry: "Expiry date", cvc: "Security code", pay: "Pay $1,234.56", method: "Choose how to pay", oneRail: true },
  { locale: "fr", currency: "XOF", amount: 15000, total: "15 000 F CFA", number: "Numéro de carte", expiry: "Date d'expiration", cvc: "Code de sécurité", pay: "Payer 15 000 F CFA", method: "Choisissez votre moyen de paiement" },
  { locale: "pt", currency: "BRL", amount: 123456, total: "R$ 1.234,56", number: "Número do cartão", expiry: "Validade", cvc: "Código de segurança", pay: "Pagar R$ 1.234,56", method: "Escolha como pagar" },
  { locale: "es", currency: "USD", amount: 123456, total: "1234,56 US$", number: "Número de tarjeta", expiry: "Fecha de vencimiento", cvc: "Código de seguridad", pay: "Pagar 1234,56 US$", method: "Elige cómo pagar", oneRail: true },
];

/** Intl puts (narrow) no-break spaces in amounts: match any space there. */
const spaced = (text: string) => new RegExp(`^${text.replace(/[$.()]/g, "\\$&").replace(/ /g, "\\s")}$`);

for (const l of LOCALES) {
  test(`pays by card in ${l.locale}`, async ({ page }) => {
    const s = await newSession({ locale: l.locale, currency: l.currency, amount: l.amount });
    await page.goto(s.checkoutUrl);
    await expect(page.locator(`[lang="${l.locale}"]`).first()).toBeVisible();
    // The document itself says its language (WCAG 3.1.1), not only the checkout's part of it.
    await expect(page.locator("html")).toHaveAttribute("lang", l.locale);
    await expect(page.getByTestId("total")).toHaveText(spaced(l.total));
    // USD is card only here: a session with one rail has no picker.
    await expect(page.getByRole("navigation", { name: l.method })).toHaveCount("oneRail" in l ? 0 : 1);
    await page.getByLabel(l.number).fill("4242424242424242");
    await page.getByLabel(l.expiry).fill(`12/${nextYear()}`);
    await page.getByLabel(l.cvc).fill("123");
    await page.getByRole("button", { name: spaced(l.pay) }).click();
    await expectPaidRedirect(page, s.id);
  });
}

test("picks the buyer's language from Accept-Language when the session says auto", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await expect(page.getByRole("heading", { name: "Choisissez votre moyen de paiement" })).toBeVisible();
  await expect(page.getByText("Mode test.")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.close();
});

// R$ 174,90 does not divide by 4: two parts carry the extra cent, and the page says which.
const INSTALLMENTS = [
  { locale: "pt", label: "Parcelas sem juros", full: "À vista: R$ 174,90", four: "2x R$ 43,73 + 2x R$ 43,72", three: "3x R$ 58,30" },
  { locale: "en", label: "Installments", full: "Pay in full: R$174.90", four: "2 × R$43.73 + 2 × R$43.72", three: "3 × R$58.30" },
  { locale: "fr", label: "Paiement en plusieurs fois", full: "Payer en une fois : 174,90 R$", four: "2 × 43,73 R$ + 2 × 43,72 R$", three: "3 × 58,30 R$" },
  { locale: "es", label: "Cuotas", full: "En un pago: 174,90 R$", four: "2 × 43,73 R$ + 2 × 43,72 R$", three: "3 × 58,30 R$" },
];

for (const l of INSTALLMENTS) {
  test(`installments in ${l.locale} add up to the total, saying which parts differ`, async ({ page }) => {
    const s = await newSession({ locale: l.locale, currency: "BRL", amount: 174_90, installments: { maxCount: 4 } });
    await page.goto(s.checkoutUrl);
    const options = page.getByLabel(l.label).locator("option");
    const texts = (await options.allTextContents()).map((t) => t.replace(/[\u00a0\u202f]/g, " "));
    expect(texts).toEqual([l.full, expect.any(String), l.three, l.four]);
  });
}

test("4 installments of R$ 174,90 charge exactly R$ 174,90", async ({ page }) => {
  const s = await newSession({ locale: "pt", currency: "BRL", amount: 174_90, installments: { maxCount: 4 } });
  await page.goto(s.checkoutUrl);
  await page.getByLabel("Número do cartão").fill("4242424242424242");
  await page.getByLabel("Validade").fill(`12/${nextYear()}`);
  await page.getByLabel("Código de segurança").fill("123");
  await page.getByLabel("Parcelas sem juros").selectOption("4");
  await page.getByRole("button", { name: spaced("Pagar R$ 174,90") }).click();
  await expectPaidRedirect(page, s.id);
  const session = await merchantGet(`/api/v1/checkout/sessions/${s.id}`);
  expect(session.payment).toMatchObject({ status: "succeeded", amount: 174_90, installments: 4 });
});
