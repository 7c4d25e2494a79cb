// Time and long waits on the buyer's page: the countdown's warning and its end, the expiry
// sentence, what happens next on a payment that takes days, Pix on a phone, the virtual account.
import { expect, test, type Page } from "@playwright/test";
import { fakeMerchantSite, fillCard, merchantGet, merchantPost, newSession } from "../support/checkout";

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 800 };
const SHOTS = "/work/notes/shots/waiting";

test.beforeEach(async ({ page }) => fakeMerchantSite(page));

/** Moves the server's clock (every session's), so these tests run one after another. */
const advance = (seconds: number) => merchantPost("/api/v1/test/clock", { advanceSeconds: seconds });

const warning = (page: Page) => page.getByRole("status").filter({ hasText: "Less than 2 minutes left" });

test.describe.serial("the countdown", () => {
  test("warns in the last two minutes and turns into the expired view at zero", async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(PHONE);
    const s = await newSession({ expiresIn: 300 });
    await advance(175); // 2:05 left
    await page.goto(s.checkoutUrl);
    await expect(page.getByRole("button", { name: "Pay ₦2,500.00" })).toBeVisible();
    await expect(warning(page)).toHaveCount(0);
    // The script writes the warning once the countdown passes 2:00.
    await expect(warning(page)).toBeVisible({ timeout: 15_000 });
    await expect(page.locator("time[data-countdown]")).toHaveText(/^[12]:\d\d$/);
    await page.screenshot({ path: `${SHOTS}/countdown-warning-360.png`, fullPage: true });
    await advance(115); // a few seconds left
    await page.reload();
    await expect(warning(page)).toBeVisible();
    // At zero the page reloads by itself: the server's expired view, no form, no Pay button.
    await expect(page.getByRole("heading", { name: "This checkout has expired" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
    await expect(page.getByText(/expires on/)).toHaveCount(0);
    expect((await merchantGet(`/api/v1/checkout/sessions/${s.id}`)).status).toBe("expired");
    await page.screenshot({ path: `${SHOTS}/expired-360.png`, fullPage: true });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("shows the warning as rendered, and the server refuses the payment once expired", async ({ page }) => {
      await page.setViewportSize(DESKTOP);
      const s = await newSession({ expiresIn: 300 });
      await advance(185); // 1:55 left
      await page.goto(s.checkoutUrl);
      await expect(warning(page)).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/countdown-warning-nojs-1280.png` });
      await fillCard(page, "4242424242424242");
      await advance(120);
      const [post] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(s.id)),
        page.getByRole("button", { name: "Pay ₦2,500.00" }).click(),
      ]);
      expect(post.status()).toBe(303);
      await expect(page.getByRole("heading", { name: "This checkout has expired" })).toBeVisible();
      await expect(page.getByText("The time to pay ran out. Ask Acme Lagos for a new payment link.")).toBeVisible();
      await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
      const session = await merchantGet(`/api/v1/checkout/sessions/${s.id}`);
      expect(session.status).toBe("expired");
      expect(session.payments).toEqual([]);
    });
  });
});
