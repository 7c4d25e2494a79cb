/** The languages the buyer's page speaks (SPEC 4); a session's `locale` is one of them or `auto`. */
export const LOCALES = ["en", "fr", "pt", "es"] as const;
export type Locale = (typeof LOCALES)[number];
