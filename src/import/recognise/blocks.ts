// The blocks the recogniser reads (the readers' neutral sequence), and the passes that clean them before recognition:
// the table of contents is left out (its lines name every goal with a page number), and a document that holds its whole
// text a second time (PDF exports with a hidden copy, a pasted appendix) is read once.
import type { Warning, Where } from "./draft.ts";
import { comparable } from "./fold.ts";
import { contentsHeading, contentsLine, fieldOf, goalLine, goalListIntro, kindLine, labelledField, measureLine, strategiesIntro, stripBullet } from "./patterns.ts";

export type Block =
  | { kind: "heading"; level: number; text: string; where: Where }
  | { kind: "paragraph"; text: string; where: Where }
  | { kind: "listItem"; level: number; text: string; ordered: boolean; where: Where }
  | { kind: "tableRow"; cells: string[]; header?: boolean; where: Where };

export function blockText(block: Block): string {
  return block.kind === "tableRow" ? block.cells.join(" | ") : block.text;
}

export interface CleanedBlocks {
  blocks: Block[];
  warnings: Warning[];
}

export function cleanBlocks(input: readonly Block[], messages: { contents: string; readOnce: string }): CleanedBlocks {
  const warnings: Warning[] = [];
  let blocks = input.filter((b) => blockText(b).trim() !== "");

  // Contents: its heading and every dot-leader line.
  const contents = blocks.filter((b) => b.kind !== "tableRow" && (contentsLine(b.text) || contentsHeading(b.text)));
  if (contents.length > 0) {
    warnings.push({ message: messages.contents, where: contents[0]!.where });
    const dropped = new Set(contents);
    blocks = blocks.filter((b) => !dropped.has(b));
  }

  // The whole text a second time: from some block on, most of the long sentences were read before. Sentences rather than
  // blocks, because the copy is often broken into lines and paragraphs differently.
  const sentencesOf = (b: Block) =>
    blockText(b).split(/(?<=[.!?:])\s+/u).map((x) => comparable(x).replace(/ /g, "")).filter((x) => x.length >= 40);
  const perBlock = blocks.map(sentencesOf);
  const seen = new Set<string>();
  const repeats = perBlock.map((sentences) => {
    const repeated = sentences.length > 0 && sentences.filter((x) => seen.has(x)).length / sentences.length >= 0.5;
    for (const x of sentences) seen.add(x);
    return repeated;
  });
  let cut = -1;
  for (let i = 0; i < blocks.length && cut < 0; i++) {
    if (!repeats[i]) continue;
    const later = perBlock.map((x, j) => ({ long: x.length > 0, repeat: repeats[j] })).slice(i).filter((x) => x.long);
    if (later.length >= 3 && later.filter((x) => x.repeat).length / later.length >= 0.6) cut = i;
  }
  // Short blocks just before the copy's first long sentence (its title lines) belong to the copy too, when they
  // were read before.
  if (cut > 0) {
    const key = (b: Block) => comparable(blockText(b));
    const readBefore = (i: number) => blocks.slice(0, i).some((b) => key(b) === key(blocks[i]!));
    while (cut > 0 && perBlock[cut - 1]!.length === 0 && readBefore(cut - 1)) cut--;
  }
  if (cut > 0) {
    warnings.push({ message: messages.readOnce, where: blocks[cut]!.where });
    blocks = blocks.slice(0, cut);
  }
  return { blocks, warnings };
}

export interface StructureWords {
  goalWords: readonly string[];
  measureWords: readonly string[];
  strategyIntros: readonly string[];
}

/**
 * Paragraphs from text and OCR often hold several things line after line ("Aktivitet 1.2: …" then "Beskrivning: …",
 * or bullets read as "e Stärka …"): split them where a line starts a goal, a measure, a group, a field or a bullet.
 */
export function splitAtStructure(blocks: readonly Block[], words: StructureWords): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind !== "paragraph" || !block.text.includes("\n")) {
      out.push(block);
      continue;
    }
    const lines = block.text.split("\n");
    let current: { lines: string[]; bullet: boolean; offset: number } | null = null;
    const flush = () => {
      if (!current) return;
      const text = current.lines.join("\n").trim();
      const where = { ...block.where, ...(block.where.line !== undefined ? { line: block.where.line + current.offset } : {}) };
      if (text) out.push(current.bullet ? { kind: "listItem", level: 1, ordered: false, text: stripBullet(text).text, where } : { kind: "paragraph", text, where });
      current = null;
    };
    lines.forEach((line, offset) => {
      const bullet = stripBullet(line);
      const starts =
        bullet.bulleted && /^\p{Lu}/u.test(bullet.text) ? "bullet"
        : goalLine(line, words.goalWords) || measureLine(line, words.measureWords) || kindLine(line) || labelledField(line) || (line.trim().length <= 40 && fieldOf(line)) || strategiesIntro(line, words.strategyIntros) || goalListIntro(line, words.goalWords) ? "block"
        : null;
      const continues = current !== null && !starts && !(current.bullet && /^\s*\p{Lu}/u.test(line) && /[.!?]\s*$/.test(current.lines[current.lines.length - 1]!));
      if (continues) current!.lines.push(line);
      else {
        flush();
        current = { lines: [line], bullet: starts === "bullet", offset };
      }
      // A label alone on its line ("Uppföljning") stands as its own block, its text in the lines after.
      if (starts === "block" && ((line.trim().length <= 40 && fieldOf(line)) || goalListIntro(line, words.goalWords) || strategiesIntro(line, words.strategyIntros))) flush();
    });
    flush();
  }
  return out;
}
