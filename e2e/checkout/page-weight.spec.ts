// What the checkout page ships to the browser, gzipped: reported, and held under a ceiling
// so that a heavy dependency cannot slip in unnoticed.
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { newSession } from "../support/checkout";

test("the open checkout page stays small", async ({ page }, info) => {
  const s = await newSession();
  const sizes = { js: 0, css: 0, html: 0, files: [] as string[] };
  const assets: { path: string; cacheControl: string | undefined }[] = [];
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
    if (type !== "document") assets.push({ path: new URL(res.url()).pathname, cacheControl: res.headers()["cache-control"] });
  });
  await page.goto(s.checkoutUrl, { waitUntil: "networkidle" });
  await info.attach("weights", { body: JSON.stringify(sizes, null, 2), contentType: "application/json" });
  console.log(sizes.files.join("\n"));
  console.log(`checkout page, gzip: JS ${sizes.js} B, CSS ${sizes.css} B, HTML ${sizes.html} B`);
  expect(sizes.js).toBeLessThan(200_000);
  expect(sizes.css).toBeLessThan(15_000);
  // One script and one stylesheet, each under its content's hash and cached for a year: a repeat
  // visit downloads only the HTML.
  const immutable = "public, max-age=31536000, immutable";
  // In order of kind (.css before .js): the hashes themselves sort either way.
  const ext = (p: string) => p.split(".").at(-1)!;
  expect(assets.sort((a, b) => ext(a.path).localeCompare(ext(b.path)))).toEqual([
    { path: expect.stringMatching(/^\/assets\/checkout\.[0-9a-f]{12}\.css$/), cacheControl: immutable },
    { path: expect.stringMatching(/^\/assets\/checkout\.[0-9a-f]{12}\.js$/), cacheControl: immutable },
  ]);
});
