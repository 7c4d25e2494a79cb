// The boleto form's check in the buyer's browser: a CPF or CNPJ with valid check digits.
import type { BrowserRail } from "../rail";
import { isValidCnpj, isValidCpf } from "./document";

export const boleto: BrowserRail = {
  checks: {
    document: ({ value }) => (!value ? "document_required" : isValidCpf(value) || isValidCnpj(value) ? null : "document_invalid"),
  },
};
