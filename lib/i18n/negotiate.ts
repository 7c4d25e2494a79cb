import { languageOf, LOCALES, type Locale } from "./locales";

/** The session's language (`pt-BR` → `pt`), or for "auto" the best match in Accept-Language, else English. */
export function resolveLocale(sessionLocale: string, acceptLanguage: string | null): Locale {
  if (sessionLocale !== "auto") {
    const lang = languageOf(sessionLocale);
    if (lang) return lang;
  }
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: (tag ?? "").toLowerCase().split("-")[0]!, q: q ? Number(q) : 1, i };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked.find((x) => (LOCALES as readonly string[]).includes(x.lang))?.lang as Locale) ?? "en";
}
