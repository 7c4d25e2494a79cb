/** The languages the buyer's page speaks (SPEC 4); a session's `locale` is one of them or `auto`. */
export const LOCALES = ["en", "fr", "pt", "es"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A BCP 47 tag (`pt-BR`, `fr-FR`, `es-419`, `en`) in its canonical form, or null when it is not
 * one or its language is not one the page speaks.
 */
export function canonicalTag(tag: string): string | null {
  let canonical: string;
  try {
    [canonical = ""] = Intl.getCanonicalLocales(tag);
  } catch {
    return null;
  }
  return languageOf(canonical) ? canonical : null;
}

/** The language of the page for a tag: `pt-BR` → `pt`; null for one it does not speak. */
export function languageOf(tag: string): Locale | null {
  const lang = tag.toLowerCase().split(/[-_]/)[0]!;
  return (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : null;
}
