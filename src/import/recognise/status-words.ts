// A suggested status from a follow-up's wording ("Aktiviteten är slutförd", "arbetet pågår", "kartläggning har
// påbörjats"), as the status meanings every plan's statuses carry. Within one sentence the strongest wording wins
// (cancelled over completed over ongoing over planning; "inte påbörjad" over "påbörjad").
import type { StatusMeaning } from "./draft.ts";
import { fold } from "./fold.ts";

const RULES: Array<[StatusMeaning, RegExp]> = [
  ["cancelled", /\b(avbrut(en|its|et)|avslutats i fortid|har avbrutits|pausa(d|t|ts)|lagts ned|lagt ned|strukits)\b/u],
  ["completed", /\b(slutford|slutfort|slutforts|genomford(?! under)|genomfort|implementera(d|t|ts)|ar klar|har fardigstallts|fardigstalld|ingar i ordinarie|del av ordinarie|integrerats i ordinarie)\b/u],
  ["ongoing", /\b(pagar|pagaende|testas|provas|har startat|har borjat|implementeras|genomfors|fortgar)\b/u],
  ["planning", /\b(paborja(d|t|ts)|planering(en)?|planeras|kartlagg(ning|s|ts)|kartlaggningen|utreds|utredning|forberedelse|forbereds)\b/u],
  ["not_started", /\b(ej paborja(d|t)|inte paborja(d|t|ts)|har inte startat|ej startat|inte kommit igang)\b/u],
];

const ORDER: StatusMeaning[] = ["cancelled", "completed", "ongoing", "planning", "not_started"];

/** A status word written as a field value ("Pågående", "Slutförd – del av ordinarie verksamhet"). */
export function statusFromLabel(value: string): { status: StatusMeaning; phrase: string } | null {
  return strongest(value);
}

export function statusFromWording(text: string): { status: StatusMeaning; phrase: string } | null {
  // A sentence about the activity itself ("Aktiviteten är slutförd") says most; else the first status word written.
  const sentences = text.split(/(?<=[.!?])\s+/u);
  for (const sentence of sentences) {
    if (/\b(aktivitet(en)?|atgard(en)?|insats(en)?)\b/u.test(fold(sentence))) {
      const said = strongest(sentence);
      if (said) return said;
    }
  }
  return earliest(text);
}

function matches(text: string): Array<{ status: StatusMeaning; index: number; phrase: string }> {
  const folded = fold(text);
  const found: Array<{ status: StatusMeaning; index: number; phrase: string }> = [];
  for (const [status, pattern] of RULES) {
    const match = pattern.exec(folded);
    if (match) found.push({ status, index: match.index, phrase: text.slice(match.index, match.index + match[0].length) });
  }
  // "Inte påbörjad" also matches "påbörjad": the negation wins over planning.
  return found.some((f) => f.status === "not_started") ? found.filter((f) => f.status !== "planning") : found;
}

function strongest(text: string): { status: StatusMeaning; phrase: string } | null {
  const found = matches(text);
  for (const status of ORDER) {
    const hit = found.find((f) => f.status === status);
    if (hit) return { status, phrase: hit.phrase };
  }
  return null;
}

function earliest(text: string): { status: StatusMeaning; phrase: string } | null {
  const first = matches(text).sort((a, b) => a.index - b.index)[0];
  return first ? { status: first.status, phrase: first.phrase } : null;
}
