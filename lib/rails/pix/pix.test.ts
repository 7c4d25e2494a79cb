import { describe, expect, it } from "vitest";
import vectors from "../vectors.json";
import { buildPixBrCode, crc16ccitt, parsePixBrCode, pixQrSvg, type PixBrCode } from "./pix";

const { pix_br_code: pix } = vectors;

function parsed(payload: string): PixBrCode {
  const result = parsePixBrCode(payload);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe("crc16ccitt", () => {
  it("matches the CRC-16/CCITT-FALSE check value", () => {
    expect(crc16ccitt(pix.crc_check.input)).toBe(pix.crc_check.crc);
  });

  it.each(pix.valid)("recomputes the CRC of $source", ({ payload }) => {
    expect(crc16ccitt(payload.slice(0, -4))).toBe(payload.slice(-4));
  });

  it("pads to four digits", () => {
    expect(crc16ccitt("")).toBe("FFFF");
    expect(crc16ccitt("")).toHaveLength(4);
  });
});

describe("parsePixBrCode", () => {
  it.each(pix.valid)("accepts $source", ({ payload }) => {
    expect(parsePixBrCode(payload).ok).toBe(true);
  });

  it("reads the static BCB example", () => {
    expect(parsed(pix.valid[0]!.payload)).toEqual({
      singleUse: false,
      key: "123e4567-e12b-12d1-a456-426655440000",
      merchantCategoryCode: "0000",
      merchantName: "Fulano de Tal",
      merchantCity: "BRASILIA",
      txid: "***",
    });
  });

  it("reads a dynamic code whose GUI is uppercase", () => {
    expect(parsed(pix.valid[1]!.payload)).toMatchObject({
      singleUse: true,
      url: "pix.example.com/qr/93598be0-1bd0-4997-8318-81776a1d8a99",
      merchantName: "EMPRESA",
      merchantCity: "SAO PAULO",
    });
  });

  it("reads the amount in centavos and the info field", () => {
    expect(parsed(pix.valid[2]!.payload)).toMatchObject({
      key: "thalesog@me.com",
      info: "Pedido 123",
      amountMinor: 1000,
      merchantName: "Thales Ogliari",
      merchantCity: "SC",
    });
  });

  it.each(pix.invalid)("rejects: $why", ({ payload }) => {
    const result = parsePixBrCode(payload);
    expect(result).toEqual({ ok: false, error: expect.stringContaining("field 62") });
  });

  it("rejects a wrong CRC", () => {
    const payload = pix.valid[0]!.payload.slice(0, -4) + "1D3E";
    expect(parsePixBrCode(payload)).toEqual({ ok: false, error: expect.stringContaining("CRC") });
  });

  it("accepts a lowercase CRC", () => {
    const payload = pix.valid[1]!.payload;
    expect(parsePixBrCode(payload.slice(0, -4) + payload.slice(-4).toLowerCase()).ok).toBe(true);
  });

  it("rejects a payload with trailing data after the CRC", () => {
    expect(parsePixBrCode(pix.valid[0]!.payload + "0").ok).toBe(false);
  });

  it("rejects a code that is not Pix", () => {
    const payload = pix.valid[0]!.payload.replace("br.gov.bcb.pix", "br.gov.bcb.pox");
    const fixed = payload.slice(0, -4) + crc16ccitt(payload.slice(0, -4));
    expect(parsePixBrCode(fixed)).toEqual({ ok: false, error: expect.stringContaining("GUI") });
  });
});

describe("buildPixBrCode", () => {
  it("reproduces the BCB static example byte for byte", () => {
    expect(
      buildPixBrCode({
        key: "123e4567-e12b-12d1-a456-426655440000",
        merchantName: "Fulano de Tal",
        merchantCity: "BRASILIA",
      }),
    ).toBe(pix.valid[0]!.payload);
  });

  it("reproduces the static example with amount and info", () => {
    expect(
      buildPixBrCode({
        key: "thalesog@me.com",
        info: "Pedido 123",
        amountMinor: 1000,
        merchantName: "Thales Ogliari",
        merchantCity: "SC",
      }),
    ).toBe(pix.valid[2]!.payload);
  });

  it("round-trips a one-time code with amount and txid", () => {
    const code = buildPixBrCode({
      key: "+5511999998888",
      merchantName: "Loja do João Comércio de Eletrônicos",
      merchantCity: "São José dos Campos",
      amountMinor: 123_456,
      txid: "KASSApay0123456789abcdefg",
      singleUse: true,
    });
    expect(code).toContain("5407" + "1234.56");
    expect(code.slice(0, 12)).toBe("000201010212");
    expect(parsed(code)).toEqual({
      singleUse: true,
      key: "+5511999998888",
      merchantCategoryCode: "0000",
      amountMinor: 123_456,
      merchantName: "Loja do Joao Comercio de",
      merchantCity: "Sao Jose dos Ca",
      txid: "KASSApay0123456789abcdefg",
    });
  });

  it("round-trips a dynamic code and strips the scheme", () => {
    const code = buildPixBrCode({
      url: "https://pix.example.com/qr/v2/abc",
      merchantName: "Empresa",
      merchantCity: "Rio de Janeiro",
    });
    expect(parsed(code)).toMatchObject({ singleUse: true, url: "pix.example.com/qr/v2/abc", txid: "***" });
  });

  it("pads centavos and keeps whole reais", () => {
    const small = buildPixBrCode({ key: "a@b.co", merchantName: "A", merchantCity: "B", amountMinor: 5 });
    expect(small).toContain("54040.05");
    expect(parsed(small).amountMinor).toBe(5);
  });

  it("truncates info so field 26 stays within 99 characters", () => {
    const code = buildPixBrCode({
      key: "123e4567-e12b-12d1-a456-426655440000",
      info: "x".repeat(200),
      merchantName: "A",
      merchantCity: "B",
    });
    const info = parsed(code).info ?? "";
    // 99 - GUI (18) - key (4 + 36) - info header (4) = 37.
    expect(info).toBe("x".repeat(37));
  });

  it("refuses what it cannot encode faithfully", () => {
    const base = { key: "a@b.co", merchantName: "A", merchantCity: "B" };
    expect(() => buildPixBrCode({ ...base, txid: "order-42" })).toThrow(/txid/);
    expect(() => buildPixBrCode({ ...base, txid: "a".repeat(26) })).toThrow(/txid/);
    expect(() => buildPixBrCode({ ...base, amountMinor: 10.5 })).toThrow(/amount/);
    expect(() => buildPixBrCode({ ...base, amountMinor: 0 })).toThrow(/amount/);
    expect(() => buildPixBrCode({ ...base, merchantName: "  " })).toThrow(/name/);
    expect(() => buildPixBrCode({ ...base, key: "k".repeat(78) })).toThrow(/key/);
    expect(() => buildPixBrCode({ url: "http://x.example/qr", merchantName: "A", merchantCity: "B" })).toThrow(
      /url/,
    );
  });
});

describe("pixQrSvg", () => {
  it("labels the QR image and escapes the label", async () => {
    const svg = await pixQrSvg(pix.valid[0]!.payload, 'Pix "QR" code');
    expect(svg.startsWith('<svg role="img" aria-label="Pix &#34;QR&#34; code" ')).toBe(true);
    expect(svg).toContain("<path");
  });

  it("draws different codes differently", async () => {
    const [a, b] = await Promise.all(pix.valid.map((v) => pixQrSvg(v.payload, "Pix")));
    expect(a).not.toBe(b);
  });
});
