// A Swedish word list from the dictionary-sv package (Hunspell data): is this a Swedish word? Inflections through the
// dictionary's suffix rules, and compounds of exactly two parts (a part marked to begin compounds, then one marked to end
// them). Not nspell: with this dictionary's compound rules it accepts every string (we checked), so broken OCR words
// would all look right. Loaded once, on first use.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface SuffixRule {
  flag: string;
  strip: string;
  cond: RegExp;
}

const COMPOUND_BEGIN = "X";
const COMPOUND_END = "Y";
const ONLY_IN_COMPOUND = "Z";
const NEEDS_AFFIX = "¤";
const FORBIDDEN = "%";

export class SwedishWords {
  private readonly stems = new Map<string, string>();
  /** Suffix rules by the text they add ("" for rules that only strip). */
  private readonly byAdd = new Map<string, SuffixRule[]>();
  private maxAdd = 0;

  constructor(aff: string, dic: string) {
    for (const line of aff.split("\n")) {
      const parts = line.trim().split(/\s+/);
      if (parts[0] !== "SFX" || parts.length < 5) continue;
      const [, flag, stripRaw, addRaw, cond] = parts as [string, string, string, string, string];
      const add = addRaw === "0" ? "" : addRaw.split("/")[0]!;
      const strip = stripRaw === "0" ? "" : stripRaw;
      let pattern: RegExp;
      try {
        pattern = new RegExp(`${cond === "." ? "" : cond}$`, "u");
      } catch {
        continue;
      }
      const list = this.byAdd.get(add) ?? [];
      list.push({ flag, strip, cond: pattern });
      this.byAdd.set(add, list);
      this.maxAdd = Math.max(this.maxAdd, add.length);
    }
    const lines = dic.split("\n");
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      const slash = line.indexOf("/");
      const word = slash < 0 ? line : line.slice(0, slash);
      const flags = slash < 0 ? "" : line.slice(slash + 1);
      this.stems.set(word, (this.stems.get(word) ?? "") + flags);
    }
  }

  /** The flags of every stem `word` is a form of (itself included when it is a stem that stands alone). */
  private formsOf(word: string): string[] {
    const found: string[] = [];
    const own = this.stems.get(word);
    if (own !== undefined && !own.includes(NEEDS_AFFIX) && !own.includes(ONLY_IN_COMPOUND)) found.push(own);
    for (let length = 1; length <= Math.min(this.maxAdd, word.length - 1); length++) {
      const rules = this.byAdd.get(word.slice(word.length - length));
      if (!rules) continue;
      const base = word.slice(0, word.length - length);
      for (const rule of rules) {
        const stem = base + rule.strip;
        const flags = this.stems.get(stem);
        if (flags !== undefined && flags.includes(rule.flag) && rule.cond.test(stem)) found.push(flags);
      }
    }
    for (const rule of this.byAdd.get("") ?? []) {
      const stem = word + rule.strip;
      const flags = this.stems.get(stem);
      if (rule.strip && flags !== undefined && flags.includes(rule.flag) && rule.cond.test(stem)) found.push(flags);
    }
    return found.filter((flags) => !flags.includes(FORBIDDEN));
  }

  private simple(word: string): boolean {
    return this.formsOf(word).length > 0;
  }

  private compound(word: string): boolean {
    for (let i = 2; i <= word.length - 2; i++) {
      const head = word.slice(0, i);
      // The first part as a stem, or with the linking "s" of "våldsförebyggande".
      const first = this.stems.get(head) ?? (head.endsWith("s") ? this.stems.get(head.slice(0, -1)) : undefined);
      if (first === undefined || !first.includes(COMPOUND_BEGIN)) continue;
      if (this.formsOf(word.slice(i)).some((flags) => flags.includes(COMPOUND_END))) return true;
    }
    return false;
  }

  /** Answers so far: a document asks about the same words many times, and later imports about most of them again. */
  private readonly answers = new Map<string, boolean>();

  has(word: string): boolean {
    let answer = this.answers.get(word);
    if (answer === undefined) {
      answer = this.lookUp(word);
      if (this.answers.size > 200_000) this.answers.clear();
      this.answers.set(word, answer);
    }
    return answer;
  }

  private lookUp(word: string): boolean {
    if (word.length === 0) return false;
    const lower = word.toLocaleLowerCase("sv-SE");
    const capital = lower.charAt(0).toLocaleUpperCase("sv-SE") + lower.slice(1);
    if (this.simple(word) || this.simple(lower) || this.simple(capital)) return true;
    if (word.includes("-")) return word.split("-").filter(Boolean).every((part) => this.has(part));
    return this.compound(lower);
  }
}

let loaded: SwedishWords | null = null;

export function swedishWords(): SwedishWords {
  if (!loaded) {
    // The package's own entry reads its files with top-level await; read them directly, synchronously, once.
    const folder = dirname(fileURLToPath(import.meta.resolve("dictionary-sv")));
    loaded = new SwedishWords(readFileSync(join(folder, "index.aff"), "utf8"), readFileSync(join(folder, "index.dic"), "utf8"));
  }
  return loaded;
}
