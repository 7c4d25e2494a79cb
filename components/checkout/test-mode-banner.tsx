import type { Messages } from "@/lib/i18n/messages";
import { SANDBOX_CARDS } from "@/lib/providers/sandbox";

/** Test mode: says so, and lists the sandbox's test values (SPEC 3.3) where the buyer pays. */
export function TestModeBanner({ m }: { m: Messages }) {
  return (
    <aside aria-label={m.testMode} className="mb-3 rounded-md bg-amber-100 px-3 py-2 text-sm text-amber-950">
      <p>
        <strong>{m.testMode}.</strong> {m.testModeHint}
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer font-medium underline underline-offset-2">{m.testValues.summary}</summary>
        <p className="mt-2">{m.testValues.cardsIntro}</p>
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th scope="col" className="pr-2 font-semibold">{m.testValues.number}</th>
              <th scope="col" className="font-semibold">{m.testValues.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(SANDBOX_CARDS).map(([number, outcome]) => (
              <tr key={number}>
                <td className="pr-2 font-mono whitespace-nowrap">{number}</td>
                <td>{m.testValues.outcomes[outcome]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2">{m.testValues.otherRails}</p>
      </details>
    </aside>
  );
}
