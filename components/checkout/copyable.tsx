import { CopyButton } from "@/components/ui/copy-button";
import { t, type Messages } from "@/lib/i18n/messages";

/** "Código Pix copia e cola" → "código Pix copia e cola": a label inside a sentence keeps its proper nouns. */
export function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** A value the buyer types into their bank's app: shown large, with a button that copies it. */
export function Copyable({ label, value, display, m, mono = true }: { label: string; value: string; display?: string; m: Messages; mono?: boolean }) {
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
