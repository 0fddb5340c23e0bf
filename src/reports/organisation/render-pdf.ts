// An organisation's document (./outline.ts) as PDF: a cover, a contents page with page numbers and links, the
// sections with their headings in the outline (bookmarks), page numbers in the footer.
import type { OutlineBlock, OutlineDocument } from "./outline.ts";
import { createPdf, type Writer } from "../pdf/writer.ts";

function block(w: Writer, b: OutlineBlock) {
  switch (b.kind) {
    case "prose": return w.prose(b.text);
    case "note": return w.note(b.text);
    case "mark": return w.mark(b.text);
    case "label": return w.label(b.text);
    case "bullets": return w.bullets(b.items);
    case "facts": return w.facts(b.rows);
    case "table": return w.table(b.header, b.rows, b.shares);
  }
}

export async function renderOutlinePdf(document: OutlineDocument): Promise<Buffer> {
  const { cover, words } = document;
  const language = document.locale === "en" ? "en-GB" : "sv-SE";
  const { doc, writer: w, done } = createPdf({ title: document.title, author: document.author, subject: cover.eyebrow, locale: document.locale });
  w.cover(cover.eyebrow, cover.title, cover.subtitle, cover.facts, language);
  if (cover.mark) {
    doc.moveDown(1.5);
    w.mark(cover.mark);
  }
  const contents = w.keepContentsPages(document.sections.map((s) => ({ level: s.level, title: s.heading })));

  // Level 1 headings are top entries in the outline, level 2 under the latest of them.
  let parent: PDFKit.PDFOutline | undefined;
  document.sections.forEach((section, i) => {
    if (i === 0 || section.newPage) w.newPage();
    if (section.level === 1) parent = w.heading(1, section.heading, { outline: doc.outline });
    else w.heading(section.level, section.heading, section.level === 2 && parent ? { outline: parent } : {});
    for (const b of section.blocks) block(w, b);
  });

  w.writeContents(contents, words.contents);
  w.numberPages(document.title, (page, pages) => `${words.page} ${page} ${words.of} ${pages}`);
  doc.flushPages();
  doc.end();
  return done;
}
