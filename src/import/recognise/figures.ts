// Suggested figures from a follow-up's wording: "ökade från 68 till 85 kurser", "83 personer", "ca 20 ärenden",
// "minst 5 utbildningar". Suggestions only: the preview shows the phrase and the user confirms. Years, dates, measure
// numbers and money in the text are not figures.
import type { DraftFigure } from "./draft.ts";
import { fold } from "./fold.ts";

const NUMBER = String.raw`\d{1,3}(?:[  \u202f]\d{3})+|\d+(?:[.,]\d+)?`;
const UNIT = String.raw`[\p{Ll}][\p{L}-]{2,30}`;

const QUALIFIERS: Array<[RegExp, string]> = [
  [/^(ca|cirka|ungefar|omkring|runt)$/u, "approx"],
  [/^(minst|over|mer an|fler an)$/u, "at_least"],
  [/^(hogst|hogst|under|max|maximalt|farre an)$/u, "at_most"],
];

/** Words after a number that say it is not a count of something (time, money, ordinal). */
const NOT_A_UNIT = /^(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|ar|aret|arets|arig|ariga|manad|manader|veckor|vecka|dagar|dag|timmar|timme|kr|kronor|miljoner|miljon|tkr|mkr|procent|och|eller|till|av|i|pa|for|med|som|att|det|den|de|en|ett|nar|under|sidan|sid|kap|kapitel)$/u;

function parseNumber(text: string): number {
  return Number(text.replace(/[  \u202f]/g, "").replace(",", "."));
}

const isYear = (n: number, raw: string) => /^\d{4}$/.test(raw) && n >= 1900 && n <= 2100;

export function figuresIn(text: string): DraftFigure[] {
  const figures: DraftFigure[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([a, b]) => start < b && end > a);
  const yearNear = (index: number) => {
    const around = text.slice(Math.max(0, index - 80), index + 80);
    const year = /\b(?:under|i|for|år|ar)\s+(20\d{2}|19\d{2})\b/u.exec(fold(around));
    return year ? Number(year[1]) : null;
  };

  // "från 68 till 85 [unit]": a change, the first number the baseline.
  const change = new RegExp(String.raw`\b[Ff]r[åa]n\s+(${NUMBER})\s+(?:(${UNIT})\s+)?till\s+(${NUMBER})(?:\s+(${UNIT}))?`, "gu");
  for (const match of text.matchAll(change)) {
    const [whole, fromRaw, unitBefore, toRaw, unitAfter] = match;
    const from = parseNumber(fromRaw!);
    const to = parseNumber(toRaw!);
    if (isYear(from, fromRaw!) || isYear(to, toRaw!)) continue;
    const unit = [unitAfter, unitBefore].find((u) => u && !NOT_A_UNIT.test(fold(u))) ?? null;
    const start = match.index!;
    // The phrase ends at the last number, or at the unit after it when that is one.
    const phrase = unit && unit === unitAfter ? whole : whole.slice(0, whole.lastIndexOf(toRaw!) + toRaw!.length);
    taken.push([start, start + phrase.length]);
    figures.push({ name: nameBefore(text, start) ?? unit ?? "", value: to, unit, qualifier: null, baseline: from, target: null, year: yearNear(start), phrase });
  }

  // "[ca] 83 personer".
  const count = new RegExp(String.raw`(?:\b([Cc]a|[Cc]irka|[Uu]ngefär|[Oo]mkring|[Rr]unt|[Mm]inst|[Öö]ver|[Hh]ögst|[Dd]rygt|[Kk]nappt)\.?\s+)?(?<![\d.:,])(${NUMBER})(?![\d.:,]\d)\s+(${UNIT})`, "gu");
  for (const match of text.matchAll(count)) {
    const [whole, qualifierRaw, numberRaw, unitRaw] = match;
    const start = match.index!;
    if (overlaps(start, start + whole.length)) continue;
    const value = parseNumber(numberRaw!);
    if (isYear(value, numberRaw!) || NOT_A_UNIT.test(fold(unitRaw!))) continue;
    // A number right after a measure word is its number ("Aktivitet 2 ska"), not a count.
    if (/(aktivitet|atgard|insats|mal|inriktningsmal|fokusomrade|sidan|kapitel|punkt|steg|fas|nr)\s*$/u.test(fold(text.slice(Math.max(0, start - 20), start)))) continue;
    let qualifier: string | null = null;
    if (qualifierRaw) {
      const q = fold(qualifierRaw);
      qualifier = q === "drygt" ? "at_least" : q === "knappt" ? "at_most" : QUALIFIERS.find(([p]) => p.test(q))?.[1] ?? null;
    }
    taken.push([start, start + whole.length]);
    figures.push({ name: unitRaw!, value, unit: unitRaw!, qualifier, baseline: null, target: null, year: yearNear(start), phrase: whole.trim() });
  }
  return figures;
}

/** "Antalet föräldrakurser har ökat från …": the thing counted, when the sentence names it with "antalet". */
function nameBefore(text: string, index: number): string | null {
  const before = text.slice(Math.max(0, index - 120), index);
  const sentence = before.split(/[.!?]\s/).pop() ?? before;
  const match = /\bantal(?:et)?\s+([\p{L}-]+(?:\s+[\p{L}-]+)?)/iu.exec(sentence);
  if (!match) return null;
  const words = match[1]!.split(/\s+/).filter((w) => !/^(har|hade|som|ökade|okade|ökat|okat|minskade|minskat|gick|blev|var|är|ar|utokats|utökats|steg)$/iu.test(w));
  return words.length ? words.join(" ") : null;
}
