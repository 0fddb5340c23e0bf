// Small formatting shared by the compiled report's renderers.
import type { Locale } from "../../domain/vocabulary.ts";
import { formatNumber } from "../../web/i18n/index.ts";

/** A change as people write it: "+2", "−1" (minus sign), "±0". */
export function signedNumber(value: number, locale: Locale): string {
  const text = formatNumber(Math.abs(value), locale);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : "±0";
}
