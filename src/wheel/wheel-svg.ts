// The annual wheel (årshjul) as SVG: twelve month sectors with January at the top, one ring per category, a mark per
// occurrence at its date, labels in two columns beside the wheel, today's line, a legend. Pure: data in, string out.
import { FALLBACK, GRID, INK, MUTED_INK, mix, PAPER, safeColour } from "../reports/charts/colour.ts";
import { FONT_FAMILY } from "../reports/charts/frame.ts";
import { escapeXml, normaliseSpace, num, textWidth, truncateText, wrapText } from "../reports/charts/svg-text.ts";
import type { WheelCategoryView, WheelOccurrence, WheelYear } from "./types.ts";

export interface WheelSvgOptions {
  locale: "sv" | "en";
  /** Twelve month names in the locale, January first ("januari" … / "January" …). */
  monthNames: string[];
  title: string;
  /** The text alternative's summary sentence, written by the caller. */
  description: string;
  /** The wheel's square (diameter plus margins) in px, default 900, clamped to 480..2400; the canvas is 1.6× as wide. */
  size?: number;
  /** Web page: marks are links with a details panel the page's CSS shows on focus. PNG/PDF: plain marks. Default true. */
  interactive?: boolean;
  /** Ids `${idPrefix}-title` and `${idPrefix}-desc`; default "wheel". */
  idPrefix?: string;
}

const WORDS = {
  sv: { today: "idag", more: (n: number) => `+${n} fler`, none: "Inga händelser under året.", other: "Övrigt", time: (t: string) => `kl. ${t}` },
  en: { today: "today", more: (n: number) => `+${n} more`, none: "No events this year.", other: "Other", time: (t: string) => `at ${t}` },
};
/** Dark red, about 5.4:1 on white: today's line must stand out from every category colour. */
export const TODAY_COLOUR = "#c0392b";
const LEADER = "#8c8c8c";

interface Mark {
  occurrence: WheelOccurrence;
  category: WheelCategoryView;
  ring: number;
  colour: string;
  /** Degrees clockwise from 12 o'clock: where the date is, and where the mark is drawn after spreading. */
  angle: number;
  shown: number;
  endAngle: number | null;
  x: number;
  y: number;
  when: string;
}

interface Day {
  month: number;
  day: number;
}

/** A yyyy-mm-dd in `year`; a date in a later year (a span running past December) reads as month 13, the year's end. */
function parseDay(iso: string | null, year: number): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  if (!match) return null;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { month: Number(match[1]) > year ? 13 : month, day };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Equal 30° months; a day sits at the middle of its share of the month. */
function dayAngle(year: number, day: Day): number {
  if (day.month > 12) return 360;
  return (day.month - 1 + (day.day - 0.5) / daysIn(year, day.month)) * 30;
}

/**
 * Positions in ascending order at least `gap` apart, each cluster centred on where its members want to be, kept
 * within lo..hi: the classic label-spreading pass, used for marks along a ring and for labels down a column.
 */
export function spread(desired: number[], gap: number, lo = -Infinity, hi = Infinity): number[] {
  const clusters: { first: number; count: number; start: number }[] = [];
  const place = (c: { first: number; count: number; start: number }) => {
    let sum = 0;
    for (let j = 0; j < c.count; j++) sum += desired[c.first + j]! - j * gap;
    c.start = Math.min(Math.max(sum / c.count, lo), hi - (c.count - 1) * gap);
  };
  desired.forEach((_, i) => {
    const cluster = { first: i, count: 1, start: 0 };
    place(cluster);
    clusters.push(cluster);
    for (;;) {
      const last = clusters[clusters.length - 1]!;
      const prev = clusters[clusters.length - 2];
      if (!prev || prev.start + prev.count * gap <= last.start) break;
      clusters.pop();
      prev.count += last.count;
      place(prev);
    }
  });
  return clusters.flatMap((c) => Array.from({ length: c.count }, (_, j) => c.start + j * gap));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function wheelSvg(year: WheelYear, options: WheelSvgOptions): string {
  const locale = options.locale === "en" ? "en" : "sv";
  const words = WORDS[locale];
  const monthName = (m: number) => normaliseSpace(options.monthNames[m - 1]) || String(m);
  const requested = options.size;
  const size = typeof requested === "number" && Number.isFinite(requested) ? Math.round(Math.min(2400, Math.max(480, requested))) : 900;
  const k = size / 900;
  const interactive = options.interactive !== false;
  const cleaned = (options.idPrefix ?? "wheel").replace(/[^A-Za-z0-9_-]/g, "");
  const idPrefix = cleaned === "" ? "wheel" : /^[A-Za-z]/.test(cleaned) ? cleaned : `w-${cleaned}`;
  const width = Math.round(size * 1.6);
  const cx = width / 2;
  const cy = size / 2;
  const pad = 14 * k;
  const outer = size / 2 - pad; // the month band's outer edge
  const ringsOuter = outer - 36 * k;
  const hub = ringsOuter * 0.27;
  const at = (angle: number, r: number): [number, number] => {
    const rad = (angle * Math.PI) / 180;
    return [cx + r * Math.sin(rad), cy - r * Math.cos(rad)];
  };

  // Rings: the categories in position order, first innermost; occurrences of an unknown category get an "other" ring.
  const categories = [...year.categories].sort((a, b) => a.position - b.position);
  const known = new Set(categories.map((c) => c.key));
  if (year.occurrences.some((o) => !known.has(o.categoryKey))) {
    categories.push({ id: "", key: "\u0000other", name: words.other, colour: FALLBACK, position: Infinity });
  }
  const ringCount = Math.max(1, categories.length);
  const ringWidth = (ringsOuter - hub) / ringCount;
  const ringMid = (i: number) => hub + ringWidth * (i + 0.5);
  const markR = Math.min(7 * k, ringWidth * 0.36);

  const dateWords = (o: WheelOccurrence): string => {
    const start = parseDay(o.date, year.year);
    const y = year.year;
    if (!start || start.month > 12) return `${monthName(Math.min(12, Math.max(1, Math.round(o.month) || 1)))} ${y}`;
    const end = parseDay(o.endDate, year.year);
    const s = { m: monthName(start.month), d: start.day };
    if (!end || end.month > 12 || (end.month === start.month && end.day <= start.day) || end.month < start.month) {
      return locale === "sv" ? `${s.d} ${s.m} ${y}` : `${s.m} ${s.d}, ${y}`;
    }
    const e = { m: monthName(end.month), d: end.day };
    if (end.month === start.month) return locale === "sv" ? `${s.d}–${e.d} ${s.m} ${y}` : `${s.m} ${s.d}–${e.d}, ${y}`;
    return locale === "sv" ? `${s.d} ${s.m} – ${e.d} ${e.m} ${y}` : `${s.m} ${s.d} – ${e.m} ${e.d}, ${y}`;
  };

  const marks: Mark[] = year.occurrences.map((occurrence) => {
    const ring = Math.max(0, categories.findIndex((c) => c.key === occurrence.categoryKey || (c.key === "\u0000other" && !known.has(occurrence.categoryKey))));
    const category = categories[ring]!;
    const start = parseDay(occurrence.date, year.year);
    const month = Math.min(12, Math.max(1, Math.round(occurrence.month) || 1));
    const angle = start && start.month <= 12 ? dayAngle(year.year, start) : (month - 0.5) * 30;
    const end = start ? parseDay(occurrence.endDate, year.year) : null;
    const endAngle = end ? Math.min(360, dayAngle(year.year, end) + 15 / daysIn(year.year, Math.min(12, end.month))) : null;
    const time = normaliseSpace(occurrence.time);
    const when = [dateWords(occurrence), time ? words.time(time) : ""].filter(Boolean).join(" ");
    return { occurrence, category, ring, colour: safeColour(category.colour), angle, shown: angle, endAngle: endAngle && endAngle > angle ? endAngle : null, x: 0, y: 0, when };
  });

  // Marks at the same spot in a ring are pushed apart along it so none hides another.
  for (let ring = 0; ring < ringCount; ring++) {
    const inRing = marks.filter((m) => m.ring === ring).sort((a, b) => a.angle - b.angle);
    const gap = Math.min(360 / Math.max(1, inRing.length), (((2 * markR + 2 * k) / ringMid(ring)) * 180) / Math.PI);
    spread(inRing.map((m) => m.angle), gap).forEach((shown, i) => {
      const mark = inRing[i]!;
      mark.shown = shown;
      [mark.x, mark.y] = at(shown, ringMid(ring));
    });
  }

  const body: string[] = [];
  // Rings from the outside in, each a light tint of its colour, so neighbouring rings stay apart.
  for (let i = ringCount - 1; i >= 0; i--) {
    const tint = mix(safeColour(categories[i]?.colour ?? GRID), PAPER, 0.8);
    body.push(`<circle class="wheel-ring" cx="${num(cx)}" cy="${num(cy)}" r="${num(hub + ringWidth * (i + 1))}" fill="${tint}" stroke="${PAPER}" stroke-width="${num(1.5 * k)}"/>`);
  }
  for (const mark of marks.filter((m) => m.endAngle !== null)) {
    const r1 = ringMid(mark.ring) - markR * 0.7;
    const r2 = ringMid(mark.ring) + markR * 0.7;
    const a2 = mark.endAngle!;
    const large = a2 - mark.angle > 180 ? 1 : 0;
    const [ax, ay] = at(mark.angle, r2);
    const [bx, by] = at(a2, r2);
    const [ccx, ccy] = at(a2, r1);
    const [dx, dy] = at(mark.angle, r1);
    body.push(
      `<path class="wheel-span" d="M${num(ax)} ${num(ay)}A${num(r2)} ${num(r2)} 0 ${large} 1 ${num(bx)} ${num(by)}L${num(ccx)} ${num(ccy)}A${num(r1)} ${num(r1)} 0 ${large} 0 ${num(dx)} ${num(dy)}Z" fill="${mix(mark.colour, PAPER, 0.35)}"/>`,
    );
  }
  for (let m = 0; m < 12; m++) {
    const [x1, y1] = at(m * 30, hub);
    const [x2, y2] = at(m * 30, ringsOuter);
    const [x3, y3] = at(m * 30, outer);
    body.push(`<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${PAPER}" stroke-width="${num(2 * k)}"/>`);
    body.push(`<line x1="${num(x2)}" y1="${num(y2)}" x2="${num(x3)}" y2="${num(y3)}" stroke="${GRID}" stroke-width="${num(k)}"/>`);
  }
  body.push(`<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(outer)}" fill="none" stroke="${GRID}" stroke-width="${num(k)}"/>`);

  // Labels: two columns beside the wheel, each label at the height where its leader leaves the wheel, pushed apart;
  // a column hugs the circle so leaders stay short and labels near January and July sit above and below the wheel.
  const columnX = outer + 30 * k;
  const hugX = (y: number) => Math.max(40 * k, Math.sqrt(Math.max(0, columnX * columnX - (y - cy) * (y - cy))));
  const textRoom = width / 2 - columnX - 8 * k - pad;
  const lo = pad;
  const hi = size - pad;
  // Today's word takes a slot in its label column, at the end of its own red leader, so no label can cover it.
  const today = parseDay(year.today, year.year);
  const todayAngle = today && today.month <= 12 ? dayAngle(year.year, today) : null;
  type Entry = { mark: Mark | null; angle: number };
  const entries: Entry[] = [...marks.map((m) => ({ mark: m, angle: m.shown })), ...(todayAngle === null ? [] : [{ mark: null, angle: todayAngle }])];
  const sides = [0, 1].map((side) => entries.filter((e) => (((e.angle % 360) + 360) % 360 < 180 ? 0 : 1) === side));
  const most = Math.max(...sides.map((s) => s.length));
  const fonts = [];
  for (let f = Math.max(9, Math.round(14 * k)); f > 9; f--) fonts.push(f);
  fonts.push(9);
  const lineFor = (f: number) => Math.ceil(Math.max(f + 3, f * 1.3));
  const labelFont = fonts.find((f) => Math.floor((hi - lo - f) / lineFor(f)) + 1 >= most) ?? 9;
  const line = lineFor(labelFont);
  const capacity = Math.floor((hi - lo - labelFont) / line) + 1;
  const leaders: string[] = [];
  const labels: string[] = [];
  const elbowR = outer + 6 * k;
  sides.forEach((list, side) => {
    const sign = side === 0 ? 1 : -1;
    const anchor = side === 1 ? ' text-anchor="end"' : "";
    const sorted = list.map((e) => ({ ...e, y: at(e.angle, elbowR)[1] })).sort((a, b) => a.y - b.y || (a.angle - b.angle) * sign);
    let kept = sorted;
    if (sorted.length > capacity) {
      // Too many to list: keep today and an even sample of the rest, so every part of the year keeps some labels,
      // and say how many are left out.
      const others = sorted.filter((e) => e.mark);
      const room = capacity - 1 - (sorted.length - others.length);
      const pick = new Set(Array.from({ length: room }, (_, i) => others[Math.round((i * (others.length - 1)) / Math.max(1, room - 1))]));
      kept = sorted.filter((e) => !e.mark || pick.has(e));
      labels.push(
        `<text class="wheel-more" x="${num(cx + sign * (hugX(hi - labelFont / 2) + 8 * k))}" y="${num(hi)}" font-size="${labelFont}" fill="${MUTED_INK}"${anchor}>${escapeXml(words.more(sorted.length - kept.length))}</text>`,
      );
    }
    const top = lo + labelFont / 2;
    const bottom = hi - labelFont / 2 - (kept.length < sorted.length ? line : 0);
    spread(kept.map((e) => e.y), line, top, bottom).forEach((y, i) => {
      const { mark, angle } = kept[i]!;
      const [ex, ey] = at(angle, elbowR);
      const dotX = cx + sign * hugX(y);
      const textX = num(dotX + sign * 8 * k);
      const baseline = num(y + labelFont * 0.36);
      if (!mark) {
        const [ox, oy] = at(angle, outer);
        leaders.push(
          `<polyline class="wheel-today" points="${num(ox)},${num(oy)} ${num(ex)},${num(ey)} ${num(dotX)},${num(y)}" fill="none" stroke="${TODAY_COLOUR}" stroke-width="${num(1.5 * k)}"/>`,
        );
        labels.push(`<text class="wheel-today" x="${textX}" y="${baseline}" font-size="${labelFont}" font-weight="bold" fill="${TODAY_COLOUR}"${anchor}>${escapeXml(words.today)}</text>`);
        return;
      }
      leaders.push(`<polyline points="${num(mark.x)},${num(mark.y)} ${num(ex)},${num(ey)} ${num(dotX)},${num(y)}" fill="none" stroke="${LEADER}" stroke-width="${num(0.8 * k)}"/>`);
      const label = truncateText(mark.occurrence.title, Math.min(19 * labelFont, textRoom), labelFont);
      const tip = label.truncated ? `<title>${escapeXml(normaliseSpace(mark.occurrence.title))}</title>` : "";
      labels.push(`<circle cx="${num(dotX)}" cy="${num(y)}" r="${num(2.6 * k)}" fill="${mark.colour}"/>`);
      labels.push(`<text class="wheel-label" x="${textX}" y="${baseline}" font-size="${labelFont}" fill="${INK}"${anchor}>${tip}${escapeXml(label.text)}</text>`);
    });
  });
  body.push(...leaders);
  if (todayAngle !== null) {
    const [x1, y1] = at(todayAngle, hub);
    const [x2, y2] = at(todayAngle, outer);
    body.push(`<line class="wheel-today" x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${TODAY_COLOUR}" stroke-width="${num(2.5 * k)}"/>`);
  }

  // Month names along the band, turned so none is upside down; a white halo cuts the lines under them.
  const monthFont = Math.max(10, Math.round(15 * k));
  for (let m = 1; m <= 12; m++) {
    const angle = (m - 0.5) * 30;
    const [x, y] = at(angle, (outer + ringsOuter) / 2);
    const turn = angle > 90 && angle < 270 ? angle - 180 : angle;
    body.push(
      `<text class="wheel-month" x="${num(x)}" y="${num(y + monthFont * 0.36)}" transform="rotate(${num(turn)} ${num(x)} ${num(y)})" font-size="${monthFont}" fill="${INK}" text-anchor="middle" stroke="${PAPER}" stroke-width="${num(4 * k)}" paint-order="stroke">${escapeXml(monthName(m))}</text>`,
    );
  }

  // The hub: the year, large, and the title.
  const yearFont = Math.max(20, Math.round(42 * k));
  const titleFont = Math.max(10, Math.round(15 * k));
  const titleLines = wrapText(options.title, hub * 1.6, titleFont, 2).lines;
  body.push(`<circle class="wheel-hub" cx="${num(cx)}" cy="${num(cy)}" r="${num(hub)}" fill="${PAPER}" stroke="${GRID}" stroke-width="${num(k)}"/>`);
  body.push(`<text x="${num(cx)}" y="${num(cy + yearFont * 0.2)}" font-size="${yearFont}" font-weight="bold" fill="${INK}" text-anchor="middle">${year.year}</text>`);
  titleLines.forEach((text, i) => {
    body.push(`<text x="${num(cx)}" y="${num(cy + yearFont * 0.2 + titleFont * 1.5 + i * titleFont * 1.25)}" font-size="${titleFont}" fill="${MUTED_INK}" text-anchor="middle">${escapeXml(text)}</text>`);
  });

  const detailFont = Math.max(9, Math.round(14 * k));
  for (const m of marks) {
    const spoken = [normaliseSpace(m.occurrence.title), m.when, normaliseSpace(m.category.name), normaliseSpace(m.occurrence.detail)].filter(Boolean).join(", ");
    const circle = `<circle class="wheel-mark" cx="${num(m.x)}" cy="${num(m.y)}" r="${num(markR)}" fill="${m.colour}" stroke="${PAPER}" stroke-width="${num(1.5 * k)}" data-angle="${num(m.angle)}"><title>${escapeXml(spoken)}</title></circle>`;
    if (!interactive) {
      body.push(circle);
      continue;
    }
    // The details panel over the hub: hidden here, shown by the page's CSS on :focus and :hover.
    const lines = wrapText(m.occurrence.title, hub * 1.55, detailFont, 3, true).lines;
    const rows = [...lines.map((text) => ({ text, bold: true, fill: INK })), { text: m.when, bold: false, fill: INK }, { text: normaliseSpace(m.category.name), bold: false, fill: MUTED_INK }];
    const lh = detailFont * 1.3;
    const y0 = cy - ((rows.length - 1) * lh) / 2 + detailFont * 0.36;
    const texts = rows.map((row, i) => {
      const fitted = truncateText(row.text, hub * 1.75, detailFont, row.bold).text;
      return `<text x="${num(cx)}" y="${num(y0 + i * lh)}" font-size="${detailFont}"${row.bold ? ' font-weight="bold"' : ""} fill="${row.fill}" text-anchor="middle">${escapeXml(fitted)}</text>`;
    });
    const href = m.occurrence.href ?? `#${m.occurrence.key}`;
    body.push(
      `<a href="${escapeXml(href)}" aria-label="${escapeXml(spoken)}">${circle}<g class="wheel-detail" visibility="hidden"><circle cx="${num(cx)}" cy="${num(cy)}" r="${num(hub - k)}" fill="${PAPER}" stroke="${m.colour}" stroke-width="${num(3 * k)}"/>${texts.join("")}</g></a>`,
    );
  }
  body.push(...labels);

  // The legend under the wheel, centred, wrapping onto more rows when the categories do not fit on one.
  const legendFont = Math.max(11, Math.round(13 * k));
  const items = categories.map((c) => ({ name: truncateText(c.name, width * 0.4, legendFont).text, colour: safeColour(c.colour), w: 0 }));
  for (const item of items) item.w = legendFont * 1.4 + textWidth(item.name, legendFont);
  const rowsOfItems: (typeof items)[] = [[]];
  let used = 0;
  for (const item of items) {
    const row = rowsOfItems[rowsOfItems.length - 1]!;
    if (row.length > 0 && used + item.w > width - 2 * pad) {
      rowsOfItems.push([item]);
      used = item.w + legendFont * 1.8;
    } else {
      row.push(item);
      used += item.w + legendFont * 1.8;
    }
  }
  let legendY = size + legendFont * 0.6;
  for (const row of rowsOfItems.filter((r) => r.length > 0)) {
    const total = row.reduce((sum, item) => sum + item.w, 0) + (row.length - 1) * legendFont * 1.8;
    let x = cx - total / 2;
    for (const item of row) {
      body.push(`<circle cx="${num(x + legendFont * 0.45)}" cy="${num(legendY)}" r="${num(legendFont * 0.45)}" fill="${item.colour}"/>`);
      body.push(`<text class="wheel-legend" x="${num(x + legendFont * 1.4)}" y="${num(legendY + legendFont * 0.36)}" font-size="${legendFont}" fill="${INK}">${escapeXml(item.name)}</text>`);
      x += item.w + legendFont * 1.8;
    }
    legendY += legendFont * 1.9;
  }
  const height = Math.ceil(legendY + pad);

  // The text alternative: the caller's summary, then each month's events, so it carries everything the picture does.
  const byMonth = new Map<number, string[]>();
  for (const m of [...marks].sort((a, b) => a.angle - b.angle)) {
    const month = Math.min(12, Math.floor(m.angle / 30) + 1);
    byMonth.set(month, [...(byMonth.get(month) ?? []), normaliseSpace(m.occurrence.title)]);
  }
  const sentences = [...byMonth].map(([month, titles]) => `${capitalise(monthName(month))}: ${titles.join(", ")}.`);
  const desc = [normaliseSpace(options.description), ...(marks.length === 0 ? [words.none] : sentences)].filter(Boolean).join(" ");

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="${interactive ? "group" : "img"}" aria-labelledby="${idPrefix}-title" aria-describedby="${idPrefix}-desc" font-family="${FONT_FAMILY}">`,
    `<title id="${idPrefix}-title">${escapeXml(normaliseSpace(options.title))}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(desc)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${PAPER}"/>`,
    ...body,
    "</svg>",
  ].join("\n");
}
