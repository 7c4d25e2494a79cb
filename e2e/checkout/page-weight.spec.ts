// What the checkout page ships to the browser, gzipped: reported, and held under a ceiling
// so that a heavy dependency cannot slip in unnoticed.
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { newSession } from "../support/checkout";

test("the open checkout page stays small", async ({ page }, info) => {
  const s = await newSession();
  const sizes = { js: 0, css: 0, html: 0, files: [] as string[] };
  page.on("response", async (res) => {
    const type = res.request().resourceType();
    if (!["script", "stylesheet", "document"].includes(type)) return;
    const body = await res.body().catch(() => null);
    if (!body) return;
    const gz = gzipSync(body, { level: 9 }).length;
    if (type === "script") sizes.js += gz;
    else if (type === "stylesheet") sizes.css += gz;
    else sizes.html += gz;
    sizes.files.push(`${type} ${new URL(res.url()).pathname} ${gz}`);
  });
  await page.goto(s.checkoutUrl, { waitUntil: "networkidle" });
  await info.attach("weights", { body: JSON.stringify(sizes, null, 2), contentType: "application/json" });
  console.log(sizes.files.join("\n"));
  console.log(`checkout page, gzip: JS ${sizes.js} B, CSS ${sizes.css} B, HTML ${sizes.html} B`);
  expect(sizes.js).toBeLessThan(200_000);
  expect(sizes.css).toBeLessThan(15_000);
});
