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
