// Message lookup with interpolation and plurals, for the user's locale.
import type { Locale } from "../../domain/vocabulary.ts";
import { en } from "./en.ts";
import { sv, type MessageKey, type Messages } from "./sv.ts";

export type { MessageKey, Locale };
export const locales: readonly Locale[] = ["sv", "en"];
const catalogs: Record<Locale, Messages> = { sv, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  const plural = new Intl.PluralRules(locale === "sv" ? "sv-SE" : "en-GB");
  return (key, params) => {
    const entry = catalog[key] as string | { one: string; other: string };
    if (typeof entry === "string") return interpolate(entry, params);
    const count = Number(params?.count ?? 0);
    return interpolate(plural.select(count) === "one" ? entry.one : entry.other, params);
  };
}

export function isLocale(value: unknown): value is Locale {
  return value === "sv" || value === "en";
}

/** Dates as people in each language write them: "31 mars 2022" / "31 March 2022". */
export function formatDate(iso: string | Date | null | undefined, locale: Locale): string {
  if (!iso) return "";
  const date = typeof iso === "string" ? new Date(`${iso.slice(0, 10)}T12:00:00Z`) : iso;
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Stockholm" }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 2 }).format(value);
}

export function yearOf(iso: string): string {
  return iso.slice(0, 4);
}

/** Date and time in Swedish time: "8 november 2026 kl. 14:05" / "8 November 2026 at 14:05" (long), or shorter (medium). */
export function formatDateTime(date: Date, locale: Locale, style: "long" | "medium" = "long"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "sv-SE", { dateStyle: style, timeStyle: "short", timeZone: "Europe/Stockholm" }).format(date);
}

/** The catalog has a message under this key (both catalogs have the same keys, checked by their types). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, key);
}

/** The message under `key`, or `fallback` when the catalog has none (an action or type from newer code or data). */
export function messageOr(t: Translate, key: string, fallback: string): string {
  return hasMessage(key) ? t(key) : fallback;
}
