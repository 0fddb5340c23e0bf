// Plain text and Markdown as blocks: Markdown headings ("## …"), bullets ("- ", "* ", "• ", and OCR's "e " for a
// bullet), numbered items ("1. …"), tables in pipes ("| a | b |"), and paragraphs of lines that belong together
// (a blank line ends one; so does a line that starts a new numbered measure or a labelled field), their lines joined
// as ./join-lines.ts does, each line kept on its own line (the recogniser reads a line's start).
import type { Block } from "../recognise/blocks.ts";
import { joinLines } from "./join-lines.ts";

const BULLET = /^\s*(?:[-*•·▪–]|e(?=\s+\p{Lu}))\s+(.*)$/u;
const ORDERED = /^\s*(\d{1,2})[.)]\s+(\S.*)$/u;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/u;
const TABLE = /^\s*\|(.*)\|\s*$/u;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/u;
/** A line that starts something of its own: a measure number, a labelled field, a "Label:" line. */
const STARTS_BLOCK = /^\s*(?:(?:Aktivitet|Åtgärd|Insats|Mål|Inriktningsmål|Fokusområde)\s+\d|\d{1,2}[.:]\d{1,2}\b|[\p{Lu}][\p{L} ]{2,30}:\s)/u;

/** Markdown emphasis and links as plain words. */
function plain(text: string): string {
  return text
    .replace(/<\/?b>/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .trim();
}

export function readText(text: string, options: { markdown: boolean }): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: { lines: string[]; line: number } | null = null;
  const flush = () => {
    if (paragraph) blocks.push({ kind: "paragraph", text: plain(paragraph.lines.reduce((text, line) => joinLines(text, line, "\n"), "")), where: { line: paragraph.line } });
    paragraph = null;
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\t/g, "    ").trimEnd();
    const where = { line: i + 1 };
    if (!line.trim() || (options.markdown && /^\s*(---+|\*\*\*+)\s*$/.test(line))) return flush();
    const heading = options.markdown ? HEADING.exec(line) : null;
    if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1]!.length, text: plain(heading[2]!), where });
      return;
    }
    const table = TABLE.exec(line);
    if (table) {
      flush();
      if (TABLE_RULE.test(line)) {
        // The rule under a Markdown table's first row: that row was its header.
        const last = blocks[blocks.length - 1];
        if (last?.kind === "tableRow") last.header = true;
        return;
      }
      blocks.push({ kind: "tableRow", cells: table[1]!.split("|").map((c) => plain(c)), where });
      return;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      flush();
      const indent = /^\s*/.exec(line)![0].length;
      blocks.push({ kind: "listItem", level: 1 + Math.floor(indent / 2), ordered: false, text: plain(bullet[1]!), where });
      return;
    }
    const ordered = ORDERED.exec(line);
    if (ordered) {
      flush();
      blocks.push({ kind: "listItem", level: 1, ordered: true, text: plain(`${ordered[1]}. ${ordered[2]}`), where });
      return;
    }
    // A wrapped list item goes on under its bullet; a line that starts something of its own starts a paragraph.
    const last = blocks[blocks.length - 1];
    if (!paragraph && last?.kind === "listItem" && /^\s{2,}\S/.test(raw) && !STARTS_BLOCK.test(line)) {
      last.text = joinLines(last.text, plain(line));
      return;
    }
    if (paragraph && STARTS_BLOCK.test(line)) flush();
    if (!paragraph) paragraph = { lines: [], line: i + 1 };
    paragraph.lines.push(line.trim());
  });
  flush();
  return blocks;
}
