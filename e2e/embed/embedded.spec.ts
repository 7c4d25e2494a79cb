import { expect, test } from "@playwright/test";
import { fillCard, merchantGet, newSession } from "../support/checkout";
import { startMerchantSite } from "../support/merchant-site";

const KASSA = () => process.env.KASSA_E2E_URL!;
let site: Awaited<ReturnType<typeof startMerchantSite>>;

test.beforeAll(async () => {
  site = await startMerchantSite(KASSA());
});
test.afterAll(async () => site.close());

async function embeddedSession(overrides: Record<string, unknown> = {}) {
  return newSession({ mode: "embedded", allowedOrigins: [site.origin], successUrl: `${site.origin}/thanks?session={CHECKOUT_SESSION_ID}`, ...overrides });
}

const frameHeight = (page: import("@playwright/test").Page) =>
  page.locator("#checkout iframe").evaluate((el) => (el as HTMLIFrameElement).getBoundingClientRect().height);

test("a merchant page on another origin mounts the checkout, pays inside it and hears complete", async ({ page }) => {
  const s = await embeddedSession();
  await page.goto(`${site.origin}/?session=${s.id}`);
  const frame = page.frameLocator("#checkout iframe");
  await expect(frame.getByRole("heading", { name: "Acme Lagos" })).toBeVisible();
  await expect(page.locator("#checkout iframe")).toHaveAttribute("allow", "payment");
  await expect.poll(() => page.evaluate(() => (window as any).__events.map((e: any) => e.type))).toEqual(
    expect.arrayContaining(["ready", "status", "resize"]),
  );

  await frame.getByLabel("Card number").fill("4242424242424242");
  await frame.getByLabel("Expiry date").fill("12/30");
  await frame.getByLabel("Security code").fill("123");
  await frame.getByRole("button", { name: /^Pay / }).click();

  await expect.poll(() => page.evaluate(() => (window as any).__completed)).toEqual([
    { sessionId: s.id, status: "paid", redirectUrl: `${site.origin}/thanks?session=${s.id}` },
  ]);
  // The merchant's page stayed where it was: onComplete decides what happens next.
  expect(page.url()).toBe(`${site.origin}/?session=${s.id}`);
  await expect(frame.getByRole("heading", { name: "Payment received" })).toBeVisible();
  expect((await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).status).toBe("paid");
});

test("without onComplete, complete sends the whole page to the success URL", async ({ page }) => {
  const s = await embeddedSession();
  await page.goto(`${site.origin}/?session=${s.id}&noComplete=1`);
  const frame = page.frameLocator("#checkout iframe");
  await fillCard(frame as never, "5555555555554444");
  await frame.getByRole("button", { name: /^Pay / }).click();
  await page.waitForURL(`${site.origin}/thanks?session=${s.id}`);
  await expect(page.getByRole("heading", { name: "Merchant thank-you page" })).toBeVisible();
});

test("the frame's height follows its content", async ({ page }) => {
  const s = await embeddedSession({ paymentMethods: ["transfer", "card"] });
  await page.goto(`${site.origin}/?session=${s.id}`);
  const frame = page.frameLocator("#checkout iframe");
  await expect(frame.getByRole("heading", { name: "Acme Lagos" })).toBeVisible();
  await expect.poll(() => frameHeight(page)).not.toBe(640);
  const first = await frameHeight(page);
  // Inner content and frame agree (no inner scrollbar, no gap).
  const inner = await frame.locator("html").evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  expect(Math.abs(first - inner)).toBeLessThanOrEqual(2);

  // The card form is taller than the transfer one.
  await frame.getByRole("link", { name: "Card" }).click();
  await expect(frame.getByLabel("Card number")).toBeVisible();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(first);
  const withCard = await frameHeight(page);

  // A declined card adds an error message: the frame grows again.
  await fillCard(frame as never, "4000000000000002");
  await frame.getByRole("button", { name: /^Pay / }).click();
  await expect(frame.getByRole("main").getByRole("alert")).toBeVisible();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(withCard);
});

test("an origin outside allowedOrigins cannot show the checkout in a frame", async ({ page }) => {
  const s = await newSession({ mode: "embedded", allowedOrigins: ["https://shop.example.com"] });
  await page.goto(`${site.origin}/?session=${s.id}`);
  const frame = page.frameLocator("#checkout iframe");
  // Chromium refuses the frame (CSP frame-ancestors): the checkout never renders inside it.
  await expect(page.locator("#checkout iframe")).toBeAttached();
  await expect(frame.getByRole("heading", { name: "Acme Lagos" })).toHaveCount(0, { timeout: 3000 });
  await expect.poll(() => page.evaluate(() => (window as any).__events.length), { timeout: 3000 }).toBe(0);
});

test("a hosted session cannot be framed at all", async ({ page }) => {
  const s = await newSession();
  await page.goto(`${site.origin}/?session=${s.id}`);
  const frame = page.frameLocator("#checkout iframe");
  await expect(page.locator("#checkout iframe")).toBeAttached();
  await expect(frame.getByRole("heading", { name: "Acme Lagos" })).toHaveCount(0, { timeout: 3000 });
  const res = await fetch(s.checkoutUrl);
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
});

test("messages from a foreign origin change nothing", async ({ page, browser }) => {
  const s = await embeddedSession();
  await page.goto(`${site.origin}/?session=${s.id}`);
  const frame = page.frameLocator("#checkout iframe");
  await expect(frame.getByRole("heading", { name: "Acme Lagos" })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).__events.length)).toBeGreaterThan(0);
  const before = await page.evaluate(() => (window as any).__events.length);

  // The merchant page's own origin forging Kassa messages, then a marker: messages to one
  // window are handled in order, so once the marker arrives embed.js has seen the forgeries.
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve) => {
        window.addEventListener("message", (e) => e.data === "marker" && resolve());
        const forged = { source: "kassa", version: 1, sessionId: id };
        window.postMessage({ ...forged, type: "complete", data: { status: "paid", redirectUrl: "https://evil.example/" } }, "*");
        window.postMessage({ ...forged, type: "resize", data: { height: 5 } }, "*");
        window.postMessage("marker", "*");
      }),
    s.id,
  );
  // Messages into the frame from its parent: the checkout listens to none.
  await page.evaluate(() => {
    const f = document.querySelector("#checkout iframe") as HTMLIFrameElement;
    f.contentWindow!.postMessage({ source: "kassa", version: 1, type: "complete", data: { status: "paid" } }, "*");
  });
  expect(await page.evaluate(() => (window as any).__completed)).toEqual([]);
  expect(await frameHeight(page)).toBeGreaterThan(100);
  const after = await page.evaluate(() => (window as any).__events.filter((e: any) => e.type === "complete"));
  expect(after).toEqual([]);
  expect(await page.evaluate(() => (window as any).__events.length)).toBeGreaterThanOrEqual(before);
  expect((await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).status).toBe("open");
});
