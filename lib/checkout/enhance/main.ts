// The buyer pages' only script (built to public/checkout.js by lib/build/client.mts). The
// pages are complete HTML that works without it; this adds what only script can do.
import { bridge } from "./embed";
import { checkFields, sendOnce } from "./forms";
import { copyButton, countDown, watchPayment } from "./page";

const all = <E extends Element>(selector: string) => Array.from(document.querySelectorAll<E>(selector));

all<HTMLElement>("[data-embed]").forEach(bridge);
all<HTMLFormElement>("form[data-errors]").forEach(checkFields);
all<HTMLFormElement>("form").forEach(sendOnce);
all<HTMLTimeElement>("time[data-countdown]").forEach(countDown);
all<HTMLButtonElement>("button[data-copy]").forEach(copyButton);
all<HTMLElement>("[data-live-status]").forEach(watchPayment);
// After a decline, an error or a rail switch the page is new: focus goes where the buyer is
// (the notice, the error summary, or the chosen rail's form), not back to the top of the page.
document.querySelector<HTMLElement>("[data-focus]")?.focus({ preventScroll: false });
// Paid: on to the merchant once this page has loaded (a meta refresh does it without script).
const next = document.querySelector<HTMLElement>("[data-go-to]")?.dataset.goTo;
if (next) addEventListener("load", () => location.replace(next));
