// An organisation's document (./outline.ts) as Word: Word's own Title and Heading styles (the navigation pane and the
// contents field work), real tables, bulleted lists, page numbers in the footer; editable afterwards.
import { HeadingLevel, Packer, PageBreak, Paragraph, Table, TableOfContents, TextRun } from "docx";
import type { OutlineBlock, OutlineDocument } from "./outline.ts";
import { BRAND, label, mark, MUTED, note, paragraphs, table, wordDocument } from "../docx/parts.ts";

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function block(b: OutlineBlock): Array<Paragraph | Table> {
  switch (b.kind) {
    case "prose": return paragraphs(b.text);
    case "note": return [note(b.text)];
    case "mark": return [mark(b.text)];
    case "label": return [label(b.text)];
    case "bullets": return b.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 }, spacing: { after: 60 } }));
    case "facts":
      return b.rows.map((row, i) =>
        new Paragraph({
          children: [
            new TextRun({ text: `${row.label}: `, bold: true, color: MUTED }),
            ...(row.colour ? [new TextRun({ text: "■ ", color: row.colour.replace("#", "") })] : []),
            new TextRun(row.value),
          ],
          spacing: { after: i === b.rows.length - 1 ? 160 : 40 },
        }));
    case "table": {
      const total = b.shares.reduce((a, x) => a + x, 0);
      return [table(b.header, b.rows, b.shares.map((x) => Math.round((x / total) * 9000))), new Paragraph({ spacing: { after: 120 } })];
    }
  }
}

export async function renderOutlineDocx(document: OutlineDocument): Promise<Buffer> {
  const { cover, words } = document;
  const language = document.locale === "en" ? "en-GB" : "sv-SE";
  const children: Array<Paragraph | Table | TableOfContents> = [
    new Paragraph({ spacing: { before: 2400, after: 240 }, children: [new TextRun({ text: cover.eyebrow.toLocaleUpperCase(language), bold: true, color: MUTED, size: 24 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cover.title)], spacing: { after: 240 } }),
    new Paragraph({ children: [new TextRun({ text: cover.subtitle, size: 32 })], spacing: { after: 480 } }),
    ...cover.facts.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)], spacing: { after: 80 } })),
    ...(cover.mark ? [mark(cover.mark)] : []),
    new Paragraph({ children: [new PageBreak(), new TextRun({ text: words.contents, bold: true, size: 32, color: BRAND })], spacing: { after: 240 } }),
    new TableOfContents(words.contents, { hyperlink: true, headingStyleRange: "1-2", beginDirty: true }),
  ];
  document.sections.forEach((section, i) => {
    children.push(new Paragraph({ heading: HEADINGS[section.level], pageBreakBefore: i === 0 || !!section.newPage, children: [new TextRun(section.heading)] }));
    for (const b of section.blocks) children.push(...block(b));
  });
  return Packer.toBuffer(
    wordDocument({ title: document.title, creator: document.author, description: cover.eyebrow, language, footer: document.title, pageWord: words.page, ofWord: words.of, children }),
  );
}
