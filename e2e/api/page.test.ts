import { createHash } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { client, sessionBody } from "../support/api";

const api = () => client(inject("merchantA").testKey);

describe("the checkout page over HTTP", () => {
  it("is server-rendered with the total and the security headers", async () => {
    const s = (await api().post("/api/v1/checkout/sessions", sessionBody({ amount: 250000, currency: "NGN" }))).body;
    const res = await fetch(s.checkoutUrl, { headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("form-action 'self' https://shop.example.com");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await res.text();
    expect(html).toContain("₦2,500.00");
    expect(html).toContain("Acme Lagos");
    // Every script the page carries has the nonce of this response's policy.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    // Exactly one, our own: the page ships no framework runtime.
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/src="\/assets\/checkout\.[0-9a-f]{12}\.js"/);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("links its script and stylesheet by content hash, cached for a year; the plain names answer briefly", async () => {
    const s = (await api().post("/api/v1/checkout/sessions", sessionBody())).body;
    const html = await (await fetch(s.checkoutUrl)).text();
    const js = /<script\b[^>]*\bsrc="(\/assets\/checkout\.([0-9a-f]{12})\.js)"/.exec(html);
    const css = /<link\b[^>]*\bhref="(\/assets\/checkout\.([0-9a-f]{12})\.css)"/.exec(html);
    expect(js, "the page links /assets/checkout.<hash>.js").not.toBeNull();
    expect(css, "the page links /assets/checkout.<hash>.css").not.toBeNull();
    for (const [url, hash, type] of [[js![1]!, js![2]!, "javascript"], [css![1]!, css![2]!, "text/css"]] as const) {
      const res = await fetch(new URL(url, s.checkoutUrl));
      expect(res.status, url).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      // The name is the content's: the same bytes as the plain file, whose hash it carries.
      const body = new Uint8Array(await res.arrayBuffer());
      expect(createHash("sha256").update(body).digest("hex").slice(0, 12)).toBe(hash);
      const plain = await fetch(new URL(url.replace(`/assets/`, "/").replace(`.${hash}`, ""), s.checkoutUrl));
      expect(plain.status).toBe(200);
      expect(plain.headers.get("cache-control")).toBe("public, max-age=300");
      expect(new Uint8Array(await plain.arrayBuffer())).toEqual(body);
    }
    // Files take GET and HEAD only (not a 500 from Next.js).
    const post = await fetch(new URL(js![1]!, s.checkoutUrl), { method: "POST" });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    // Another name under /assets/ is a 404, not a page.
    expect((await fetch(new URL("/assets/checkout.000000000000.js", s.checkoutUrl))).status).toBe(404);
  });

  it("lets only the allowed origins frame an embedded session", async () => {
    const s = (
      await api().post(
        "/api/v1/checkout/sessions",
        sessionBody({ mode: "embedded", allowedOrigins: ["https://shop.example.com", "http://localhost:4000"] }),
      )
    ).body;
    const res = await fetch(s.checkoutUrl);
    expect(res.headers.get("content-security-policy")).toContain(
      "frame-ancestors https://shop.example.com http://localhost:4000",
    );
  });

  it("answers an unknown id with a real 404 page", async () => {
    for (const id of ["cs_test_doesnotexist0000000000", "hello", "cs_live_%27%3B"]) {
      const res = await fetch(`${inject("baseUrl")}/checkout/${id}`, { headers: { "accept-language": "fr" } });
      expect(res.status).toBe(404);
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(await res.text()).toContain("Paiement introuvable");
    }
  });

  it("takes a BCP 47 locale, keeps the tag given in its canonical case and speaks its language", async () => {
    const cases: [given: string, kept: string, says: string][] = [
      ["pt-BR", "pt-BR", "Pagar"],
      ["fr-ci", "fr-CI", "Payer"],
      ["es-419", "es-419", "Pagar"],
    ];
    for (const [given, kept, says] of cases) {
      const res = await api().post("/api/v1/checkout/sessions", sessionBody({ locale: given }));
      expect(res.status, res.text).toBe(201);
      expect(res.body.locale).toBe(kept);
      const html = await (await fetch(res.body.checkoutUrl, { headers: { "accept-language": "en" } })).text();
      expect(html).toContain(`lang="${kept.split("-")[0]}"`);
      expect(html).toContain(says);
    }
    for (const bad of ["de-DE", "pt_BR", "not a tag", "x".repeat(40)]) {
      const res = await api().post("/api/v1/checkout/sessions", sessionBody({ locale: bad }));
      expect(res.status, bad).toBe(400);
      expect(res.body.error.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual(["locale"]);
    }
  });

  it("shows canceled sessions with the way back to the merchant", async () => {
    const s = (await api().post("/api/v1/checkout/sessions", sessionBody({ cancelUrl: "https://shop.example.com/cart?s={CHECKOUT_SESSION_ID}", locale: "pt" }))).body;
    await api().post(`/api/v1/checkout/sessions/${s.id}/cancel`);
    const html = await (await fetch(s.checkoutUrl)).text();
    expect(html).toContain("Este pagamento foi cancelado");
    expect(html).toContain(`href="https://shop.example.com/cart?s=${s.id}"`);
  });

  it("tells a buyer waiting on a transfer that money sent before paying another way is refunded, not lost", async () => {
    const say = { en: "it is refunded to you in full", fr: "il vous est remboursé en totalité", pt: "reembolsado integralmente", es: "se te reembolsa por completo" };
    for (const [locale, text] of Object.entries(say)) {
      const s = (await api().post("/api/v1/checkout/sessions", sessionBody({ locale }))).body;
      await client(null).post(`/api/v1/checkout/${s.id}/pay`, { rail: "transfer" });
      const html = await (await fetch(s.checkoutUrl)).text();
      expect(html, locale).toContain(text);
      expect(html).toMatch(/<p id="late-money"[^>]*>[^<]+<\/p><button type="submit" aria-describedby="late-money"/);
    }
    // A card's 3-D Secure wait sends no money of the buyer's own: nothing to say.
    const card = (await api().post("/api/v1/checkout/sessions", sessionBody({ locale: "en" }))).body;
    const year = new Date().getUTCFullYear() + 2;
    await client(null).post(`/api/v1/checkout/${card.id}/pay`, { rail: "card", card: { number: "4000002760003184", expMonth: 12, expYear: year, cvc: "123" } });
    expect(await (await fetch(card.checkoutUrl)).text()).not.toContain("late-money");
  });
});
