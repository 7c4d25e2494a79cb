/** #rgb or #rrggbb, else null: the only shape a brand colour may take into CSS. */
export function normalizeHexColor(input: string | null | undefined): string | null {
  if (!input) return null;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(input.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return `#${hex.toLowerCase()}`;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Black or white, whichever reads better on the brand colour (WCAG contrast). */
export function textOn(hex: string): "#000000" | "#ffffff" {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

/**
 * The brand colour as CSS custom properties, in a style element carrying the page's CSP nonce.
 */
export function brandCss(brandColor: string | null | undefined): string {
  const brand = normalizeHexColor(brandColor) ?? "#0f766e";
  return `:root{--brand:${brand};--on-brand:${textOn(brand)}}`;
}
