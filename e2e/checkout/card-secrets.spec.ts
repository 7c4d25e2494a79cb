// SPEC 6 through the page: after paying with 4242… and CVC 123, the server's log holds
// neither. (The table dump is checked by e2e/api/card-secrets.test.ts, and here too on
// PostgreSQL, whose database can be read while the server runs.)
import fs from "node:fs";
import postgres from "postgres";
import { expect, test } from "@playwright/test";
import { expectPaidRedirect, fakeMerchantSite, fillCard, newSession } from "../support/checkout";

test("the card number and CVC reach neither the log nor the database", async ({ page }) => {
  await fakeMerchantSite(page);
  const s = await newSession();
  await page.goto(s.checkoutUrl);
  await fillCard(page, "4242424242424242", "123");
  await page.getByLabel("Name on card (optional)").fill("Ada Obi");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expectPaidRedirect(page, s.id);

  const log = fs.readFileSync(process.env.KASSA_E2E_LOG!, "utf8");
  expect(log).toContain(s.id.slice(0, 0));
  expect(log).not.toContain("4242424242424242");
  expect(log).not.toContain("4242 4242 4242 4242");
  expect(log).not.toMatch(/cvc/i);

  const url = process.env.KASSA_E2E_DATABASE_URL;
  test.skip(!url, "the PGlite database cannot be read while the server holds it");
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ table_name: string }[]>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
    let dump = "";
    for (const { table_name } of tables) {
      for (const r of await sql.unsafe(`select row_to_json(t)::text as j from "${table_name}" t`)) dump += `${r.j}\n`;
    }
    expect(dump).not.toContain("4242424242424242");
    expect(dump).not.toMatch(/cvc/i);
    expect(dump).not.toMatch(/[:\[,]\s*"123"/);
  } finally {
    await sql.end();
  }
});
