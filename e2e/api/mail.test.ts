// Receipts and instructions by email (SPEC 9): a Kassa server on its own database, mailing a
// real SMTP server on a loopback port (e2e/support/smtp.ts), read back as the buyer would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD, client, sessionBody } from "../support/api";
import { startSmtp, type Received, type TestSmtp } from "../support/smtp";
import { createMerchantViaCli, freshDatabase, startServer, type Database, type MerchantKeys, type Server } from "../support/stack";
import { waitFor } from "../support/wait";

const FROM = "Ìyá Àdùké Market <receipts@shop.example>";
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("mail to the buyer", () => {
  let smtp: TestSmtp;
  let db: Database;
  let m: MerchantKeys;
  let server: Server;
  const api = () => client(m.testKey, server.url);
  const buyer = () => client(null, server.url);

  async function session(overrides: Record<string, unknown> = {}) {
    const res = await api().post("/api/v1/checkout/sessions", sessionBody(overrides));
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string };
  }
  const pay = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    buyer().post(`/api/v1/checkout/${id}/pay`, body, headers);
  const to = (address: string) => () => smtp.received.filter((r) => r.envelopeTo.includes(address));
  const mailTo = (address: string, n = 1) =>
    waitFor(() => (to(address)().length >= n ? to(address)() : undefined), { what: `${n} mail(s) to ${address}`, timeoutMs: 30_000 });

  beforeAll(async () => {
    smtp = await startSmtp();
    db = await freshDatabase();
    m = await createMerchantViaCli(db, "Ìyá Àdùké Market");
    server = await startServer(db, { SMTP_URL: smtp.url, MAIL_FROM: FROM, MAIL_TIME_SCALE: "0.0001" });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    await smtp?.close();
  });

  it("mails a paid card session's receipt in the session's language, with its items, total, card and receipt link", async () => {
    const s = await session({
      amount: undefined,
      currency: "NGN",
      locale: "fr",
      lineItems: [
        { name: "Ankara wax, 6 yards", unitAmount: 1_250_050, quantity: 2 },
        { name: "Livraison", unitAmount: 150_000, quantity: 1 },
      ],
    });
    const res = await pay(s.id, { ...CARD("4242424242424242"), email: "Ada@Example.com" });
    expect(res.status, res.text).toBe(200);
    const [mail] = await mailTo("ada@example.com");
    expect(mail!.from?.text).toContain("receipts@shop.example");
    expect(mail!.subject).toBe("Votre reçu de Ìyá Àdùké Market");
    expect(mail!.messageId).toMatch(/^<mail_[0-9A-Za-z]{24}@shop\.example>$/);
    const text = nbsp(mail!.text!);
    // 2 × 12 500,50 + 1 500,00 = 26 501,00 naira, as a French reader writes it.
    expect(text).toContain("Montant payé : 26 501,00");
    expect(text).toContain("Visa se terminant par 4242");
    expect(text).toContain("2 × Ankara wax, 6 yards : 25 001,00");
    expect(text).toContain("Mode test");
    const payment = (await api().get(`/api/v1/checkout/sessions/${s.id}`)).body.payment;
    expect(payment.receiptUrl).toBe(`${server.url}/checkout/${s.id}/receipt?payment=${payment.id}`);
    expect(text).toContain(payment.receiptUrl);
    expect(nbsp(String(mail!.html))).toContain("26 501,00");
    expect(String(mail!.html)).toContain(`href="${payment.receiptUrl.replace(/&/g, "&amp;")}"`);
  });

  it("speaks the language the buyer's page spoke when the session's is auto", async () => {
    const s = await session({ amount: 990_000, locale: "auto" });
    expect((await pay(s.id, { ...CARD("4242424242424242"), email: "joao@example.com" }, { "accept-language": "pt-BR,pt;q=0.9" })).status).toBe(200);
    const [mail] = await mailTo("joao@example.com");
    expect(mail!.subject).toBe("Seu recibo de Ìyá Àdùké Market");
    expect(nbsp(mail!.text!)).toMatch(/Valor pago: (NGN|₦) ?9\.900,00/);
  });

  it("serves the receipt as a printable page without any script, and no receipt for a payment not paid", async () => {
    const s = await session({ amount: 250_000, locale: "en", lineItems: undefined });
    const paid = (await pay(s.id, { ...CARD("4242424242424242"), email: "page@example.com" })).body;
    const payment = (await api().get(`/api/v1/checkout/sessions/${s.id}`)).body.payment;
    const page = await fetch(payment.receiptUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toContain("no-store");
    const html = await page.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Receipt from Ìyá Àdùké Market");
    expect(html).toContain("₦2,500.00");
    expect(html).toContain("Visa ending in 4242");
    expect(paid.session?.status ?? "paid").toBe("paid");

    const pending = await session({ amount: 250_000 });
    const transfer = (await pay(pending.id, { rail: "transfer", email: "pending@example.com" })).body.payment;
    expect(transfer.receiptUrl).toBeNull();
    expect((await fetch(`${server.url}/checkout/${pending.id}/receipt?payment=${transfer.id}`)).status).toBe(404);
    // Another session's payment is no receipt of this one.
    expect((await fetch(`${server.url}/checkout/${pending.id}/receipt?payment=${payment.id}`)).status).toBe(404);
  });

  it("mails a transfer's account details while it waits, then its receipt once the money arrives", async () => {
    const s = await session({ amount: 2_650_050, locale: "en" });
    const p = (await pay(s.id, { rail: "transfer", email: "transfer@example.com" })).body.payment;
    const [instructions] = await mailTo("transfer@example.com");
    expect(instructions!.subject).toBe("How to finish your payment to Ìyá Àdùké Market");
    const text = nbsp(instructions!.text!);
    expect(text).toContain(`Transfer exactly ₦26,500.50 to this account`);
    expect(text).toContain(`Account number: ${p.nextAction.accountNumber}`);
    expect(text).toContain(`Bank: ${p.nextAction.bankName}`);
    expect(text).toContain(`${server.url}/checkout/${s.id}`);

    expect((await api().post(`/api/v1/test/payments/${p.id}/succeed`, {})).status).toBe(200);
    const both = await mailTo("transfer@example.com", 2);
    expect(both[1]!.subject).toBe("Your receipt from Ìyá Àdùké Market");
    expect(nbsp(both[1]!.text!)).toContain("Bank transfer");
  });

  it("mails a boleto's digitable line and due date in Portuguese", async () => {
    const s = await session({
      amount: 17_490,
      currency: "BRL",
      locale: "pt",
      customer: { email: "maria@example.com", name: "Maria Souza", document: { type: "cpf", number: "529.982.247-25" } },
    });
    const p = (await pay(s.id, { rail: "boleto" })).body.payment;
    expect(p.status).toBe("pending");
    const [mail] = await mailTo("maria@example.com");
    expect(mail!.subject).toBe("Como concluir seu pagamento a Ìyá Àdùké Market");
    const text = nbsp(mail!.text!);
    expect(text).toContain(`Linha digitável: ${p.details.digitableLine}`);
    expect(text).toContain("R$ 174,90");
  });

  it("never mails a second receipt for a session, even when a late payment lands on it", async () => {
    const s = await session({ amount: 250_000 });
    const transfer = (await pay(s.id, { rail: "transfer", email: "twice@example.com" })).body.payment;
    await mailTo("twice@example.com"); // the instructions
    expect((await pay(s.id, { ...CARD("4242424242424242"), email: "twice@example.com" })).body.payment.status).toBe("succeeded");
    await mailTo("twice@example.com", 2); // the receipt
    // The transfer arrives anyway: refunded as a duplicate, and no second receipt.
    expect((await api().post(`/api/v1/test/payments/${transfer.id}/succeed`, {})).body.requiresRefund).toBe(true);
    const marker = await session({ amount: 250_000 });
    await pay(marker.id, { ...CARD("4242424242424242"), email: "marker@example.com" });
    await mailTo("marker@example.com"); // everything queued before it has been sent by now
    expect(to("twice@example.com")().map((r) => r.subject)).toEqual([
      "How to finish your payment to Ìyá Àdùké Market",
      "Your receipt from Ìyá Àdùké Market",
    ]);
  });

  it("retries a mail the server refused for now, and sends it once", async () => {
    const before = smtp.attempts();
    smtp.refuseNext(2, 451, "4.3.0 Mailbox temporarily unavailable");
    const s = await session({ amount: 250_000 });
    await pay(s.id, { ...CARD("4242424242424242"), email: "retry@example.com" });
    const got = await mailTo("retry@example.com");
    expect(got).toHaveLength(1);
    expect(smtp.attempts() - before).toBeGreaterThanOrEqual(3);
    const marker = await session({ amount: 250_000 });
    await pay(marker.id, { ...CARD("4242424242424242"), email: "marker2@example.com" });
    await mailTo("marker2@example.com");
    expect(to("retry@example.com")()).toHaveLength(1);
  });

  it("gives up at once on a permanent refusal, and the payment is not affected", async () => {
    smtp.refuseNext(1, 550, "5.1.1 No such user");
    const before = smtp.attempts();
    const s = await session({ amount: 250_000 });
    expect((await pay(s.id, { ...CARD("4242424242424242"), email: "nobody@example.com" })).body.payment.status).toBe("succeeded");
    await waitFor(() => (smtp.attempts() > before ? true : undefined), { what: "the refused attempt" });
    const marker = await session({ amount: 250_000 });
    await pay(marker.id, { ...CARD("4242424242424242"), email: "marker3@example.com" });
    await mailTo("marker3@example.com");
    expect(to("nobody@example.com")()).toEqual([]);
    expect(smtp.attempts() - before).toBe(2);
    expect((await api().get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("paid");
  });
});

describe("mail off", () => {
  it("queues nothing without SMTP_URL, so setting it later mails no old session", { timeout: 180_000 }, async () => {
    const smtp = await startSmtp();
    const db = await freshDatabase();
    const m = await createMerchantViaCli(db, "Quiet Shop");
    let server = await startServer(db);
    try {
      const create = () => client(m.testKey, server.url).post("/api/v1/checkout/sessions", sessionBody({ amount: 250_000 }));
      const old = (await create()).body;
      expect((await client(null, server.url).post(`/api/v1/checkout/${old.id}/pay`, { ...CARD("4242424242424242"), email: "old@example.com" })).status).toBe(200);
      await server.stop();
      server = await startServer(db, { SMTP_URL: smtp.url, MAIL_FROM: "shop@quiet.example" });
      const fresh = (await create()).body;
      await client(null, server.url).post(`/api/v1/checkout/${fresh.id}/pay`, { ...CARD("4242424242424242"), email: "new@example.com" });
      await waitFor(() => (smtp.received.some((r) => r.envelopeTo.includes("new@example.com")) ? true : undefined), { what: "the new receipt" });
      expect(smtp.received.map((r) => r.envelopeTo).flat()).toEqual(["new@example.com"]);
    } finally {
      await server.stop();
      await db.drop();
      await smtp.close();
    }
  });
});
