// INTERIM (issue 13, point 3): the type of what the buyer has to do next, here only so that
// db/schema.ts (which sits above lib/rails, below lib/providers) can type payments.next_action.
// It gives way to the per-rail modules' own shapes when those move into lib/rails; until then
// lib/providers/types.ts re-exports it and lib/checkout/schemas.ts checks nextActionObject
// against it.

/** What the buyer has to do next, or null when nothing. */
export type NextAction =
  | { type: "three_d_secure"; url: string }
  | { type: "bank_transfer"; bankName: string; accountNumber: string; accountName: string; expiresAt: string }
  | { type: "ussd"; dialString: string; telUrl: string }
  | { type: "pix"; brCode: string; expiresAt: string }
  | { type: "boleto"; barcode: string; digitableLine: string; dueDate: string }
  | { type: "approve_on_phone"; operator: string; phone: string }
  | { type: "await_debit"; bank: string };
