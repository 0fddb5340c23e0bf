// Matching the names a document writes to what the workspace and plan hold: organisations (case, hyphenation, and the
// endings "-nämnden"/"-förvaltningen"/"-styrelsen" that name a board and the administration serving it), taxonomy terms
// (prevention levels, target groups) and statuses. What matches nothing is offered as new, never guessed.
import { comparable } from "../recognise/fold.ts";

export interface NamedThing {
  id: string;
  name: string;
  /** Other names it goes by (a short name, an English name, a key). */
  aliases?: readonly string[];
}

export interface NameMatch {
  written: string;
  /** The thing it matched, or null: offered as new. */
  id: string | null;
  /** How sure: "exact" (same name), "stem" (same name but for a board/administration ending or a plural), "none". */
  how: "exact" | "stem" | "none";
}

const ENDINGS = /(namnderna|namnden|namnder|namnd|forvaltningarna|forvaltningen|forvaltning|styrelsen|styrelse|bolaget|avdelningen|avdelning|enheten|enhet)$/u;

const key = (name: string) => comparable(name).replace(/ /g, "");
/** The name without its kind of organisation ("barnochutbildnings"), and a plural "-er"/"-erna"/"-ar" dropped. */
const stem = (name: string) => key(name).replace(ENDINGS, "").replace(/(erna|arna|orna|er|ar|or|na|a|en|et|n)$/u, "");

export function matchName(written: string, things: readonly NamedThing[]): NameMatch {
  const k = key(written);
  if (!k) return { written, id: null, how: "none" };
  const exact = things.find((t) => key(t.name) === k || (t.aliases ?? []).some((a) => key(a) === k));
  if (exact) return { written, id: exact.id, how: "exact" };
  const s = stem(written);
  if (s.length >= 3) {
    const sameStem = things.filter((t) => stem(t.name) === s || (t.aliases ?? []).some((a) => stem(a) === s));
    // Prefer the one with the same ending (a board for a board's name), else the only one.
    const ending = ENDINGS.exec(k)?.[1]?.slice(0, 5);
    const preferred = sameStem.find((t) => ending && key(t.name).includes(ending)) ?? (sameStem.length === 1 ? sameStem[0] : undefined);
    if (preferred) return { written, id: preferred.id, how: "stem" };
  }
  return { written, id: null, how: "none" };
}
