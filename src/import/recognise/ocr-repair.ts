// Repairs the Swedish letters OCR loses or breaks: "fran" → "från", "f6r" → "för", "Malmé" → "Malmö", "nira" → "nära",
// "forildrakurser" → "föräldrakurser". Candidates come from the characters OCR confuses; they are weighed by the target
// plan's own texts (which say "våld" hundreds of times), the document's own correctly read words, and a Swedish word
// list. A broken form that is itself a word ("vald", "for", "far") is only repaired when the plan or the document
// clearly prefers the other. Every repair is reported.
import type { Repair, Where } from "./draft.ts";
import { swedishWords, type SwedishWords } from "./swedish-words.ts";

/** What OCR reads for a letter, and the letters it may have been. */
const CONFUSIONS: Array<[string, string[]]> = [
  ["iii", ["ä"]], ["ii", ["ä"]], ["di", ["ä"]], ["ai", ["å", "ä"]], ["rn", ["m"]],
  ["a", ["å", "ä"]], ["o", ["ö"]], ["6", ["ö"]], ["0", ["ö", "o"]], ["é", ["ö", "ä", "e", "å"]], ["è", ["ö", "ä", "e"]],
  ["i", ["ä"]], ["d", ["ä", "ö"]], ["b", ["ö", "h"]], ["3", ["å"]], ["£", ["f"]], ["e", ["ä"]],
];
const MAX_EDITS = 3;
const MAX_CANDIDATES = 800;

export interface RepairSources {
  /** The target plan's texts (goal titles, activity texts …); empty without a plan. */
  planTexts: readonly string[];
  /** The document's texts, each with where it stood. */
  documentTexts: ReadonlyArray<{ text: string; where: Where }>;
}

const TOKEN = /[\p{L}\d£]+/gu;
const lower = (w: string) => w.toLocaleLowerCase("sv-SE");

function counts(texts: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const text of texts) for (const [token] of text.matchAll(TOKEN)) map.set(lower(token), (map.get(lower(token)) ?? 0) + 1);
  return map;
}

function variants(word: string): string[] {
  const out = new Set<string>();
  const walk = (at: number, built: string, edits: number) => {
    if (out.size >= MAX_CANDIDATES) return;
    if (at >= word.length) {
      if (edits > 0) out.add(built);
      return;
    }
    walk(at + 1, built + word[at], edits);
    if (edits >= MAX_EDITS) return;
    for (const [from, tos] of CONFUSIONS) {
      if (!word.startsWith(from, at)) continue;
      for (const to of tos) walk(at + from.length, built + to, edits + 1);
    }
  };
  walk(0, "", 0);
  return [...out];
}

/** The replacement keeps the broken word's capital letter. */
function withCase(original: string, repaired: string): string {
  return /^\p{Lu}/u.test(original) ? repaired.charAt(0).toLocaleUpperCase("sv-SE") + repaired.slice(1) : repaired;
}

export class OcrRepairer {
  private readonly plan: Map<string, number>;
  private readonly doc: Map<string, number>;
  private readonly words: SwedishWords;
  private readonly decided = new Map<string, string | null>();
  private readonly known = new Map<string, boolean>();

  constructor(sources: RepairSources, words: SwedishWords = swedishWords()) {
    this.plan = counts(sources.planTexts);
    this.doc = counts(sources.documentTexts.map((d) => d.text));
    this.words = words;
  }

  private isWord(word: string): boolean {
    let known = this.known.get(word);
    if (known === undefined) {
      known = (this.plan.get(word) ?? 0) > 0 || this.words.has(word);
      this.known.set(word, known);
    }
    return known;
  }

  /** Evidence that a word is what the writer meant: the plan's use of it most, then the document's. */
  private evidence(word: string): number {
    return 10 * (this.plan.get(word) ?? 0) + ((this.doc.get(word) ?? 0) > 0 && /[åäö]/u.test(word) ? 2 * (this.doc.get(word) ?? 0) : 0);
  }

  /** The repaired form of one word (lower case), or null to keep it. */
  repairWord(word: string): string | null {
    const cached = this.decided.get(word);
    if (cached !== undefined) return cached;
    let result: string | null = null;
    const broken = /[\d£éè]/u.test(word) && /\p{L}/u.test(word);
    const knownNow = !broken && this.isWord(word);
    if (!/^\d+$/u.test(word)) {
      const candidates = variants(word).filter((c) => !/[\d£]/u.test(c));
      if (!knownNow) {
        // An unknown word: the candidate with the most evidence that is a word at all.
        // Candidates the plan or the document use first; only without any, the first the word list knows (the
        // word list is the slow part).
        let best: { word: string; score: number } | null = null;
        for (const c of candidates) {
          const score = this.evidence(c);
          if (score > 0 && (!best || score > best.score)) best = { word: c, score };
        }
        result = best?.word ?? candidates.find((c) => this.plan.has(c) || this.words.has(c)) ?? null;
      } else if ((this.plan.get(word) ?? 0) === 0) {
        // A real word that OCR may have made from another ("vald" from "våld"): only with clear evidence.
        const mine = this.doc.get(word) ?? 0;
        let best: { word: string; score: number } | null = null;
        for (const c of candidates) {
          const planUse = this.plan.get(c) ?? 0;
          const docUse = /[åäö]/u.test(c) ? this.doc.get(c) ?? 0 : 0;
          const strong = planUse >= 3 || (docUse >= 3 && docUse * 2 >= mine && this.plan.size === 0);
          if (strong && (!best || this.evidence(c) > best.score)) best = { word: c, score: this.evidence(c) };
        }
        result = best?.word ?? null;
      }
    }
    this.decided.set(word, result);
    return result;
  }

  /** A text with its words repaired, and the repairs made (one per word and place). */
  repair(text: string, where: Where): { text: string; repairs: Repair[] } {
    const repairs: Repair[] = [];
    const seen = new Set<string>();
    const tokens = [...text.matchAll(TOKEN)];
    let out = "";
    let last = 0;
    tokens.forEach((match, i) => {
      const token = match[0];
      const start = match.index!;
      let replacement: string | null = null;
      if (token === "1") {
        // "integrerats 1 ordinarie arbete": a lone 1 between words is "i".
        const before = tokens[i - 1]?.[0] ?? "";
        const after = tokens[i + 1]?.[0] ?? "";
        const between = text.slice(tokens[i - 1] ? tokens[i - 1]!.index! + before.length : 0, start) + text.slice(start + 1, tokens[i + 1]?.index ?? start + 1);
        if (/^\p{Ll}+$/u.test(before) && /^\p{Ll}+$/u.test(after) && /^\s+$/u.test(between)) replacement = "i";
      } else {
        const repaired = this.repairWord(lower(token));
        if (repaired) replacement = withCase(token, repaired);
      }
      if (replacement && replacement !== token) {
        out += text.slice(last, start) + replacement;
        last = start + token.length;
        const key = `${token}→${replacement}`;
        if (!seen.has(key)) {
          seen.add(key);
          repairs.push({ from: token, to: replacement, where });
        }
      }
    });
    return { text: out + text.slice(last), repairs };
  }
}

/**
 * A quick look before the slow one: OCR's text has words with a digit or "£" inside them ("f6r", "st6d") or several
 * words with "é" that are not Swedish words ("Malmé", "férebyggas"). A document made in Word has neither, and is
 * left alone without weighing every word.
 */
function mayBeOcr(texts: readonly string[]): boolean {
  const tokens = new Set(texts.flatMap((t) => [...t.matchAll(TOKEN)].map((m) => lower(m[0]))));
  // A digit inside a word is strong evidence, an unknown word with "é" weaker (names have it too).
  let evidence = 0;
  for (const token of tokens) {
    if (/\p{L}[\d£]+\p{L}/u.test(token) || /^[£]\p{L}/u.test(token)) evidence += 2;
    else if (/[éè]/u.test(token) && !swedishWords().has(token)) evidence += 1;
    if (evidence >= 4) return true;
  }
  return false;
}

/**
 * Repairs a document's blocks when it reads like OCR (a fair share of its words are broken); a clean document is left
 * as it is, so a name the word list does not know is never "repaired" into a word.
 */
export function repairBlocks<B extends { where: Where } & ({ text: string } | { cells: string[] })>(
  blocks: readonly B[],
  planTexts: readonly string[],
): { blocks: B[]; repairs: Repair[] } {
  const textsOf = (b: B) => ("cells" in b ? b.cells : [b.text]);
  if (!mayBeOcr(blocks.flatMap(textsOf))) return { blocks: [...blocks], repairs: [] };
  const repairer = new OcrRepairer({ planTexts, documentTexts: blocks.flatMap((b) => textsOf(b).map((text) => ({ text, where: b.where }))) });
  const repairs: Repair[] = [];
  const out = blocks.map((b) => {
    const fix = (text: string) => {
      const repaired = repairer.repair(text, b.where);
      repairs.push(...repaired.repairs);
      return repaired.text;
    };
    return ("cells" in b ? { ...b, cells: b.cells.map(fix) } : { ...b, text: fix(b.text) }) as B;
  });
  const distinct = new Set(blocks.flatMap((b) => textsOf(b).flatMap((t) => [...t.matchAll(TOKEN)].map((m) => lower(m[0])))));
  const broken = new Set(repairs.map((r) => lower(r.from)));
  const looksLikeOcr = broken.size >= 5 && broken.size >= 0.02 * distinct.size;
  return looksLikeOcr ? { blocks: out, repairs } : { blocks: [...blocks], repairs: [] };
}
