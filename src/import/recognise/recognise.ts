// From a document's blocks to the plan shape it holds (./draft.ts): goals with their strategies and prerequisites,
// measures under them with their kind group, labelled fields, follow-up text, and suggested statuses and figures.
// It works from general Swedish plan conventions (./patterns.ts) plus the target plan's own words when given; what it
// does not understand is kept as text with where it stood, never dropped.
import { cleanBlocks, splitAtStructure, type Block } from "./blocks.ts";
import type { DraftGoal, DraftKind, DraftMeasure, ImportDraft, MeasureKind, Unrecognised, Warning, Where } from "./draft.ts";
import { figuresIn } from "./figures.ts";
import { repairBlocks } from "./ocr-repair.ts";
import { comparable, fold, squash } from "./fold.ts";
import {
  bareMeasureLine, fieldOf, goalLine, goalWords, kindLine, labelledField, measureLine, measureWords, numberedHeading,
  goalListIntro, prerequisitesIntro, strategiesIntro, stripBullet, type FieldName,
} from "./patterns.ts";
import { statusFromLabel, statusFromWording } from "./status-words.ts";
import { firstSentence, TableReader } from "./table.ts";

export interface RecogniseOptions {
  /** The target plan's words for a goal and a measure, in any form ("Fokusområde", "Åtgärd"). */
  goalWords?: readonly string[];
  measureWords?: readonly string[];
  /** The plan's own lead-ins of a goal's strategies ("Så här arbetar vi") and of what needs to be in place. */
  strategyIntros?: readonly string[];
  prerequisiteIntros?: readonly string[];
  /** The target plan's texts (goal titles, measure texts), the strongest evidence when repairing OCR's words. */
  planTexts?: readonly string[];
  /** The target plan's goals, so a heading that repeats a goal's title is read as that goal. */
  knownGoals?: ReadonlyArray<{ number: string; title: string }>;
  messages: { contents: string; readOnce: string; goalFromNumber: string };
}

const LIST_FIELDS = new Set<FieldName>(["responsible", "coResponsible", "preventionLevels", "targetGroups"]);
const SHORT = 220;

/** Several names in one value: bullets, lines, semicolons or commas. */
export function splitNames(value: string): string[] {
  return value.split(/\n|;|,\s+|\s+[•·▪]\s*|^[•·▪]\s*/u).map((x) => squash(stripBullet(x).text).replace(/[.]$/, "")).filter(Boolean);
}

export function recognise(input: readonly Block[], options: RecogniseOptions): ImportDraft {
  const goalWordList = goalWords(options.goalWords);
  const measureWordList = measureWords(options.measureWords);
  const repaired = repairBlocks(input, options.planTexts ?? []);
  const cleaned = cleanBlocks(repaired.blocks, options.messages);
  const warnings = cleaned.warnings;
  const blocks = splitAtStructure(cleaned.blocks, { goalWords: goalWordList, measureWords: measureWordList, strategyIntros: options.strategyIntros ?? [] });
  const knownGoals = (options.knownGoals ?? []).map((g) => ({ ...g, key: comparable(g.title) }));
  const hasGoalLines = blocks.some((b) => b.kind !== "tableRow" && goalLine(stripBullet(b.text).text, goalWordList));

  const goals: DraftGoal[] = [];
  const measures: DraftMeasure[] = [];
  const unrecognised: Unrecognised[] = [];
  let title: string | null = null;
  let vision: string | null = null;
  let expectVision = false;
  let goal: DraftGoal | null = null;
  let kind: MeasureKind | null = null;
  let measure: DraftMeasure | null = null;
  let field: FieldName | null = null;
  let mode: "text" | "strategies" | "prerequisites" | "goalList" = "text";
  /** Goals read from a list ("Planens inriktningsmål är: …") carry no numbers: their "Genom att:" blocks follow in order. */
  let goalsFromList = false;
  let goalsFromListDone = false;
  let strategyBlocks = 0;
  let goalTitleOpen = false;
  let measureTitleOpen = false;
  const statusFields = new Map<DraftMeasure, string>();
  const table = new TableReader(measureWordList, goalWordList);

  const keep = (text: string, where: Where) => unrecognised.push({ text: squash(text), where });
  const startGoal = (number: string, goalTitle: string, where: Where) => {
    const existing = goals.find((g) => g.number === number);
    goal = existing ?? { number, title: goalTitle, text: "", strategies: [], prerequisites: [], where };
    if (!existing) goals.push(goal);
    else if (!existing.title) existing.title = goalTitle;
    goalTitleOpen = true;
    kind = null;
    measure = null;
    field = null;
    mode = "text";
  };
  const startMeasure = (number: string | null, measureTitle: string, where: Where): DraftMeasure => {
    const prefix = number && /[.:]/.test(number) ? number.split(/[.:]/)[0]! : null;
    let goalNumber = (goal as DraftGoal | null)?.number ?? null;
    if (prefix && prefix !== goalNumber) {
      // "Aktivitet 2.1" under no goal, or under goal 1: the number says goal 2.
      if (goalNumber !== null) warnings.push({ message: options.messages.goalFromNumber.replace("{number}", number!), where });
      goalNumber = prefix;
    }
    const created: DraftMeasure = {
      number, goal: goalNumber, title: measureTitle, description: "", kind, responsible: [], coResponsible: [], preventionLevels: [],
      targetGroups: [], period: null, status: null, statusPhrase: null, followUp: null, figures: [], where,
    };
    measures.push(created);
    measure = created;
    field = "description";
    measureTitleOpen = !/[.!?]$/.test(measureTitle);
    return created;
  };
  const addToField = (target: DraftMeasure, name: FieldName, value: string) => {
    if (!value.trim()) return;
    if (LIST_FIELDS.has(name)) {
      const list = target[name as "responsible" | "coResponsible" | "preventionLevels" | "targetGroups"];
      for (const item of splitNames(value)) if (!list.includes(item)) list.push(item);
    } else if (name === "status") statusFields.set(target, value);
    else if (name === "period") target.period = squash(value);
    else if (name === "followUp") target.followUp = target.followUp ? `${target.followUp}\n\n${value.trim()}` : value.trim();
    else {
      // A description that opens with the group ("Aktivitet i samverkan med andra aktörer.") gives the measure's kind.
      const group = kindLine(value);
      let text = value;
      if (group && !target.description) {
        target.kind = group.kind;
        text = value.slice(group.length).replace(/^[\s.:]+/, "");
      }
      if (text.trim()) target.description = target.description ? `${target.description}\n\n${text.trim()}` : text.trim();
    }
  };

  for (const block of blocks) {
    if (block.kind === "tableRow") {
      const row = table.read(block);
      if (row.kind === "measure") {
        if (row.goal && row.goal !== (goal as DraftGoal | null)?.number) startGoal(row.goal, row.goalTitle ?? "", block.where);
        const created = startMeasure(row.number, row.title, block.where);
        measureTitleOpen = false;
        for (const [name, value] of row.fields) addToField(created, name, value);
        field = null;
      } else if (row.kind === "field" && measure) {
        addToField(measure, row.field, row.value);
        field = row.field;
      } else if (row.kind === "unknown") keep(row.text, block.where);
      continue;
    }
    table.reset();
    const { bulleted, text } = stripBullet(block.text);
    const listy = block.kind === "listItem" || bulleted;
    const short = text.length <= SHORT;

    if (title === null && block.kind === "heading") {
      title = squash(text);
      if (!goalLine(text, goalWordList)) continue;
    }

    // A goal: "Inriktningsmål 3 – …", a heading repeating a known goal's title, or a numbered heading.
    const g = !listy && short ? goalLine(text, goalWordList) : null;
    const known = block.kind === "heading" && !g ? knownGoals.find((k) => k.key === comparable(text)) : undefined;
    const numbered = block.kind === "heading" && !g && !known && !hasGoalLines && block.level <= 2 ? numberedHeading(text) : null;
    if (g || known || numbered) {
      startGoal(g?.number ?? known?.number ?? numbered!.number, g?.rest ?? known?.title ?? numbered!.rest, block.where);
      continue;
    }
    // A goal line without its title takes the next block; a title broken over lines goes on in lower case.
    if (goalTitleOpen && goal && !listy && short && (!(goal as DraftGoal).title || /^\p{Ll}/u.test(text))) {
      const g0 = goal as DraftGoal;
      g0.title = squash(g0.title ? `${g0.title} ${text}` : text);
      goalTitleOpen = false;
      continue;
    }
    goalTitleOpen = false;

    // A group heading: Stadsövergripande / i samverkan / Verksamhetsspecifika.
    const group = kindLine(text);
    if (group && text.length - group.length < 3) {
      kind = group.kind;
      measure = null;
      field = null;
      mode = "text";
      continue;
    }

    // A measure: "Aktivitet 1.1: …", a bare "1.1 …", or a bullet under a group heading.
    const m = measureLine(text, measureWordList) ?? (short || block.kind === "heading" ? bareMeasureLine(text) : null);
    if (m) {
      // A long block: its first sentence is the title, the rest the description.
      const titleEnd = m.rest.length > SHORT ? /^.{10,300}?[.!?](?=\s|$)/su.exec(m.rest)?.[0] ?? "" : "";
      const created = startMeasure(m.number, titleEnd ? squash(titleEnd) : m.rest, block.where);
      if (titleEnd) {
        measureTitleOpen = false;
        addToField(created, "description", m.rest.slice(titleEnd.length).trim());
      }
      mode = "text";
      continue;
    }
    if (measureTitleOpen && measure && !listy && /^\p{Ll}/u.test(text) && short) {
      (measure as DraftMeasure).title = squash(`${(measure as DraftMeasure).title} ${text}`);
      measureTitleOpen = !/[.!?]$/.test(text.trim());
      continue;
    }
    measureTitleOpen = false;

    if (strategiesIntro(text, options.strategyIntros)) {
      if (goalsFromList) goal = goals[strategyBlocks] ?? goal;
      strategyBlocks++;
      mode = goal ? "strategies" : "text";
      measure = null;
      continue;
    }
    // "Planens inriktningsmål är:" then the goals, one short line each, unnumbered.
    if (!listy && goalListIntro(text, goalWordList) && !hasGoalLines) {
      mode = "goalList";
      measure = null;
      continue;
    }
    if (mode === "goalList") {
      const candidate = squash(text);
      // A second list of the same goals (plans repeat them) only confirms the first; a goal word alone ends the list.
      const same = goals.find((g) => comparable(g.title) === comparable(candidate));
      const fits = candidate.length <= 160 && !/[.!?]$/.test(candidate) && block.kind !== "heading" && !goalWordList.includes(comparable(candidate));
      if (fits && (same || !goalsFromListDone)) {
        goalsFromList = true;
        if (!same) goals.push({ number: String(goals.length + 1), title: candidate, text: "", strategies: [], prerequisites: [], where: block.where });
        goal = same ?? goals[goals.length - 1]!;
        continue;
      }
      if (goalsFromList) goalsFromListDone = true;
      mode = "text";
      goal = null;
    }
    if (goal && !measure && !listy && prerequisitesIntro(text, options.prerequisiteIntros)) {
      mode = "prerequisites";
      continue;
    }

    // A field: "Ansvarig nämnd: …", or a label alone with its value in the blocks that follow.
    const labelled = labelledField(text);
    if (labelled && measure) {
      field = labelled.field;
      addToField(measure, labelled.field, labelled.value);
      continue;
    }
    const label = !listy && text.length <= 40 ? fieldOf(text) : null;
    if (label && measure) {
      field = label;
      continue;
    }

    if (listy) {
      if (mode === "strategies" && goal && !measure) (goal as DraftGoal).strategies.push({ title: squash(text), text: "" });
      else if (mode === "prerequisites" && goal && !measure) (goal as DraftGoal).prerequisites.push(squash(text));
      else if (measure && field && LIST_FIELDS.has(field)) addToField(measure, field, text);
      else if (kind && goal && (!measure || (measure as DraftMeasure).number === null)) {
        startMeasure(null, squash(text), block.where);
        measureTitleOpen = false;
      } else if (measure) addToField(measure, field ?? "description", `• ${squash(text)}`);
      else keep(text, block.where);
      continue;
    }

    // Running text.
    if (expectVision && !vision) {
      vision = squash(text.replace(/[*_"”“]/g, ""));
      expectVision = false;
      continue;
    }
    const visionAt = /\bvision\b[^.:\n]{0,60}?(?:är att|är|:)\s*(.*)$/su.exec(text.replace(/[*_]/g, ""));
    if (visionAt && !vision && !measure) {
      const rest = squash(visionAt[1]!.replace(/["”“]/g, "")).replace(/^[:\s]+/, "");
      if (rest) vision = rest;
      else expectVision = true;
      continue;
    }
    if (mode === "strategies" && goal && !measure) {
      addStrategyText(goal, text);
      continue;
    }
    if (measure) addToField(measure, field ?? "description", text);
    else if (goal && (goal as DraftGoal).strategies.length === 0 && mode === "text") {
      (goal as DraftGoal).text = (goal as DraftGoal).text ? `${(goal as DraftGoal).text}\n\n${text.trim()}` : text.trim();
    } else keep(text, block.where);
  }

  for (const m of measures) {
    // "Åtgärd 1:3" alone, its text in a "Beskrivning:" field: the text's first sentence is its title, as in a table.
    if (!m.title.trim() && m.description.trim()) m.title = firstSentence(m.description);
    const stated = statusFields.get(m);
    const said = stated ? statusFromLabel(stated) : m.followUp ? statusFromWording(m.followUp) : null;
    if (said) {
      m.status = said.status;
      m.statusPhrase = said.phrase;
    }
    if (m.followUp) m.figures = figuresIn(m.followUp);
  }
  return { kind: kindOf(title, blocks, measures), title, vision, goals, measures, unrecognised, repairs: repaired.repairs, warnings: warnings as Warning[] };
}

/** A strategy under "Genom att:": a short title line, then its text (in the same block or the next). */
function addStrategyText(goal: DraftGoal, text: string) {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const last = goal.strategies[goal.strategies.length - 1];
  // Title lines: up to the first line that starts a sentence after a line that ends one or is short and unpunctuated.
  let cut = 0;
  while (cut < lines.length - 1 && cut < 3 && !/[.!?]$/.test(lines[cut]!) && (cut === 0 || /^\p{Ll}/u.test(lines[cut]!))) cut++;
  const titleText = lines.slice(0, cut).join(" ");
  const looksTitled = lines.length > 1 && cut > 0 && titleText.length <= 80 && /^\p{Lu}/u.test(lines[cut] ?? "");
  if (looksTitled) {
    goal.strategies.push({ title: squash(titleText), text: squash(lines.slice(cut).join(" ")) });
  } else if (lines.length === 1 && text.length <= 80 && !/[.!?]$/.test(text.trim())) {
    goal.strategies.push({ title: squash(text), text: "" });
  } else if (last) {
    last.text = last.text ? `${last.text}\n\n${squash(text)}` : squash(text);
  } else {
    goal.strategies.push({ title: "", text: squash(text) });
  }
}

function kindOf(title: string | null, blocks: readonly Block[], measures: readonly DraftMeasure[]): DraftKind {
  if (measures.length === 0) return "plan";
  const opening = [title ?? "", ...blocks.slice(0, 12).filter((b) => b.kind === "heading").map((b) => (b.kind === "heading" ? b.text : ""))].join(" ");
  if (measures.some((m) => m.followUp) || /uppfoljning|redovisning|lagesrapport/u.test(fold(opening))) return "follow-up";
  return "action-plan";
}
