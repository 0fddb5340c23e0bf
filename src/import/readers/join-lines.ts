// Lines a document wrapped, joined back into one text: a word broken with a hyphen at the line's end is joined
// ("förutsätt-" + "ningarna" → "förutsättningarna"), but a hyphen that stands for a shared word part is kept
// ("Arbetsmarknads-" + "och socialnämnden" → "Arbetsmarknads- och socialnämnden").
const SHARED_PART = /^(och|eller|samt|respektive|resp\.|till|som|men|and|or)\b/u;

/** `separator` is what stands between lines that are not one broken word: a space, or a line break to keep the lines. */
export function joinLines(before: string, next: string, separator = " "): string {
  const a = before.trimEnd();
  const b = next.trimStart();
  if (!a) return b;
  if (!b) return a;
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b) && !SHARED_PART.test(b)) return `${a.slice(0, -1)}${b}`;
  return `${a}${separator}${b}`;
}
