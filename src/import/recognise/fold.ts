// Text folded for matching: lower case, Swedish letters to their bare forms, the digits OCR puts in for letters inside
// words ("f6r", "st6d") to the letters. Every character maps to exactly one, so a match's position in the folded text is
// its position in the original.

const LETTERS: Record<string, string> = {
  å: "a", ä: "a", à: "a", á: "a", â: "a", ö: "o", ø: "o", ó: "o", ô: "o", é: "e", è: "e", ë: "e", ü: "u",
};

export function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const one = lower.length === 1 ? lower : ch;
    out += LETTERS[one] ?? one;
  }
  // "6" and "0" between letters, or after a letter at a word's end, are OCR's "ö"/"o".
  return out.replace(/(?<=\p{L})[60](?=\p{L}|\b)/gu, "o");
}

/** Whitespace collapsed to single spaces, ends trimmed. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** Folded and squashed, with punctuation dropped: for comparing names and titles. */
export function comparable(text: string): string {
  return squash(fold(text).replace(/[^\p{L}\p{N}]+/gu, " "));
}
