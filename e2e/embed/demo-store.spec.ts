import { expect, test } from "@playwright/test";
import { fillCard } from "../support/checkout";

test("the demo store sells through the hosted checkout", async ({ page }) => {
  await page.goto("/demo");
  await expect(page.getByRole("heading", { name: "Ìyá Àdùké Market" })).toBeVisible();
  await page.getByRole("button", { name: "Buy (hosted): Shea butter" }).click();
  await page.waitForURL(/\/checkout\/cs_test_/);
  await expect(page.getByRole("heading", { name: "Ìyá Àdùké Market" })).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("₦3,500.00");
  await fillCard(page, "4242424242424242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.waitForURL(/\/demo\/success\?session=cs_test_/);
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  await expect(page.getByTestId("api-status")).toHaveText("paid");
});

test("the demo store sells through the embedded checkout", async ({ page }) => {
  await page.goto("/demo");
  await page.getByRole("button", { name: "Buy (embedded): Ankara tote bag" }).click();
  await page.waitForURL(/\/demo\/embedded\?session=cs_test_/);
  const frame = page.frameLocator("#kassa-checkout iframe");
  await expect(frame.getByTestId("total")).toHaveText("₦12,000.00");
  await fillCard(frame as never, "4242424242424242");
  await frame.getByRole("button", { name: /^Pay / }).click();
  await page.waitForURL(/\/demo\/success\?session=cs_test_/);
  await expect(page.getByTestId("api-status")).toHaveText("paid");
});

test("the success page trusts the API, not the URL", async ({ page }) => {
  await page.goto("/demo");
  await page.getByRole("button", { name: "Buy (hosted): Zobo leaves" }).click();
  await page.waitForURL(/\/checkout\/cs_test_/);
  const id = page.url().split("/").pop()!;
  await page.goto(`/demo/success?session=${id}`);
  await expect(page.getByRole("heading", { name: "Order not paid" })).toBeVisible();
  await expect(page.getByTestId("api-status")).toHaveText("open");
});
