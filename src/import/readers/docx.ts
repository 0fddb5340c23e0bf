// Word (.docx) as blocks, through mammoth's HTML: headings (Word's heading styles and the Title style), paragraphs,
// list items with their level and whether numbered, and table rows with their cells (the first row a header when
// mammoth marks it so). Page headers and footers are not in mammoth's output, so they are never read as text.
import mammoth from "mammoth";
import { Parser } from "htmlparser2";
import type { Block } from "../recognise/blocks.ts";

/** Word styles mammoth does not know, mapped to headings so their text is not lost as plain paragraphs. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "p[style-name='Rubrik'] => h1:fresh"];

export async function readDocx(bytes: Uint8Array): Promise<Block[]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true });
  return blocksFromHtml(html);
}

export function blocksFromHtml(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: Array<"ol" | "ul"> = [];
  let text: string | null = null;
  let current: { tag: string } | null = null;
  let row: { cells: string[]; header: boolean } | null = null;
  let cell: string | null = null;
  let tableDepth = 0;
  let n = 0;
  /** The open heading, paragraph or list item as a block, when it has text. */
  const finish = () => {
    if (!current || text === null) return;
    const value = text.replace(/[ \t\u00a0]+/g, " ").replace(/ *\n */g, "\n").trim();
    const where = { line: ++n };
    const tag = current.tag;
    if (value) {
      if (tag.startsWith("h")) blocks.push({ kind: "heading", level: Number(tag[1]), text: value, where });
      else if (tag === "li") blocks.push({ kind: "listItem", level: Math.max(1, lists.length), ordered: lists[lists.length - 1] === "ol", text: value, where });
      else blocks.push({ kind: "paragraph", text: value, where });
    }
    current = null;
    text = null;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "ol" || name === "ul") {
          // A list inside a list item: the item's own text comes first.
          if (cell === null) finish();
          lists.push(name);
        } else if (name === "table") tableDepth++;
        else if (name === "tr" && tableDepth === 1) row = { cells: [], header: false };
        else if ((name === "td" || name === "th") && tableDepth === 1 && row) {
          cell = "";
          if (name === "th") row.header = true;
        } else if (name === "br") {
          if (cell !== null) cell += "\n";
          else if (text !== null) text += "\n";
        } else if (cell !== null) {
          // Paragraphs and list items inside a cell: each on its own line, bullets kept as "• ".
          if (name === "p" && cell) cell += "\n";
          if (name === "li") cell += `${cell ? "\n" : ""}• `;
        } else if (/^(h[1-6]|p|li)$/.test(name)) {
          finish();
          current = { tag: name };
          text = "";
        }
      },
      ontext(data) {
        if (cell !== null) cell += data;
        else if (text !== null) text += data;
      },
      onclosetag(name) {
        if (name === "ol" || name === "ul") lists.pop();
        else if (name === "table") tableDepth--;
        else if ((name === "td" || name === "th") && row && cell !== null && tableDepth === 1) {
          row.cells.push(cell.replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").trim());
          cell = null;
        } else if (name === "tr" && row && tableDepth === 1) {
          const r: { cells: string[]; header: boolean } = row;
          if (r.cells.some((c) => c)) blocks.push({ kind: "tableRow", cells: r.cells, ...(r.header ? { header: true } : {}), where: { line: ++n } });
          row = null;
        } else if (current && name === current.tag) finish();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  finish();
  return blocks;
}
