// From an uploaded file to what the preview shows: read (./readers), check for personal data before anything else
// (an identity number refuses the import, with its lines shown masked), then recognise the plan shape with the target
// plan's own words (its names for goals and measures, its lead-ins, its goals' titles and texts for OCR repair).
// Used by the upload page and by `samverka import`; nothing is written here.
import type { Locale } from "../domain/vocabulary.ts";
import type { PlanGraph } from "../queries/plan-graph.ts";
import { translator, type MessageKey } from "../web/i18n/index.ts";
import { checkImportPersonalData, type PersonalDataLine } from "./personal-data.ts";
import { readDocument } from "./readers/read-document.ts";
import { recognise, type RecogniseOptions } from "./recognise/recognise.ts";
import type { StoredImport } from "./stored.ts";

export type ReadAndRecognise =
  | { ok: true; stored: StoredImport }
  | { ok: false; reason: "unreadable"; message: string }
  | { ok: false; reason: "personalData"; message: string; lines: PersonalDataLine[] };

/** The recogniser's options from the target plan, when there is one; general conventions alone otherwise. */
export function recogniseOptionsFor(graph: PlanGraph | null, locale: Locale): RecogniseOptions {
  const t = translator(locale);
  const messages = { contents: t("import.warning.contents"), readOnce: t("import.warning.readOnce"), goalFromNumber: t("import.warning.goalFromNumber") };
  if (!graph) return { messages };
  const v = graph.plan.vocabulary;
  const words = (pair: { sv: { one: string; other: string }; en?: { one: string; other: string } | undefined }) =>
    [pair.sv.one, pair.sv.other, ...(pair.en ? [pair.en.one, pair.en.other] : [])];
  return {
    messages,
    goalWords: words(v.goal),
    measureWords: words(v.measure),
    strategyIntros: [v.strategyIntro.sv, v.strategyIntro.en ?? ""].filter((x) => x.trim()),
    prerequisiteIntros: [v.prerequisites.sv, v.prerequisites.en ?? ""].filter((x) => x.trim()),
    knownGoals: graph.goals.map((g) => ({ number: g.number, title: g.title })),
    planTexts: [
      graph.plan.name, graph.plan.vision, graph.plan.introduction,
      ...graph.goals.flatMap((g) => [g.title, g.text]),
      ...graph.strategies.flatMap((s) => [s.title, s.text ?? ""]),
      ...graph.activities.flatMap((a) => [a.title, a.description]),
    ].filter((x): x is string => typeof x === "string" && x.trim() !== ""),
  };
}

export async function readAndRecognise(bytes: Uint8Array, fileName: string, graph: PlanGraph | null, locale: Locale): Promise<ReadAndRecognise> {
  const t = translator(locale);
  const read = await readDocument(bytes, fileName);
  if (!read.ok) return { ok: false, reason: "unreadable", message: t(read.problem.key as MessageKey, read.problem.params) };
  const personal = checkImportPersonalData(read.blocks);
  if (personal.refused.length > 0) {
    return { ok: false, reason: "personalData", message: t("import.refusedPersonalData", { count: personal.refused.length }), lines: personal.refused };
  }
  const draft = recognise(read.blocks, recogniseOptionsFor(graph, locale));
  draft.warnings.unshift(...read.warnings.map((w) => ({ message: t(w.key as MessageKey, w.params), where: w.where ?? {} })));
  return { ok: true, stored: { format: read.format, draft, flagged: personal.flagged } };
}
