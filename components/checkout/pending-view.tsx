// What the buyer does while a payment waits (SPEC 3.1 `pending`): the rail's instructions
// (components/checkout/rails), live updates, and the ways out.
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Messages } from "@/lib/i18n/messages";
import { LiveStatus } from "./live-status";
import { RailInstructions, type RailPendingProps } from "./rails";

type Props = Omit<RailPendingProps, "action"> & {
  livemode: boolean;
  m: Messages;
};

export function PendingView(props: Props) {
  const { sessionId, payment, livemode, m, embedded } = props;
  return (
    <section aria-labelledby="pending-heading" className="space-y-4">
      {/* Without script the page reloads itself; with it, LiveStatus polls instead. */}
      <noscript dangerouslySetInnerHTML={{ __html: '<meta http-equiv="refresh" content="5">' }} />
      <div role="status">
        <h2 id="pending-heading" className="text-lg font-semibold">
          {m.pending.title}
        </h2>
        {/* Unanswered, the notice below makes the same promise: once is enough. */}
        {payment.nextAction ? <p className="text-sm text-slate-700">{m.pending.autoUpdate}</p> : null}
      </div>
      {payment.nextAction ? null : (
        // The processor did not answer the start (SPEC 8): reconciliation learns what became of it.
        <Alert tone="info" live>
          {m.pending.unanswered}
        </Alert>
      )}
      <RailInstructions {...props} />
      <LiveStatus sessionId={sessionId} paymentId={payment.id} embedded={embedded} />
      {!livemode && payment.provider === "sandbox" ? (
        <form method="post" action={`/checkout/${sessionId}/simulate`} aria-label={m.pending.sandboxControls} className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
          <p className="text-sm font-semibold text-amber-950">{m.pending.sandboxControls}</p>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <SubmitButton variant="secondary" name="outcome" value="succeeded" pendingLabel={m.pay.processing}>
              {m.pending.simulateSuccess}
            </SubmitButton>
            <SubmitButton variant="secondary" name="outcome" value="failed" pendingLabel={m.pay.processing}>
              {m.pending.simulateFailure}
            </SubmitButton>
          </div>
        </form>
      ) : null}
      <form method="post" action={`/checkout/${sessionId}/another-way`} className="space-y-1">
        {payment.lateMoneyRefunded ? (
          <p id="late-money" className="text-sm text-slate-700">
            {m.pending.lateMoneyRefunded}
          </p>
        ) : null}
        <button type="submit" aria-describedby={payment.lateMoneyRefunded ? "late-money" : undefined} className="text-sm text-slate-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-slate-900">
          {m.pending.payAnotherWay}
        </button>
      </form>
    </section>
  );
}
