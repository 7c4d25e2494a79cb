// Boleto (BRL): needs the payer's name and CPF or CNPJ; a slip with a 44-digit barcode and a
// 47-digit digitable line, due some days later.
import { z } from "zod";
import { defineRail, text } from "../rail";
import { BOLETO_MAX_CENTS, type Boleto } from "./boleto";
import { copy } from "./copy";
import { parseTaxId } from "./document";

const details = z.object({ barcode: z.string(), digitableLine: z.string(), dueDate: z.iso.date() });
const slipAction = z.object({ type: z.literal("boleto"), ...details.shape });

export const boleto = defineRail({
  id: "boleto",
  currencies: ["BRL"],
  fields: {
    name: text(200).optional(),
    document: z
      .union([text(40), z.strictObject({ type: text(20), number: text(40) })])
      .optional()
      .meta({ description: "CPF or CNPJ (boleto): the number, or {type, number}." }),
  },
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check(input, session, _at, p) {
    if (session.amount > BOLETO_MAX_CENTS) p.add(["rail"], "amount_too_large");
    const name = input.name || session.customerName || "";
    if (!name) p.add(["name"], "name_required");
    const raw = typeof input.document === "object" ? input.document.number : (input.document ?? session.customerDocument ?? "");
    const taxId = raw ? parseTaxId(raw) : null;
    if (!raw) p.add(["document"], "document_required");
    else if (!taxId) p.add(["document"], "document_invalid");
    if (!taxId || p.count) return null;
    return { rail: "boleto", name, document: { type: taxId.kind, number: taxId.value } };
  },
  details,
  nextActions: [slipAction],
  copy,
});

/** Due `days` after `at`: payable until that day ends in São Paulo (UTC-3), 03:00 UTC the next day. */
export function boletoDue(at: Date, days: number): { dueDate: string; deadline: Date } {
  const due = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + days));
  return { dueDate: due.toISOString().slice(0, 10), deadline: new Date(due.getTime() + 27 * 3_600_000) };
}

/** A payment by the slip `slip`, due on `dueDate` (YYYY-MM-DD). */
export function boletoSlip(slip: Boleto, dueDate: string) {
  const { barcode, digitableLine } = slip;
  return {
    nextAction: { type: "boleto", barcode, digitableLine, dueDate } satisfies z.output<typeof slipAction>,
    details: { barcode, digitableLine, dueDate } satisfies z.output<typeof details>,
  };
}
