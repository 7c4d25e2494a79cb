// What the buyer does while a payment waits, one block per rail (SPEC 3.1 `pending`).
import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PaymentRow } from "@/db/queries/payments";
import { formatDateTime, formatDay } from "@/lib/i18n/format";
import { t, type Messages } from "@/lib/i18n/messages";
import type { NextAction } from "@/lib/rails";
import { formatDigitableLine, itfBarsSvg } from "@/lib/rails/boleto/boleto";
import { displayPhone } from "@/lib/rails/mobile_money/phone";
import { LiveStatus } from "./live-status";

type Props = {
  sessionId: string;
  payment: Pick<PaymentRow, "id" | "rail" | "currency" | "details" | "nextAction">;
  /** A Pix payment's QR code (lib/rails/pix.ts pixQrSvg), made before rendering. */
  qrSvg?: string | null;
  livemode: boolean;
  amountText: string;
  merchantName: string;
  locale: string;
  m: Messages;
  embedded?: boolean;
};

/** "Código Pix copia e cola" → "código Pix copia e cola": a label inside a sentence keeps its proper nouns. */
function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function Copyable({ label, value, display, m, mono = true }: { label: string; value: string; display?: string; m: Messages; mono?: boolean }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 py-2">
      <dt className="w-full text-sm text-slate-700">{label}</dt>
      <dd className={`min-w-0 text-lg font-semibold [overflow-wrap:anywhere] ${mono ? "font-mono" : ""}`}>
        {/* Lines break between groups (a boleto's digitable line), never inside one. */}
        {(display ?? value).split(" ").map((group, i) => (
          <span key={i} className="whitespace-nowrap">
            {i > 0 ? " " : ""}
            {group}
          </span>
        ))}
      </dd>
      <dd>
        <CopyButton text={value} label={t(m.copyWhat, { what: lowerFirst(label) })} copiedLabel={m.copied} />
      </dd>
    </div>
  );
}

function Instructions({ payment, qrSvg, amountText, merchantName, locale, m, sessionId }: Props) {
  const action = payment.nextAction as NextAction | null;
  const p = m.pending;
  switch (action?.type) {
    case "three_d_secure":
      return (
        <div className="space-y-3">
          <h3 className="font-semibold">{p.threeDsTitle}</h3>
          <p className="text-slate-700">{p.threeDsBody}</p>
          <a href={`/checkout/${sessionId}/3ds`} className={buttonClass.primary}>
            {p.threeDsContinue}
          </a>
        </div>
      );
    case "bank_transfer":
      return (
        <div className="space-y-2">
          <h3 className="font-semibold">{t(p.transferTitle, { amount: amountText })}</h3>
          <dl className="divide-y divide-slate-200">
            <Copyable label={p.amount} value={amountText} m={m} mono={false} />
            <div className="py-2">
              <dt className="text-sm text-slate-700">{p.bankName}</dt>
              <dd className="text-lg font-semibold">{action.bankName}</dd>
            </div>
            <Copyable label={p.accountNumber} value={action.accountNumber} m={m} />
            <div className="py-2">
              <dt className="text-sm text-slate-700">{p.accountName}</dt>
              <dd className="font-semibold break-words">{action.accountName}</dd>
            </div>
          </dl>
          <p className="text-sm text-slate-700">
            {p.transferExact} {t(p.validUntil, { time: formatDateTime(new Date(action.expiresAt), locale, payment.currency) })}
          </p>
          {payment.rail === "virtual_account" ? <p className="text-sm text-slate-700">{t(p.virtualAccountReuse, { merchant: merchantName })}</p> : null}
        </div>
      );
    case "ussd":
      return (
        <div className="space-y-3">
          <h3 className="font-semibold">{t(p.ussdTitle, { bank: String(payment.details.bank) })}</h3>
          <p>
            <a href={action.telUrl} className="inline-block rounded-md bg-slate-900 px-4 py-3 font-mono text-xl font-semibold text-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-slate-900 break-all">
              {action.dialString}
            </a>
          </p>
          <CopyButton text={action.dialString} label={m.copy} copiedLabel={m.copied} />
          <p className="text-sm text-slate-700">{t(p.ussdHint, { amount: amountText })}</p>
        </div>
      );
    case "pix": {
      return (
        <div className="space-y-3">
          <h3 className="font-semibold">{p.pixTitle}</h3>
          {/* The SVG is ours (qrcode), labelled for screen readers. */}
          <div className="mx-auto w-56 max-w-full bg-white [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: qrSvg ?? "" }} />
          <p className="text-sm text-slate-700">{p.pixHint}</p>
          <label htmlFor="pix-code" className="block text-sm font-medium">
            {p.pixCode}
          </label>
          <textarea id="pix-code" readOnly rows={7} value={action.brCode} className="block w-full rounded-md border border-slate-400 p-2 font-mono text-xs break-all [field-sizing:content]" />
          <CopyButton text={action.brCode} label={t(m.copyWhat, { what: lowerFirst(p.pixCode) })} copiedLabel={m.copied} />
          <p className="text-sm text-slate-700">{t(p.validUntil, { time: formatDateTime(new Date(action.expiresAt), locale, payment.currency) })}</p>
        </div>
      );
    }
    case "boleto":
      return (
        <div className="space-y-3">
          <h3 className="font-semibold">{t(p.boletoTitle, { date: formatDay(action.dueDate, locale) })}</h3>
          <dl>
            <Copyable label={p.boletoLine} value={action.digitableLine} display={formatDigitableLine(action.digitableLine)} m={m} />
          </dl>
          <div className="w-full overflow-hidden bg-white [&>svg]:h-16 [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: itfBarsSvg(action.barcode, { label: p.boletoBarcode }) }} />
          <p className="text-sm text-slate-700">{p.boletoHint}</p>
        </div>
      );
    case "approve_on_phone":
      return (
        <div className="space-y-2">
          <h3 className="font-semibold">{p.mobileTitle}</h3>
          <p className="text-slate-700">{t(p.mobileBody, { amount: amountText, phone: displayPhone(action.phone), operator: action.operator })}</p>
        </div>
      );
    case "await_debit":
      return (
        <div className="space-y-2">
          <h3 className="font-semibold">{p.debitTitle}</h3>
          <p className="text-slate-700">
            {t(p.debitBody, { bank: action.bank, amount: amountText, account: String(payment.details.accountNumber) })}
          </p>
        </div>
      );
    default:
      return null;
  }
}

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
        <p className="text-sm text-slate-700">{m.pending.autoUpdate}</p>
      </div>
      <Instructions {...props} />
      <LiveStatus sessionId={sessionId} paymentId={payment.id} embedded={embedded} />
      {!livemode ? (
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
      <form method="post" action={`/checkout/${sessionId}/another-way`}>
        <button type="submit" className="text-sm text-slate-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-slate-900">
          {m.pending.payAnotherWay}
        </button>
      </form>
    </section>
  );
}
