// Brazilian taxpayer ids, required for boletos. Since July 2026 a CNPJ may
// carry letters in its first 12 characters; the check digits stay numeric and
// each character counts as its ASCII code minus 48, so digits weigh as before.

export type TaxIdKind = "cpf" | "cnpj";

function strip(text: string): string {
  return text.replace(/[\s./-]/g, "").toUpperCase();
}

function allSame(text: string): boolean {
  return /^(.)\1*$/.test(text);
}

function value(char: string): number {
  return char.charCodeAt(0) - 48;
}

function cpfDigit(base: string): number {
  let sum = 0;
  for (let i = 0; i < base.length; i++) sum += value(base[i]!) * (base.length + 1 - i);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
}

function cnpjDigit(base: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = base.length - 1; i >= 0; i--) {
    sum += value(base[i]!) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function isValidCpf(text: string): boolean {
  const cpf = strip(text);
  if (!/^\d{11}$/.test(cpf) || allSame(cpf)) return false;
  const first = cpfDigit(cpf.slice(0, 9));
  return cpf.endsWith(`${first}${cpfDigit(cpf.slice(0, 9) + first)}`);
}

export function isValidCnpj(text: string): boolean {
  const cnpj = strip(text);
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || allSame(cnpj)) return false;
  const first = cnpjDigit(cnpj.slice(0, 12));
  return cnpj.endsWith(`${first}${cnpjDigit(cnpj.slice(0, 12) + first)}`);
}

/** Which id the buyer typed, without punctuation; null if it is neither a valid CPF nor CNPJ. */
export function parseTaxId(text: string): { kind: TaxIdKind; value: string } | null {
  const id = strip(text);
  if (isValidCpf(id)) return { kind: "cpf", value: id };
  if (isValidCnpj(id)) return { kind: "cnpj", value: id };
  return null;
}
