// A meeting's minutes as Word, to be edited, signed off or sent on: the meeting's facts, who is in the group, the
// agenda, the minutes, the decisions and the action items, in the shared parts so it looks like our other documents.
import { ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type TableOfContents } from "docx";
import { cell, MUTED, note, paragraphs, table, wordDocument } from "../docx/parts.ts";

export interface MinutesInput {
  locale: "sv" | "en";
  groupName: string;
  title: string;
  /** Already formatted: "10 februari 2027, 10:00–12:00" */
  when: string;
  /** May be "". */
  place: string;
  videoUrl: string | null;
  /** "Ordförande – Anna Andersson", "Representant, Arbetsmarknads- och socialförvaltningen" */
  members: string[];
  /** Free text: paragraphs separated by blank lines, lines may start with "- " or "1. ". */
  agenda: string;
  minutes: string;
  decisions: string;
  actionItems: { text: string; owner: string; /** formatted or "" */ due: string; done: boolean }[];
  labels: {
    heading: string;
    group: string;
    when: string;
    place: string;
    video: string;
    members: string;
    agenda: string;
    minutes: string;
    decisions: string;
    actionItems: string;
    owner: string;
    due: string;
    status: string;
    done: string;
    open: string;
    /** "–" or "Inga" */
    none: string;
  };
}

// The footer's page words, which the labels do not carry.
const PAGE_WORDS = { sv: { page: "Sida", of: "av" }, en: { page: "Page", of: "of" } };

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });

/** Long text as paragraphs, or the "none" word when there is nothing, so an empty section reads as empty on purpose. */
function text(value: string, none: string): Paragraph[] {
  const blocks = paragraphs(value);
  return blocks.length > 0 ? blocks : [note(none)];
}

/** Label–value rows, the labels shaded like a table header; a link for the video meeting. */
function facts(input: MinutesInput): Table {
  const { labels } = input;
  const rows: Array<[string, Paragraph]> = [
    [labels.group, new Paragraph(input.groupName)],
    [labels.when, new Paragraph(input.when)],
  ];
  if (input.place.trim()) rows.push([labels.place, new Paragraph(input.place)]);
  const video = input.videoUrl?.trim();
  if (video) {
    rows.push([labels.video, new Paragraph({ children: [new ExternalHyperlink({ link: video, children: [new TextRun({ text: video, style: "Hyperlink" })] })] })]);
  }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2400, 6600],
    // The shared cell holds plain text only, so the value's cell (a link for the video) is made here, padded alike.
    rows: rows.map(([name, value]) =>
      new TableRow({ cantSplit: true, children: [cell(name, { header: true }), new TableCell({ children: [value], margins: { top: 40, bottom: 40, left: 80, right: 80 } })] })),
  });
}

export async function minutesDocx(input: MinutesInput): Promise<Uint8Array> {
  const { labels } = input;
  const language = input.locale === "en" ? "en-GB" : "sv-SE";
  const words = PAGE_WORDS[input.locale];
  const members = input.members.map((m) => m.trim()).filter(Boolean);
  const items = input.actionItems.filter((item) => item.text.trim());

  const children: Array<Paragraph | Table | TableOfContents> = [
    new Paragraph({ children: [new TextRun({ text: labels.heading.toLocaleUpperCase(language), bold: true, color: MUTED, size: 22 })], spacing: { after: 60 } }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(input.title)] }),
    facts(input),
    heading(labels.members),
    ...(members.length > 0 ? members.map((m) => new Paragraph({ text: m, bullet: { level: 0 }, spacing: { after: 40 } })) : [note(labels.none)]),
    heading(labels.agenda),
    ...text(input.agenda, labels.none),
    heading(labels.minutes),
    ...text(input.minutes, labels.none),
    heading(labels.decisions),
    ...text(input.decisions, labels.none),
    heading(labels.actionItems),
    ...(items.length > 0
      ? [
          table(
            [labels.actionItems, labels.owner, labels.due, labels.status],
            items.map((item) => [
              { text: item.text.trim() },
              { text: item.owner.trim() || labels.none },
              { text: item.due.trim() || labels.none },
              { text: item.done ? labels.done : labels.open },
            ]),
            [4500, 2000, 1300, 1200],
          ),
        ]
      : [note(labels.none)]),
  ];

  const buffer = await Packer.toBuffer(
    wordDocument({
      title: `${labels.heading}: ${input.title}`,
      creator: input.groupName,
      description: `${input.groupName}, ${input.when}`,
      language,
      footer: `${input.groupName} · ${input.title}`,
      pageWord: words.page,
      ofWord: words.of,
      children,
    }),
  );
  return new Uint8Array(buffer);
}
