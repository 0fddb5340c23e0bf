// "Return you where you came from": a form carries the page it was opened from; only paths on this site are followed.

/** `value` if it is a local path ("/…", not "//…" or "/\…"), else `fallback`. */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || /[\r\n]/.test(value)) return fallback;
  return value;
}
