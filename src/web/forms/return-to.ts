// "Return you where you came from": a form or link carries the page it came from; only paths on this site are followed.

/** `value` if it is a local path ("/…", not "//…", no backslash, no line break), else `fallback`. */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\") || /[\r\n]/.test(value)) return fallback;
  return value;
}
