// The stand-ins for Paystack's hosted pages (checkout.paystack.com, the mandate consent page):
// plain HTML forms, so they work with JavaScript off and in any browser test.
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// Every currency the document lists (GHS, KES, NGN, ZAR, USD) has two decimals.
export const formatAmount = (amount: number, currency: string) =>
  `${currency} ${(amount / 100).toLocaleString("en-NG", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}form{display:inline}button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}</style>
</head><body>
<p><strong>Paystack emulator</strong> (test harness)</p>
${body}
</body></html>`;
}

function action(path: string, id: string, label: string): string {
  return `<form method="post" action="${esc(path)}"><input type="hidden" name="action" value="${id}"><button type="submit" id="${id}">${esc(label)}</button></form>`;
}

export function payPage(p: { accessCode: string; amount: number; currency: string; email: string; reference: string }): string {
  const path = `/pay/${encodeURIComponent(p.accessCode)}`;
  return layout(
    "Pay",
    `<h1>Pay <span id="amount">${esc(formatAmount(p.amount, p.currency))}</span></h1>
<p>To <span id="email">${esc(p.email)}</span>, reference <code id="reference">${esc(p.reference)}</code></p>
<p>Card: visa ending 4081</p>
${action(path, "pay", "Pay")}${action(path, "decline", "Decline")}`,
  );
}

export function mandatePage(p: { accessCode: string; email: string; bank: string; accountNumber: string | null }): string {
  const path = `/mandate/${encodeURIComponent(p.accessCode)}`;
  const account = p.accountNumber ? `, account ending ${esc(p.accountNumber.slice(-4))}` : "";
  return layout(
    "Authorize direct debit",
    `<h1>Authorize direct debit</h1>
<p>For <span id="email">${esc(p.email)}</span> at ${esc(p.bank)}${account}</p>
${action(path, "authorize", "Authorize")}${action(path, "decline", "Decline")}`,
  );
}

export function donePage(message: string): string {
  return layout("Done", `<h1>${esc(message)}</h1>`);
}

export function notFoundPage(): string {
  return layout("Not found", "<h1>This payment link is not valid</h1>");
}
