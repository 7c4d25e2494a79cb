// The buyer's mails (SPEC 9), as plain text and simple HTML in the buyer's language: the
// receipt of a paid session, and the instructions of a payment that takes days. Composed when
// sent, from the rows as they are then; the outbox row only says what to send to whom.
import type { MerchantRow } from "@/db/queries/merchants";
import type { PaymentRow } from "@/db/queries/payment-row";
import type { SessionRow } from "@/db/queries/sessions";
import type { Receipt } from "@/lib/checkout/receipt";
import { RECEIPT_COPY } from "@/lib/checkout/receipt-copy";
import { checkoutUrl } from "@/lib/checkout/serialize";
import { formatDateTime, formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { t } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money/currencies";
import { normalizeHexColor, textOn } from "@/lib/security/colors";

export type Composed = { subject: string; text: string; html: string };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Label and value rows: `label: value` lines in text, a two-column table in HTML. */
type Row = [label: string, value: string, mono?: boolean];

/** `label: value`, or in French `label : value` (a space before the colon). */
const colon = (locale: Locale) => (locale === "fr" ? "\u00a0: " : ": ");

function textRows(rows: Row[], locale: Locale): string {
  return rows.map(([label, value]) => `${label}${colon(locale)}${value}`).join("\n");
}

function htmlRows(rows: Row[]): string {
  const cells = rows
    .map(
      ([label, value, mono]) =>
        `<tr><td style="padding:4px 16px 4px 0;color:#475569;vertical-align:top">${esc(label)}</td>` +
        `<td style="padding:4px 0;${mono ? "font-family:monospace;word-break:break-all;" : ""}">${esc(value)}</td></tr>`,
    )
    .join("");
  return `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${cells}</table>`;
}

const testNotice = (lines: string[]) => lines.map((line) => `<p style="background:#fef3c7;padding:8px">${esc(line)}</p>`).join("");

/** The HTML frame of every mail: the merchant's colour, the body, one link, the footer. */
function htmlMail(o: { locale: Locale; title: string; brandColor: string | null; body: string; link: { href: string; label: string }; footer: string }) {
  // A validated hex only: the merchant's setting goes into a style attribute.
  const color = normalizeHexColor(o.brandColor) ?? "#0f766e";
  return (
    `<!DOCTYPE html><html lang="${o.locale}"><head><meta charset="utf-8"><title>${esc(o.title)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a">` +
    `<div style="max-width:560px;margin:0 auto;background:#fff;border-top:4px solid ${color};padding:24px">` +
    `<h1 style="font-size:20px;margin:0 0 16px">${esc(o.title)}</h1>${o.body}` +
    `<p style="margin:24px 0"><a href="${esc(o.link.href)}" style="background:${color};color:${textOn(color)};padding:10px 16px;text-decoration:none;border-radius:6px;display:inline-block">${esc(o.link.label)}</a></p>` +
    `<p style="font-size:12px;color:#64748b">${esc(o.footer)}</p></div></body></html>`
  );
}

export function composeReceipt(r: Receipt): Composed {
  const c = r.copy;
  const subject = t(c.mail.receiptSubject, { merchant: r.merchantName });
  const rows: Row[] = [
    [c.amountPaid, r.total],
    ...(r.refunded ? ([[c.refunded, r.refunded]] as Row[]) : []),
    [c.paidOn, r.paidOn],
    [c.method, r.method],
    [c.number, r.number, true],
  ];
  const intro = t(c.mail.receiptIntro, { merchant: r.merchantName });
  const test = r.livemode ? [] : [c.testMode];
  const items = r.items.map((li) => `${li.quantity} × ${li.name}${colon(r.locale)}${li.amount}`);
  const footer = t(c.mail.footer, { merchant: r.merchantName });
  const questions = t(c.questions, { merchant: r.merchantName });
  const text = [
    ...test,
    intro,
    "",
    textRows(rows, r.locale),
    ...(r.description ? ["", r.description] : []),
    ...(items.length ? ["", ...items, `${c.total}${colon(r.locale)}${r.total}`] : []),
    "",
    `${c.mail.viewOnline}${colon(r.locale)}${r.url}`,
    "",
    questions,
    "",
    "-- ",
    footer,
  ].join("\n");
  const itemsHtml = items.length
    ? `<table role="presentation" style="border-collapse:collapse;width:100%;margin:16px 0;border-top:1px solid #e2e8f0">` +
      r.items
        .map(
          (li) =>
            `<tr><td style="padding:6px 0;border-bottom:1px solid #e2e8f0">${li.quantity} × ${esc(li.name)}</td>` +
            `<td style="padding:6px 0;border-bottom:1px solid #e2e8f0;text-align:right;white-space:nowrap">${esc(li.amount)}</td></tr>`,
        )
        .join("") +
      `<tr><th style="padding:6px 0;text-align:left">${esc(c.total)}</th><td style="padding:6px 0;text-align:right;font-weight:600;white-space:nowrap">${esc(r.total)}</td></tr></table>`
    : "";
  const body =
    testNotice(test) +
    `<p>${esc(intro)}</p>${htmlRows(rows)}` +
    (r.description ? `<p>${esc(r.description)}</p>` : "") +
    itemsHtml +
    `<p style="color:#475569">${esc(questions)}</p>`;
  return { subject, text, html: htmlMail({ locale: r.locale, title: subject, brandColor: r.brandColor, body, link: { href: r.url, label: c.mail.viewOnline }, footer }) };
}

type Steps = { lead: string; rows: Row[] };

/** What the buyer does next for a pending payment, or null when its rail needs nothing of them. */
function nextSteps(payment: PaymentRow, locale: Locale): Steps | null {
  const m = RECEIPT_COPY[locale].mail;
  const amount = formatMoney(payment.amount, payment.currency, locale);
  const d = payment.details as Record<string, string | undefined>;
  switch (payment.rail) {
    case "boleto":
      if (!d.digitableLine || !d.dueDate) return null;
      return {
        lead: t(m.boleto, { date: formatDay(d.dueDate, locale) }),
        rows: [
          [m.digitableLine, d.digitableLine, true],
          [m.dueDate, formatDay(d.dueDate, locale)],
          ...(d.barcode ? ([[m.barcode, d.barcode, true]] as Row[]) : []),
        ],
      };
    case "transfer":
    case "virtual_account":
      if (!d.accountNumber || !d.bankName || !d.expiresAt) return null;
      return {
        lead: t(m.transfer, { amount, time: formatDateTime(new Date(d.expiresAt), locale, payment.currency) }),
        rows: [
          [m.bank, d.bankName],
          [m.accountNumber, d.accountNumber, true],
          ...(d.accountName ? ([[m.accountName, d.accountName]] as Row[]) : []),
        ],
      };
    case "direct_debit":
      if (!d.bank) return null;
      return { lead: t(m.directDebit, { bank: d.bank, amount, account: d.accountNumber ?? "" }), rows: [] };
    default:
      return null;
  }
}

/** The instructions of a pending payment; null when there are none to give. */
export function composeInstructions(session: SessionRow, payment: PaymentRow, merchant: MerchantRow, locale: Locale): Composed | null {
  const steps = nextSteps(payment, locale);
  if (!steps) return null;
  const c = RECEIPT_COPY[locale];
  const amount = formatMoney(payment.amount, payment.currency, locale);
  const subject = t(c.mail.instructionsSubject, { merchant: merchant.name });
  const intro = t(c.mail.instructionsIntro, { amount, merchant: merchant.name });
  const url = checkoutUrl(session.id);
  const footer = t(c.mail.footer, { merchant: merchant.name });
  const test = payment.livemode ? [] : [c.testMode];
  const text = [
    ...test,
    intro,
    "",
    steps.lead,
    ...(steps.rows.length ? ["", textRows(steps.rows, locale)] : []),
    "",
    c.mail.confirmation,
    `${c.mail.follow}${colon(locale)}${url}`,
    "",
    "-- ",
    footer,
  ].join("\n");
  const body =
    testNotice(test) +
    `<p>${esc(intro)}</p><p>${esc(steps.lead)}</p>` +
    (steps.rows.length ? htmlRows(steps.rows) : "") +
    `<p>${esc(c.mail.confirmation)}</p>`;
  return { subject, text, html: htmlMail({ locale, title: subject, brandColor: merchant.brandColor, body, link: { href: url, label: c.mail.follow }, footer }) };
}
