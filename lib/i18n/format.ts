// Server-rendered dates: the page cannot know the phone's time zone, so it shows the
// currency's home zone and names it.
const ZONES: Record<string, string> = {
  NGN: "Africa/Lagos",
  BRL: "America/Sao_Paulo",
  XOF: "Africa/Abidjan",
  XAF: "Africa/Douala",
  GHS: "Africa/Accra",
  KES: "Africa/Nairobi",
  UGX: "Africa/Kampala",
  RWF: "Africa/Kigali",
  TZS: "Africa/Dar_es_Salaam",
  ZMW: "Africa/Lusaka",
};

export function zoneFor(currency: string): string {
  return ZONES[currency] ?? "UTC";
}

export function formatDateTime(d: Date, locale: string, currency: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zoneFor(currency),
    timeZoneName: "short",
  }).format(d);
}

/** A calendar date given as YYYY-MM-DD, in the locale's words. */
export function formatDay(isoDay: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDay}T12:00:00Z`));
}

/** The day-month order each language writes: English as in Nigeria and Ghana ("2 Dec"), not the US. */
const DATE_LOCALE: Record<string, string> = { en: "en-GB" };

/**
 * A moment within the next days as a person says it after "on": "2 Dec at 14:30 GMT+1",
 * "2 déc. à 14:30", "2 de dez. às 14:30", "2 dic a las 14:30" (the zone named, as the server
 * cannot know the phone's). Portuguese and Spanish say the hour with its article: "à 1:05",
 * "a la 1:05".
 */
export function formatWhen(d: Date, locale: string, currency: string): string {
  const timeZone = zoneFor(currency);
  const date = new Intl.DateTimeFormat(DATE_LOCALE[locale] ?? locale, { day: "numeric", month: "short", timeZone }).format(d);
  const parts = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "short" }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = Number(part("hour"));
  const time = `${part("hour")}:${part("minute")} ${part("timeZoneName")}`.trim();
  const at = { en: "at", fr: "à", pt: hour === 1 ? "à" : "às", es: hour === 1 ? "a la" : "a las" }[locale] ?? "";
  return `${date} ${at} ${time}`;
}
