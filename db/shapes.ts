// What the JSON columns of a session hold, as zod schemas: db/schema.ts types the columns with
// them, and lib/checkout/schemas.ts returns them as they are and builds on them what it accepts
// into each field (its rules need the URL and tax-id checks of the layers above, so they stay
// there; the compiler holds the two to the same shape).
import { z } from "zod";

/** One line of an order (SPEC 2.1 `lineItems`). */
export const lineItemShape = z.object({
  name: z.string(),
  unitAmount: z.int(),
  quantity: z.int(),
  description: z.string().optional(),
  imageUrl: z.string().optional(),
});

/** The customer as given at create (SPEC 2.1); the document type is stored lower case. */
export const customerShape = z.object({
  email: z.string().optional(),
  phone: z.string().optional(),
  name: z.string().optional(),
  document: z.object({ type: z.string(), number: z.string() }).optional(),
});

/** BRL card payments may be split: the most parts the buyer may choose. */
export const installmentsShape = z.object({ maxCount: z.int() });

export type LineItem = z.output<typeof lineItemShape>;
export type Customer = z.output<typeof customerShape>;
export type Installments = z.output<typeof installmentsShape>;
