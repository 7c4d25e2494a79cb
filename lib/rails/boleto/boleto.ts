// Boleto bancário (FEBRABAN bank collection slip): the 44-digit barcode, the
// 47-digit digitable line the payer types, and the barcode drawn as ITF.
// Utility and tax slips (48 digits, starting with 8) follow other rules and are
// out of scope: Kassa only issues bank boletos.

const DAY_MS = 86_400_000;
const FIRST_BASE = Date.UTC(1997, 9, 7);
const FIRST_FACTOR_DAY = Date.UTC(2000, 6, 3);
// FEBRABAN restarted the factor at 1000 when the first cycle ran out at 9999.
const RESET_DAY = Date.UTC(2025, 1, 22);

function assertDigits(value: string, length: number, what: string): void {
  if (!new RegExp(`^\\d{${length}}$`).test(value)) {
    throw new RangeError(`${what} must be ${length} digits`);
  }
}

function digitsOnly(text: string): string {
  return text.replace(/[\s.]/g, "");
}

/** Module 10: weights 2,1,2,… from the right, digits of each product summed. */
export function mod10(digits: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    const product = Number(digits[i]) * weight;
    sum += product > 9 ? product - 9 : product;
    weight = weight === 2 ? 1 : 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** Module 11 as the barcode uses it: weights 2..9 from the right; 0, 10 and 11 become 1. */
export function mod11Barcode(digits: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += Number(digits[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const dv = 11 - (sum % 11);
  return dv === 10 || dv === 11 ? 1 : dv;
}

/** The due date's factor, counting the date's UTC calendar day. */
export function dueDateFactor(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (Number.isNaN(day)) throw new RangeError("invalid due date");
  if (day < FIRST_FACTOR_DAY) throw new RangeError("due date before 2000-07-03 has no factor");
  const factor =
    day < RESET_DAY ? (day - FIRST_BASE) / DAY_MS : 1000 + (day - RESET_DAY) / DAY_MS;
  if (factor > 9999) throw new RangeError("due date beyond the current factor cycle");
  return factor;
}

/** The barcode's amount field has 10 digits. */
export const BOLETO_MAX_CENTS = 9_999_999_999;

export interface BoletoInput {
  /** FEBRABAN bank code, e.g. "001" Banco do Brasil, "237" Bradesco, "341" Itaú. */
  bankCode: string;
  amountCents: number;
  /** null: no due date (factor 0000). */
  dueDate: Date | null;
  /** The 25 digits each bank lays out its own way (agreement, our number, wallet). */
  freeField25: string;
}

export interface Boleto {
  barcode: string;
  digitableLine: string;
}

export function buildBoleto(input: BoletoInput): Boleto {
  assertDigits(input.bankCode, 3, "bank code");
  assertDigits(input.freeField25, 25, "free field");
  const { amountCents } = input;
  if (!Number.isSafeInteger(amountCents) || amountCents < 0 || amountCents > BOLETO_MAX_CENTS) {
    throw new RangeError("amountCents must be an integer from 0 to 9999999999");
  }
  const factor = input.dueDate ? String(dueDateFactor(input.dueDate)).padStart(4, "0") : "0000";
  const head = input.bankCode + "9";
  const tail = factor + String(amountCents).padStart(10, "0") + input.freeField25;
  const barcode = head + String(mod11Barcode(head + tail)) + tail;
  return { barcode, digitableLine: barcodeToDigitableLine(barcode) };
}

export function barcodeToDigitableLine(barcode: string): string {
  assertDigits(barcode, 44, "barcode");
  const free = barcode.slice(19);
  const field1 = barcode.slice(0, 4) + free.slice(0, 5);
  const field2 = free.slice(5, 15);
  const field3 = free.slice(15, 25);
  return (
    field1 + mod10(field1) +
    field2 + mod10(field2) +
    field3 + mod10(field3) +
    barcode.slice(4, 19)
  );
}

/** Accepts the line as printed, with dots and spaces. */
export function digitableLineToBarcode(line: string): string {
  const digits = digitsOnly(line);
  assertDigits(digits, 47, "digitable line");
  const free = digits.slice(4, 9) + digits.slice(10, 20) + digits.slice(21, 31);
  return digits.slice(0, 4) + digits.slice(32, 47) + free;
}

export function isValidBarcode(barcode: string): boolean {
  if (!/^\d{44}$/.test(barcode)) return false;
  return mod11Barcode(barcode.slice(0, 4) + barcode.slice(5)) === Number(barcode[4]);
}

export function isValidDigitableLine(line: string): boolean {
  const digits = digitsOnly(line);
  if (!/^\d{47}$/.test(digits)) return false;
  const fields = [[0, 9], [10, 20], [21, 31]] as const;
  const fieldsValid = fields.every(([start, end]) => mod10(digits.slice(start, end)) === Number(digits[end]));
  return fieldsValid && isValidBarcode(digitableLineToBarcode(digits));
}

/** The printed form: 10492.00650 61000.100042 00997.263900 9 89810000021403. */
export function formatDigitableLine(line: string): string {
  const d = digitsOnly(line);
  assertDigits(d, 47, "digitable line");
  const field = (start: number, end: number) => `${d.slice(start, start + 5)}.${d.slice(start + 5, end)}`;
  return `${field(0, 10)} ${field(10, 21)} ${field(21, 32)} ${d[32]} ${d.slice(33)}`;
}

// Interleaved 2 of 5: each digit is five elements, two of them wide.
const ITF_DIGITS = ["nnwwn", "wnnnw", "nwnnw", "wwnnn", "nnwnw", "wnwnn", "nwwnn", "nnnww", "wnnwn", "nwnwn"];
const NARROW = 1;
// ITF allows a wide:narrow ratio of 2 to 3; 3 best survives ink spread on cheap printers.
const WIDE = 3;
const QUIET_ZONE = 10;
// About 13 mm tall for a 103 mm wide code, the FEBRABAN proportions.
const DEFAULT_HEIGHT = 54;

/** Element widths, alternating bar and space, starting and ending with a bar. */
function itfWidths(digits: string): number[] {
  const width = (pattern: string, i: number) => (pattern[i] === "w" ? WIDE : NARROW);
  const widths = [NARROW, NARROW, NARROW, NARROW];
  for (let p = 0; p < digits.length; p += 2) {
    const bars = ITF_DIGITS[Number(digits[p])]!;
    const spaces = ITF_DIGITS[Number(digits[p + 1])]!;
    for (let i = 0; i < 5; i++) widths.push(width(bars, i), width(spaces, i));
  }
  widths.push(WIDE, NARROW, NARROW);
  return widths;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function itfBarsSvg(barcode44: string, options: { label?: string; height?: number } = {}): string {
  assertDigits(barcode44, 44, "barcode");
  const label = options.label ?? "Boleto barcode";
  const height = options.height ?? DEFAULT_HEIGHT;
  const rects: string[] = [];
  let x = QUIET_ZONE;
  itfWidths(barcode44).forEach((w, i) => {
    if (i % 2 === 0) rects.push(`<rect x="${x}" y="0" width="${w}" height="${height}"/>`);
    x += w;
  });
  const width = x + QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img"` +
    ` aria-label="${escapeXml(label)}" shape-rendering="crispEdges">` +
    // Scanners need dark bars on light ground even when the page is dark.
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<g fill="#000">${rects.join("")}</g></svg>`
  );
}
