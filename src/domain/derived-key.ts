// Keys and address parts made from a name people typed: "Påbörjad – planering" → "paborjad-planering". Unique
// within their list by adding -2, -3 … on a clash.

const FOLD: Record<string, string> = { å: "a", ä: "a", ö: "o", é: "e", è: "e", ü: "u", æ: "ae", ø: "o", ß: "ss" };

/**
 * Lower-case a–z, digits and single separators ("-" for addresses, "_" for the keys software looks for); "" when
 * nothing usable is left. At most `max` characters.
 */
export function keyFromName(name: string, max = 60, separator: "-" | "_" = "-"): string {
  const folded = name
    .toLowerCase()
    .replace(/[åäöéèüæøß]/g, (c) => FOLD[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const key = folded.replace(/[^a-z0-9]+/g, separator).replace(/^[-_]+|[-_]+$/g, "");
  return key.slice(0, max).replace(/[-_]+$/g, "");
}

/** `base` if free, else `base-2`, `base-3` … (the first one not taken). */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
