// The personal-data check of an import, before anything else is done with the document: a line with an identity or
// coordination number refuses the import (the lines are shown, the number masked, so they can be removed); other likely
// personal data (a mobile number, a private e-mail, a named person) is flagged for the preview.
import { checkPersonalData } from "../domain/personal-data/index.ts";
import type { PersonalDataMessageKey } from "../domain/personal-data/index.ts";
import type { Block } from "./recognise/blocks.ts";
import { blockText } from "./recognise/blocks.ts";
import type { Where } from "./recognise/draft.ts";

export interface PersonalDataLine {
  where: Where;
  /** The line as written, every identity number in it masked ("850101-****"). */
  excerpt: string;
  messageKey: PersonalDataMessageKey;
  params: Readonly<Record<string, string>>;
}

export interface ImportPersonalData {
  refused: PersonalDataLine[];
  flagged: PersonalDataLine[];
}

const EXCERPT = 160;

/** The text around a match, on one line, at most EXCERPT characters, with the given ranges masked. */
function excerptOf(text: string, offset: number, length: number, masks: ReadonlyArray<{ offset: number; length: number; masked: string }>): string {
  let shown = text;
  for (const mask of [...masks].sort((a, b) => b.offset - a.offset)) shown = shown.slice(0, mask.offset) + mask.masked + shown.slice(mask.offset + mask.length);
  const shift = masks.filter((m) => m.offset < offset).reduce((sum, m) => sum + m.masked.length - m.length, 0);
  const at = offset + shift;
  const start = Math.max(0, at - Math.floor((EXCERPT - length) / 2));
  const piece = shown.slice(start, start + EXCERPT).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "… " : ""}${piece}${start + EXCERPT < shown.length ? " …" : ""}`;
}

export function checkImportPersonalData(blocks: readonly Block[]): ImportPersonalData {
  const refused: PersonalDataLine[] = [];
  const flagged: PersonalDataLine[] = [];
  blocks.forEach((block, index) => {
    const text = blockText(block);
    const result = checkPersonalData([{ field: String(index), value: text }]);
    const masks = result.refused.map((r) => ({ offset: r.offset, length: r.length, masked: r.masked }));
    for (const r of result.refused) refused.push({ where: block.where, excerpt: excerptOf(text, r.offset, r.length, masks), messageKey: r.messageKey, params: r.params });
    for (const w of result.warnings) flagged.push({ where: block.where, excerpt: excerptOf(text, w.offset, w.length, masks), messageKey: w.messageKey, params: w.params });
  });
  return { refused, flagged };
}
