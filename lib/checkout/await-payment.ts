import type { Database } from "@/db/client";
import { transitionPayment } from "@/db/queries/payments";
import { recordEvent } from "@/lib/events/record";
import type { NextAction } from "@/lib/rails";
import { paymentToObject } from "./serialize";
import { PAYMENT_MOVES } from "./transitions";

export type AwaitPaymentOptions = { paymentId: string; nextAction: NextAction | null; at: Date };

/**
 * The buyer finished on the processor's page and the money is now on its way (a direct debit
 * once its mandate is consented): one conditional update and its `payment.pending` event.
 * A second call finds nothing to move and changes nothing.
 */
export async function awaitPayment(db: Database, opts: AwaitPaymentOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const moved = await transitionPayment(tx, { id: opts.paymentId, ...PAYMENT_MOVES.authorize, set: { nextAction: opts.nextAction } });
    if (!moved) return;
    await recordEvent(tx, { merchantId: moved.merchantId, livemode: moved.livemode, type: "payment.pending", object: paymentToObject(moved), at: opts.at });
  });
}
