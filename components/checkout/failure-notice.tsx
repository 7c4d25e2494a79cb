import { Alert } from "@/components/ui/alert";
import type { Messages } from "@/lib/i18n/messages";

type Failure = keyof Messages["pay"]["failures"];
type Notice = keyof Messages["pay"]["notices"];

/** Why the last attempt did not go through, announced when the page comes back. Codes come
 * from the URL or a provider: only the tables' own keys count, never `__proto__` and kin.
 * "Choose another payment method" only when the session offers another one. */
export function FailureNotice({ failureCode, notice, otherRails, m }: { failureCode: string | null; notice: string | null; otherRails: boolean; m: Messages }) {
  if (notice) {
    const text = m.pay.notices[(Object.hasOwn(m.pay.notices, notice) ? notice : "generic") as Notice];
    return <Alert tone="error" live focus title={text} />;
  }
  if (!failureCode) return null;
  const reason = m.pay.failures[(Object.hasOwn(m.pay.failures, failureCode) ? failureCode : "generic") as Failure];
  return (
    <Alert tone="error" live focus title={m.pay.failedTitle}>
      {reason} {otherRails ? m.pay.tryAgain : m.pay.tryAgainOnly}
    </Alert>
  );
}
