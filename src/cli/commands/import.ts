// `samverka import <file> [--workspace <slug>] [--plan <slug>] [--org <name>] [--as <e-mail>] [--dry-run]
// [--format json|text]`: read and recognise a document; with --dry-run print what was found (--format json: exactly one
// JSON document on stdout, the published shape), otherwise commit it into the organisation's action plan in one
// transaction through the ordinary commands, recorded as the account given with --as. Without --workspace only
// --dry-run is possible, recognising by general conventions alone.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";
import * as s from "../../db/schema/index.ts";
import { viewerOfUser } from "../../accounts/sessions.ts";
import { loadPlanGraph, type PlanGraph } from "../../queries/plan-graph.ts";
import { readAndRecognise } from "../../import/read-and-recognise.ts";
import { MAX_IMPORT_BYTES } from "../../import/readers/read-document.ts";
import type { ImportDraft, Where } from "../../import/recognise/draft.ts";
import { commitActionPlanImport, ImportRefused, proposalFor } from "../../import/commit/action-plan.ts";
import { translator, type MessageKey } from "../../web/i18n/index.ts";
import { Forbidden } from "../../domain/errors.ts";
import { Refused, UsageError } from "../cli-error.ts";

export interface ImportOptions {
  file: string;
  workspace?: string | undefined;
  plan?: string | undefined;
  organisation?: string | undefined;
  as?: string | undefined;
  dryRun: boolean;
  /** The person importing has seen the likely personal data the document was flagged for (names, phone numbers). */
  confirmPersonalData: boolean;
  format: "json" | "text";
}

/** The draft in the shape the issue publishes for scripts (docs/import.md). */
export function publishedShape(draft: ImportDraft) {
  const where = (w: Where) => ({ ...(w.page !== undefined ? { page: w.page } : {}), ...(w.line !== undefined ? { line: w.line } : {}) });
  return {
    kind: draft.kind,
    vision: draft.vision,
    goals: draft.goals.map((g) => ({ number: g.number, title: g.title, text: g.text, strategies: g.strategies.map((x) => ({ title: x.title, text: x.text })), prerequisites: g.prerequisites })),
    measures: draft.measures.map((m) => ({
      number: m.number, goal: m.goal, title: m.title, description: m.description, kind: m.kind, responsible: m.responsible, coResponsible: m.coResponsible,
      preventionLevels: m.preventionLevels, status: m.status, followUp: m.followUp,
      figures: m.figures.map((f) => ({ name: f.name, value: f.value, unit: f.unit, qualifier: f.qualifier, baseline: f.baseline, target: f.target, year: f.year })),
    })),
    unrecognised: draft.unrecognised.map((u) => ({ text: u.text, where: where(u.where) })),
    repairs: draft.repairs.map((r) => ({ from: r.from, to: r.to, where: where(r.where) })),
    warnings: draft.warnings.map((w) => ({ message: w.message, where: where(w.where) })),
  };
}

function summary(draft: ImportDraft): string[] {
  const lines = [`kind: ${draft.kind}`, ...(draft.vision ? [`vision: ${draft.vision}`] : [])];
  for (const g of draft.goals) lines.push(`goal ${g.number}: ${g.title}${g.strategies.length ? ` (${g.strategies.length} strategies)` : ""}`);
  for (const m of draft.measures) {
    const facts = [m.kind, m.status && `status ${m.status}`, m.responsible.length && `responsible ${m.responsible.join(", ")}`, m.figures.length && `figures ${m.figures.map((f) => f.value).join(", ")}`].filter(Boolean);
    lines.push(`  ${m.number ?? "–"} (goal ${m.goal ?? "–"}) ${m.title}${facts.length ? ` [${facts.join("; ")}]` : ""}`);
  }
  lines.push(`${draft.unrecognised.length} pieces not recognised, ${draft.repairs.length} words repaired`);
  for (const w of draft.warnings) lines.push(`note: ${w.message}`);
  return lines;
}

async function targetOf(db: Db, options: ImportOptions) {
  const [workspace] = await db.select().from(s.workspaces).where(eq(s.workspaces.slug, options.workspace!));
  if (!workspace) throw new Refused(`no workspace "${options.workspace}"`);
  const plans = await db.select().from(s.plans).where(and(eq(s.plans.workspaceId, workspace.id), isNull(s.plans.archivedAt), ...(options.plan ? [eq(s.plans.slug, options.plan)] : [])));
  if (plans.length === 0) throw new Refused(`no plan${options.plan ? ` "${options.plan}"` : ""} in workspace "${workspace.slug}"`);
  if (plans.length > 1) throw new Refused(`workspace "${workspace.slug}" has several plans (${plans.map((p) => p.slug).join(", ")}); choose one with --plan <slug>`);
  return { workspace, plan: plans[0]! };
}

export async function importCommand(config: Config, options: ImportOptions, out: (line: string) => void, err: (line: string) => void): Promise<void> {
  if (!options.workspace && !options.dryRun) throw new UsageError("importing needs --workspace <slug> (or --dry-run to only see what is recognised)");
  if (!options.dryRun && !options.organisation) throw new UsageError("importing an action plan needs --org <name or slug>: whose action plan it is");
  if (!options.dryRun && !options.as) throw new UsageError("importing needs --as <e-mail>: the account the import is made and recorded as");
  const size = await stat(options.file).then((x) => x.size, () => null);
  if (size === null) throw new UsageError(`no file "${options.file}"`);
  if (size > MAX_IMPORT_BYTES) throw new Refused(translator("en")("import.reader.tooLarge", { max: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) }));
  const bytes = await readFile(options.file);
  const t = translator("en");

  const recogniseWith = async (graph: PlanGraph | null) => {
    const result = await readAndRecognise(bytes, basename(options.file), graph, "en");
    if (!result.ok && result.reason === "personalData") {
      for (const line of result.lines) err(`  ${line.where.page ? `page ${line.where.page}, ` : ""}line ${line.where.line ?? "?"}: ${line.excerpt}`);
      throw new Refused(result.message);
    }
    if (!result.ok) throw new Refused(result.message);
    return result.stored;
  };
  const print = (draft: ImportDraft) => {
    if (options.format === "json") out(JSON.stringify(publishedShape(draft), null, 2));
    else for (const line of summary(draft)) out(line);
  };

  if (!options.workspace) {
    print((await recogniseWith(null)).draft);
    return;
  }
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    const db = database.db;
    const { workspace, plan } = await targetOf(db, options);
    const graph = await loadPlanGraph(db, workspace, plan, { includeUnaccepted: true });
    const stored = await recogniseWith(graph);
    if (options.dryRun) {
      print(stored.draft);
      return;
    }
    if (stored.draft.kind !== "action-plan") {
      throw new Refused(`the document reads as ${stored.draft.kind === "plan" ? "a plan" : "a follow-up report"}; only action plans are committed so far (see what was found with --dry-run)`);
    }
    const wanted = options.organisation!.toLocaleLowerCase("sv-SE");
    const organisation = graph.organisations.find((o) => o.slug === options.organisation || o.name.toLocaleLowerCase("sv-SE") === wanted);
    if (!organisation) throw new Refused(`no organisation "${options.organisation}" in workspace "${workspace.slug}"`);
    const [user] = await db.select().from(s.users).where(eq(s.users.email, options.as!.toLowerCase()));
    if (!user) throw new Refused(`no account "${options.as}"`);
    const viewer = await viewerOfUser(db, { id: user.id, email: user.email, name: user.name, systemAdmin: user.systemAdmin });
    // What the preview would show, said on stderr before committing, so a log tells what happened.
    if (stored.flagged.length > 0) {
      for (const line of stored.flagged) err(`  possible personal data, ${line.where.page ? `page ${line.where.page}, ` : ""}line ${line.where.line ?? "?"}: ${line.excerpt}`);
      if (!options.confirmPersonalData) throw new Refused("the document may hold personal data (above); check it, then run again with --confirm-personal-data");
    }
    const proposal = await proposalFor(db, { workspace, plan, organisationId: organisation.id, draft: stored.draft, corrections: {} });
    // Names that match no organisation are added, as the preview offers by default.
    const newNames = proposal.names.filter((n) => n.organisationId === null || n.organisationId === "new").map((n) => n.written);
    const corrections = { organisations: Object.fromEntries(newNames.map((written) => [written, "new"])) };
    if (newNames.length > 0) err(`organisations added as new: ${newNames.join(", ")}`);
    try {
      const result = await commitActionPlanImport(db, viewer, {
        workspace, plan, organisationId: organisation.id, draft: stored.draft, corrections, confirmedPersonalData: options.confirmPersonalData, via: "cli", fileName: basename(options.file),
      });
      out(`imported into the action plan of ${organisation.name}: ${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged, ${result.organisationsCreated} organisations added`);
    } catch (error) {
      if (error instanceof Forbidden) throw new Refused(`${user.email} may not write the action plan of ${organisation.name}`);
      if (error instanceof ImportRefused) {
        const problem = t(error.problem.key as MessageKey, error.problem.params);
        throw new Refused(error.measure ? `${error.measure.label}: ${problem}` : problem);
      }
      throw error;
    }
  } finally {
    await database.close();
  }
}
