import { expect, type Page } from "@playwright/test";

export const BASE = () => process.env.KASSA_E2E_URL!;
export const TEST_KEY = () => process.env.KASSA_E2E_TEST_KEY!;
export const SUCCESS = "https://shop.example.com/thanks?session={CHECKOUT_SESSION_ID}";

/** Creates a session through the merchant API, as a merchant's server would. */
export async function newSession(overrides: Record<string, unknown> = {}, key = TEST_KEY()) {
  const res = await fetch(`${BASE()}/api/v1/checkout/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({
      amount: 250000,
      currency: "NGN",
      description: "Order #1001",
      successUrl: SUCCESS,
      cancelUrl: "https://shop.example.com/cart",
      ...overrides,
    }),
  });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; checkoutUrl: string };
}

export async function merchantGet(path: string, key = TEST_KEY()) {
  const res = await fetch(`${BASE()}${path}`, { headers: { authorization: `Bearer ${key}` } });
  return res.json();
}

/**
 * The merchant's success page is on the internet, which tests cannot reach: answer for it,
 * so the redirect lands on a page we can see.
 */
export async function fakeMerchantSite(page: Page) {
  await page.route("https://shop.example.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><html lang=en><title>Thanks</title><h1>Thanks for your order</h1></html>" }),
  );
}

export async function expectPaidRedirect(page: Page, sessionId: string) {
  await page.waitForURL(`https://shop.example.com/thanks?session=${sessionId}`);
  await expect(page.getByRole("heading", { name: "Thanks for your order" })).toBeVisible();
  const session = await merchantGet(`/api/v1/checkout/sessions/${sessionId}`);
  expect(session.status).toBe("paid");
  return session;
}

export const nextYear = () => String((new Date().getUTCFullYear() + 2) % 100).padStart(2, "0");

export async function fillCard(page: Page, number: string, cvc = "123") {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry date").fill(`12/${nextYear()}`);
  await page.getByLabel("Security code").fill(cvc);
}

export async function merchantPost(path: string, body: unknown = {}, key = TEST_KEY()) {
  const res = await fetch(`${BASE()}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The payment the page is showing instructions for. */
export async function waitingPaymentId(sessionId: string): Promise<string> {
  const session = await merchantGet(`/api/v1/checkout/sessions/${sessionId}`);
  const p = (session.payments as { id: string; status: string }[]).findLast((x) => x.status === "pending" || x.status === "requires_action");
  if (!p) throw new Error(`no waiting payment on ${sessionId}`);
  return p.id;
}

export const CARD_DECLINED = "4000000000000002";
