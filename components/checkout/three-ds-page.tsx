// The sandbox's 3-D Secure challenge: where a real issuer's page would be. Like the checkout
// page, plain HTML without framework script; its form posts to app/checkout/[id]/challenge.
import { SubmitButton } from "@/components/ui/submit-button";
import type { PageAssets } from "@/lib/api/buyer-page";
import type { ChallengePageProps } from "@/lib/checkout/page-props";
import { MESSAGES, t } from "@/lib/i18n/messages";
import { BuyerPage } from "./buyer-page";

type Props = Extract<ChallengePageProps, { frame: unknown }> & { assets: PageAssets };

export function ThreeDsPageView({ frame, sessionId, amountText, last4, assets }: Props) {
  const m = MESSAGES[frame.locale];
  const merchant = frame.merchant.name;
  return (
    <BuyerPage frame={frame} title={`${m.threeDs.title} · ${merchant}`} assets={assets}>
      <section aria-labelledby="tds-heading" className="space-y-4">
        <h2 id="tds-heading" className="text-lg font-semibold">
          {m.threeDs.title}
        </h2>
        {!frame.livemode ? <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">{m.threeDs.sandboxNote}</p> : null}
        <p>{t(m.threeDs.body, { amount: amountText, merchant, last4 })}</p>
        <form method="post" action={`/checkout/${sessionId}/challenge`} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SubmitButton name="outcome" value="complete" pendingLabel={m.pay.processing}>
            {m.threeDs.complete}
          </SubmitButton>
          <SubmitButton name="outcome" value="fail" variant="secondary" pendingLabel={m.pay.processing}>
            {m.threeDs.fail}
          </SubmitButton>
        </form>
      </section>
    </BuyerPage>
  );
}
