// `samverka report compiled|action-plan|follow-up …`: a round's compiled report, an organisation's action plan or its
// follow-up report for a round, written to a file (overwritten). See `samverka help report`.
import { rename, writeFile } from "node:fs/promises";
import { and, eq, isNull, or } from "drizzle-orm";
import type { Config } from "../../config.ts";
import * as s from "../../db/schema/index.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";
import { collectCompiledReport } from "../../reports/compiled/collect.ts";
import { renderCompiledDocx } from "../../reports/compiled/render-docx.ts";
import { renderCompiledHtml } from "../../reports/compiled/render-html.tsx";
import { renderCompiledPdf } from "../../reports/compiled/render-pdf.ts";
import { collectActionPlanDocument } from "../../reports/organisation/action-plan-document.ts";
import { collectFollowUpDocument } from "../../reports/organisation/follow-up-document.ts";
import { renderOutlineDocx } from "../../reports/organisation/render-docx.ts";
import { renderOutlinePdf } from "../../reports/organisation/render-pdf.ts";
import type { Db } from "../../db/client.ts";
import { Refused } from "../cli-error.ts";

export interface ReportCompiledOptions {
  workspace: string;
  /** The round's name ("Uppföljning 2024") or slug. */
  round: string;
  /** The plan's slug, when rounds of several plans share the name. */
  plan?: string | undefined;
  format: "docx" | "pdf" | "html";
  includeDrafts: boolean;
  lang: "sv" | "en";
  out: string;
}

type Workspace = typeof s.workspaces.$inferSelect;

async function findWorkspace(db: Db, slug: string): Promise<Workspace> {
  const [workspace] = await db.select().from(s.workspaces).where(eq(s.workspaces.slug, slug));
  if (!workspace) throw new Refused(`no workspace "${slug}"`);
  return workspace;
}

/** A round by its name or slug, of the plan when given; refused when none or several plans have it. */
async function findRound(db: Db, workspace: Workspace, name: string, planSlug: string | undefined) {
  const found = await db
    .select({ round: s.followUpRounds, plan: s.plans })
    .from(s.followUpRounds)
    .innerJoin(s.plans, eq(s.plans.id, s.followUpRounds.planId))
    .where(and(
      eq(s.followUpRounds.workspaceId, workspace.id),
      isNull(s.plans.archivedAt),
      or(eq(s.followUpRounds.slug, name), eq(s.followUpRounds.name, name)),
      ...(planSlug ? [eq(s.plans.slug, planSlug)] : []),
    ));
  if (found.length === 0) throw new Refused(`no follow-up round "${name}" in workspace "${workspace.slug}"${planSlug ? ` plan "${planSlug}"` : ""}`);
  if (found.length > 1) throw new Refused(`several plans have a round "${name}" (${found.map((f) => f.plan.slug).join(", ")}); choose one with --plan <slug>`);
  return found[0]!;
}

/** An organisation by its slug or its name (any case). */
async function findOrganisation(db: Db, workspace: Workspace, nameOrSlug: string) {
  const all = await db.select().from(s.organisations).where(eq(s.organisations.workspaceId, workspace.id));
  const wanted = nameOrSlug.toLocaleLowerCase("sv-SE");
  const organisation = all.find((o) => o.slug === nameOrSlug) ?? all.find((o) => o.name.toLocaleLowerCase("sv-SE") === wanted);
  if (!organisation) throw new Refused(`no organisation "${nameOrSlug}" in workspace "${workspace.slug}"`);
  return organisation;
}

/** Writes beside the target and renames, so a failed write never leaves half a file under the real name. */
async function writeOut(file: string, body: Buffer | string) {
  const temporary = `${file}.partial`;
  await writeFile(temporary, body);
  await rename(temporary, file);
}

async function withDatabase(config: Config, work: (db: Db) => Promise<void>) {
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    await work(database.db);
  } finally {
    await database.close();
  }
}

export async function reportCompiledCommand(config: Config, options: ReportCompiledOptions, out: (line: string) => void): Promise<void> {
  await withDatabase(config, async (db) => {
    const workspace = await findWorkspace(db, options.workspace);
    const { round, plan } = await findRound(db, workspace, options.round, options.plan);
    const report = await collectCompiledReport(db, {
      workspace, plan, round, viewer: null, options: { includeDrafts: options.includeDrafts, locale: options.lang },
    });
    const body =
      options.format === "docx" ? await renderCompiledDocx(report) : options.format === "pdf" ? await renderCompiledPdf(report) : renderCompiledHtml(report);
    await writeOut(options.out, body);
    out(`compiled report of "${round.name}" (${plan.slug}) written to ${options.out} (${options.format}, ${Buffer.byteLength(body)} bytes)`);
  });
}

export interface ReportOrganisationOptions {
  workspace: string;
  organisation: string;
  /** For follow-up: the round's name or slug. */
  round?: string | undefined;
  plan?: string | undefined;
  format: "docx" | "pdf";
  lang: "sv" | "en";
  out: string;
}

/** `report action-plan` and `report follow-up`: an organisation's document. */
export async function reportOrganisationCommand(
  config: Config, which: "action-plan" | "follow-up", options: ReportOrganisationOptions, out: (line: string) => void,
): Promise<void> {
  await withDatabase(config, async (db) => {
    const workspace = await findWorkspace(db, options.workspace);
    const organisation = await findOrganisation(db, workspace, options.organisation);
    let document;
    if (which === "follow-up") {
      const { round, plan } = await findRound(db, workspace, options.round!, options.plan);
      const [asked] = await db.select({ id: s.organisationReports.id }).from(s.organisationReports)
        .where(and(eq(s.organisationReports.roundId, round.id), eq(s.organisationReports.organisationId, organisation.id)));
      if (!asked) throw new Refused(`${organisation.name} has no report in "${round.name}"`);
      document = await collectFollowUpDocument(db, { workspace, plan, round, organisation, locale: options.lang });
    } else {
      const found = await db
        .select({ actionPlan: s.actionPlans, plan: s.plans })
        .from(s.actionPlans)
        .innerJoin(s.plans, eq(s.plans.id, s.actionPlans.planId))
        .where(and(eq(s.actionPlans.organisationId, organisation.id), isNull(s.plans.archivedAt), ...(options.plan ? [eq(s.plans.slug, options.plan)] : [])));
      if (found.length === 0) throw new Refused(`${organisation.name} has no action plan${options.plan ? ` in plan "${options.plan}"` : ""}`);
      if (found.length > 1) throw new Refused(`${organisation.name} has action plans in several plans (${found.map((f) => f.plan.slug).join(", ")}); choose one with --plan <slug>`);
      const { actionPlan, plan } = found[0]!;
      document = await collectActionPlanDocument(db, { workspace, plan, organisation, actionPlan, locale: options.lang });
    }
    const body = options.format === "docx" ? await renderOutlineDocx(document) : await renderOutlinePdf(document);
    await writeOut(options.out, body);
    out(`${which === "follow-up" ? "follow-up report" : "action plan"} of ${organisation.name} written to ${options.out} (${options.format}, ${body.length} bytes)`);
  });
}
