// Pix BR Code: the EMV merchant-presented QR payload the Banco Central do Brasil
// specifies, and a strict parser so a code we emit is checked the way a bank
// app would check it.

import QRCode from "qrcode";

export const PIX_GUI = "br.gov.bcb.pix";

const MAX_NAME = 25;
const MAX_CITY = 15;
const MAX_KEY_OR_URL = 77;
const TXID = /^[A-Za-z0-9]{1,25}$/;
const NO_TXID = "***";

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as 4 uppercase hex digits. */
export function crc16ccitt(input: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(input)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

export type PixBrCodeInput = ({ key: string; url?: never } | { url: string; key?: never }) & {
  merchantName: string;
  merchantCity: string;
  amountMinor?: number;
  txid?: string;
  /** Free text for the payer, static codes only. Truncated to fit field 26. */
  info?: string;
  /** Field 01 "12": the code may be paid once. Defaults to true for a location URL. */
  singleUse?: boolean;
};

export interface PixBrCode {
  singleUse: boolean;
  key?: string;
  url?: string;
  info?: string;
  merchantCategoryCode: string;
  amountMinor?: number;
  merchantName: string;
  merchantCity: string;
  /** "***" when the code carries no transaction id. */
  txid: string;
}

export type PixParseResult = { ok: true; value: PixBrCode } | { ok: false; error: string };

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`field ${id} is longer than 99 characters`);
  return id + String(value.length).padStart(2, "0") + value;
}

/**
 * Bank apps reject or garble non-ASCII. Decomposing first splits "ã" into "a"
 * and a combining tilde, so dropping non-ASCII keeps the letter ("Sao Paulo").
 */
function toPlainText(text: string, maxLength: number): string {
  return text
    .normalize("NFD")
    .replace(/[^\x20-\x7E]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, maxLength)
    .trimEnd();
}

function formatAmount(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

export function buildPixBrCode(input: PixBrCodeInput): string {
  const name = toPlainText(input.merchantName, MAX_NAME);
  const city = toPlainText(input.merchantCity, MAX_CITY);
  if (!name) throw new RangeError("merchant name is empty");
  if (!city) throw new RangeError("merchant city is empty");

  let account = tlv("00", PIX_GUI);
  if (input.url !== undefined) {
    if (input.info !== undefined) throw new RangeError("info belongs to the location payload of a dynamic code");
    if (input.txid !== undefined) throw new RangeError("txid belongs to the location payload of a dynamic code");
    // The BR Code carries the location without its scheme; https is implied.
    const url = input.url.replace(/^https:\/\//i, "");
    if (!url || /^[a-z]+:/i.test(url) || url.length > MAX_KEY_OR_URL || /[^\x21-\x7E]/.test(url)) {
      throw new RangeError("url must be an https location of at most 77 characters");
    }
    account += tlv("25", url);
  } else {
    const key = input.key.trim();
    if (!key || key.length > MAX_KEY_OR_URL || /[^\x21-\x7E]/.test(key)) {
      throw new RangeError("key must be 1 to 77 printable characters");
    }
    account += tlv("01", key);
    if (input.info !== undefined) {
      const room = 99 - account.length - 4;
      const info = toPlainText(input.info, room);
      if (info) account += tlv("02", info);
    }
  }

  const txid = input.txid ?? NO_TXID;
  if (txid !== NO_TXID && !TXID.test(txid)) {
    throw new RangeError("txid must be 1 to 25 letters or digits");
  }
  const amount = input.amountMinor;
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0)) {
    throw new RangeError("amountMinor must be a positive integer");
  }
  const singleUse = input.singleUse ?? input.url !== undefined;

  const payload =
    tlv("00", "01") +
    (singleUse ? tlv("01", "12") : "") +
    tlv("26", account) +
    tlv("52", "0000") +
    tlv("53", "986") +
    (amount !== undefined ? tlv("54", formatAmount(amount)) : "") +
    tlv("58", "BR") +
    tlv("59", name) +
    tlv("60", city) +
    tlv("62", tlv("05", txid)) +
    "6304";
  return payload + crc16ccitt(payload);
}

class BrCodeError extends Error {}

/** Reads ID(2) LEN(2) VALUE fields until `text` is consumed exactly. */
function readFields(text: string, where: string): Map<string, string> {
  const scope = where ? `field ${where}` : "payload";
  const fields = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const len = text.slice(at + 2, at + 4);
    const label = where ? `field ${where}/${id}` : `field ${id}`;
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(len)) {
      throw new BrCodeError(`${scope}: malformed field header at offset ${at}`);
    }
    const value = text.slice(at + 4, at + 4 + Number(len));
    if (value.length !== Number(len)) throw new BrCodeError(`${label}: length ${len} runs past the end of ${scope}`);
    if (fields.has(id)) throw new BrCodeError(`${label}: appears twice`);
    // Templates are checked as they are read, so a bad length is reported
    // against the field that declared it rather than the one it spills into.
    if (isTemplate(id, where)) readFields(value, id);
    fields.set(id, value);
    at += 4 + Number(len);
  }
  return fields;
}

function isTemplate(id: string, where: string): boolean {
  if (where) return false;
  const n = Number(id);
  return (n >= 26 && n <= 51) || n === 62;
}

function parseAmount(text: string): number {
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match?.[1]) throw new BrCodeError(`field 54: not an amount: ${text}`);
  const minor = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (minor <= 0) throw new BrCodeError("field 54: amount must be positive");
  return minor;
}

function required(fields: Map<string, string>, id: string, where = ""): string {
  const value = fields.get(id);
  if (value === undefined) throw new BrCodeError(`field ${where ? `${where}/` : ""}${id}: missing`);
  return value;
}

function parse(payload: string): PixBrCode {
  if (/[^\x20-\x7E]/.test(payload)) throw new BrCodeError("payload: characters outside printable ASCII");
  const fields = readFields(payload, "");
  const ids = [...fields.keys()];
  if (ids[0] !== "00" || fields.get("00") !== "01") throw new BrCodeError("field 00: must come first with value 01");
  if (ids.at(-1) !== "63") throw new BrCodeError("field 63: must come last");

  const crc = required(fields, "63");
  if (!/^[0-9A-F]{4}$/i.test(crc)) throw new BrCodeError("field 63: not 4 hex digits");
  const expected = crc16ccitt(payload.slice(0, -4));
  // Some issuers print the CRC in lowercase; it is the same number.
  if (crc.toUpperCase() !== expected) throw new BrCodeError(`field 63: CRC ${crc} does not match ${expected}`);

  const initiation = fields.get("01");
  if (initiation !== undefined && initiation !== "11" && initiation !== "12") {
    throw new BrCodeError(`field 01: must be 11 or 12, got ${initiation}`);
  }

  const accountId = ids.find((id) => {
    const n = Number(id);
    return n >= 26 && n <= 51 && readFields(fields.get(id)!, id).get("00")?.toLowerCase() === PIX_GUI;
  });
  if (!accountId) throw new BrCodeError(`field 26: no merchant account with GUI ${PIX_GUI}`);
  const account = readFields(fields.get(accountId)!, accountId);
  const key = account.get("01");
  const url = account.get("25");
  if ((key === undefined) === (url === undefined)) {
    throw new BrCodeError(`field ${accountId}: needs exactly one of a key (01) or a URL (25)`);
  }

  const mcc = required(fields, "52");
  if (!/^\d{4}$/.test(mcc)) throw new BrCodeError("field 52: not 4 digits");
  if (required(fields, "53") !== "986") throw new BrCodeError("field 53: currency must be 986 (BRL)");
  if (required(fields, "58") !== "BR") throw new BrCodeError("field 58: country must be BR");
  const merchantName = required(fields, "59");
  if (merchantName.length > MAX_NAME) throw new BrCodeError("field 59: longer than 25 characters");
  const merchantCity = required(fields, "60");
  if (merchantCity.length > MAX_CITY) throw new BrCodeError("field 60: longer than 15 characters");
  const txid = required(readFields(required(fields, "62"), "62"), "05", "62");
  if (txid !== NO_TXID && !TXID.test(txid)) throw new BrCodeError("field 62/05: txid must be *** or 1 to 25 letters or digits");

  const amount = fields.get("54");
  const info = account.get("02");
  return {
    singleUse: initiation === "12",
    ...(key !== undefined && { key }),
    ...(url !== undefined && { url }),
    ...(info !== undefined && { info }),
    merchantCategoryCode: mcc,
    ...(amount !== undefined && { amountMinor: parseAmount(amount) }),
    merchantName,
    merchantCity,
    txid,
  };
}

export function parsePixBrCode(payload: string): PixParseResult {
  try {
    return { ok: true, value: parse(payload) };
  } catch (error) {
    if (error instanceof BrCodeError) return { ok: false, error: error.message };
    throw error;
  }
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The BR Code as an SVG QR image, labelled for screen readers in the page's language. */
export async function pixQrSvg(brCode: string, label: string): Promise<string> {
  const svg = await QRCode.toString(brCode, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  return svg.replace("<svg ", `<svg role="img" aria-label="${escapeXml(label)}" `);
}
