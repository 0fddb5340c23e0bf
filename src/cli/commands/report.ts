// `samverka report compiled --workspace <slug> --round <name or slug> --format docx|pdf|html [--include-drafts]
// [--lang sv|en] [--plan <slug>] --out <file>`: a round's compiled report written to a file (overwritten).
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

export async function reportCompiledCommand(config: Config, options: ReportCompiledOptions, out: (line: string) => void): Promise<void> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    const db = database.db;
    const [workspace] = await db.select().from(s.workspaces).where(eq(s.workspaces.slug, options.workspace));
    if (!workspace) throw new Refused(`no workspace "${options.workspace}"`);
    const found = await db
      .select({ round: s.followUpRounds, plan: s.plans })
      .from(s.followUpRounds)
      .innerJoin(s.plans, eq(s.plans.id, s.followUpRounds.planId))
      .where(and(
        eq(s.followUpRounds.workspaceId, workspace.id),
        isNull(s.plans.archivedAt),
        or(eq(s.followUpRounds.slug, options.round), eq(s.followUpRounds.name, options.round)),
        ...(options.plan ? [eq(s.plans.slug, options.plan)] : []),
      ));
    if (found.length === 0) throw new Refused(`no follow-up round "${options.round}" in workspace "${options.workspace}"${options.plan ? ` plan "${options.plan}"` : ""}`);
    if (found.length > 1) throw new Refused(`several plans have a round "${options.round}" (${found.map((f) => f.plan.slug).join(", ")}); choose one with --plan <slug>`);
    const { round, plan } = found[0]!;
    const report = await collectCompiledReport(db, {
      workspace, plan, round, viewer: null, options: { includeDrafts: options.includeDrafts, locale: options.lang },
    });
    const body =
      options.format === "docx" ? await renderCompiledDocx(report) : options.format === "pdf" ? await renderCompiledPdf(report) : renderCompiledHtml(report);
    // Write beside the target and rename, so a failed write never leaves half a file under the real name.
    const temporary = `${options.out}.partial`;
    await writeFile(temporary, body);
    await rename(temporary, options.out);
    out(`compiled report of "${round.name}" (${plan.slug}) written to ${options.out} (${options.format}, ${Buffer.byteLength(body)} bytes)`);
  } finally {
    await database.close();
  }
}
