// One activity's report in a round: the form (status, narrative, figures, next steps) and saving it as a draft.
//   GET/POST /:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity
// The figure rows come as figures.<i>.<field>; "rad=ny" shows the form again with one more blank row, unsaved.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { links } from "../../pages/public/links.ts";
import { followUpLinks } from "../../pages/internal/follow-up/overview-links.ts";
import { ActivityReportPage } from "../../pages/internal/follow-up/activity-report-page.tsx";
import { confirmPersonalData, formText, formVersion, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import type { TranslatedProblems } from "../../forms/field-errors.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { Forbidden, NotFound } from "../../../domain/errors.ts";
import { activityHeading } from "./activity.ts";
import * as s from "../../../db/schema/index.ts";
import { can } from "../../../policies/can.ts";
import { findRound, organisationReportView, previousActivityReport, statusChoices } from "../../../queries/organisation-report.ts";
import { attachmentsOfReport } from "../../../queries/report-attachments.ts";
import { reportIsWritable, roundAllowsWriting } from "../../../commands/support/report-access.ts";
import { figureFields, saveActivityReport, type ActivityReportFields } from "../../../commands/save-activity-report.ts";
import type { FigureFields } from "../../../commands/support/figure-input.ts";
import { FIGURE_LIMITS } from "../../../commands/support/figure-input.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const params = z.object({ ws: slugSchema, plan: slugSchema, round: slugSchema, org: slugSchema, activity: uuidSchema });
const reportForm = z.object({
  version: formVersion, tillbaka: formText, statusId: formText, narrative: formText, nextSteps: formText, statusComment: formText, rad: formText, confirmPersonalData,
});
const FIGURE_KEYS = ["id", "name", "value", "unit", "qualifier", "qualifierText", "asOf", "baseline", "target", "year"] as const;
const blankFigure = (): FigureFields => ({ id: "", name: "", value: "", unit: "", qualifier: "exact", qualifierText: "", asOf: "", baseline: "", target: "", year: "" });

/** The figure rows of a posted form, in row order, without the rows ticked for removal. */
export function figureRowsFromBody(body: unknown): FigureFields[] {
  const rows = new Map<number, FigureFields & { remove?: boolean }>();
  const blank = (): FigureFields & { remove?: boolean } => blankFigure();
  for (const [key, raw] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const match = /^figures\.(\d{1,3})\.(\w+)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const field = match[2]!;
    const value = typeof raw === "string" ? raw : Array.isArray(raw) && typeof raw[0] === "string" ? raw[0] : "";
    const row = rows.get(index) ?? blank();
    if (field === "remove") row.remove = value === "1";
    else if ((FIGURE_KEYS as readonly string[]).includes(field)) row[field as (typeof FIGURE_KEYS)[number]] = value;
    rows.set(index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row).filter((row) => !row.remove).map(({ remove: _remove, ...row }) => row);
}

export function registerActivityReportRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function load(request: FastifyRequest) {
    const p = parseParams(params, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const round = await findRound(db(), plan.id, p.round);
    const view = await organisationReportView(db(), plan, round, p.org);
    const line = view.lines.find((l) => l.activityId === p.activity);
    if (!line) throw new NotFound("activity report");
    const subject = { type: "followUp" as const, workspaceId: workspace.id, organisationId: view.organisation.id };
    if (!can(viewer, "read", subject)) throw new Forbidden();
    const [ar] = await db().select().from(s.activityReports).where(eq(s.activityReports.id, line.id));
    const [activity] = await db().select().from(s.activities).where(and(eq(s.activities.id, p.activity), eq(s.activities.planId, plan.id)));
    if (!ar || !activity) throw new NotFound("activity report");
    const figures = await db().select().from(s.figures).where(eq(s.figures.activityReportId, ar.id)).orderBy(asc(s.figures.position));
    const reportPage = followUpLinks.report(workspace.slug, plan.slug, round.slug, view.organisation.slug);
    const writable = can(viewer, "report", subject) && reportIsWritable(round, view.report);
    return { viewer, workspace, plan, round, view, ar, activity, figures, reportPage, writable, path: `${reportPage}/aktiviteter/${activity.id}` };
  }
  type Loaded = Awaited<ReturnType<typeof load>>;

  /** What the page shows besides the form values, read before the form is handled (the page is drawn synchronously). */
  async function pageData(l: Loaded) {
    const [statuses, previous, attachments] = await Promise.all([
      statusChoices(db(), l.plan.id), previousActivityReport(db(), l.round, l.activity.id, l.view.organisation.id), attachmentsOfReport(db(), l.ar.id),
    ]);
    return { ...l, statuses, previous, attachments };
  }
  type WithData = Awaited<ReturnType<typeof pageData>>;

  function page(ctx: PageContext, l: WithData, values: ActivityReportFields, back: string, extra: Partial<TranslatedProblems> & { version?: number; theirs?: ActivityReportFields } = {}) {
    const { statuses, previous, attachments } = l;
    const heading = ctx.t("activityReport.title", { activity: activityHeading(ctx, l.plan, l.activity), round: l.round.name });
    const reason = l.writable ? undefined
      : !roundAllowsWriting(l.round, l.view.report) ? ctx.t("report.closedNotice")
      : ctx.t("activityReport.readOnly", { state: ctx.t(`report.state.${l.view.report.state}` as MessageKey).toLocaleLowerCase(ctx.locale) });
    return h(ActivityReportPage, {
      ctx, heading, description: l.activity.description, action: l.path, asks: l.round.asks, back, version: extra.version ?? l.ar.version, writable: l.writable, statuses, values,
      theirs: extra.theirs, previous, errors: extra.errors ?? {}, askConfirm: extra.askConfirm ?? false, readOnlyReason: reason,
      attachments: { basePath: l.path, attachments, returnTo: `${l.path}#bilagor`, maxBytes: state.attachmentMaxBytes },
      crumbs: [
        { label: l.workspace.name, href: `/#${l.workspace.slug}` },
        { label: l.plan.name, href: links.plan(l.workspace.slug, l.plan.slug) },
        { label: l.round.name, href: followUpLinks.overview(l.workspace.slug, l.plan.slug, l.round.slug) },
        { label: l.view.organisation.name, href: l.reportPage },
        { label: [l.activity.number, l.activity.title].filter(Boolean).join(" ") },
      ],
    });
  }

  const savedValues = (l: Loaded, blankRows: number): ActivityReportFields => ({
    statusId: l.ar.statusId ?? "", narrative: l.ar.narrative, nextSteps: l.ar.nextSteps, statusComment: l.ar.statusComment,
    figures: [...l.figures.map(figureFields), ...Array.from({ length: blankRows }, blankFigure)],
  });

  app.get("/:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity", async (request, reply) => {
    const l = await load(request);
    const ctx = pageContext(request, reply);
    const query = z.object({ tillbaka: z.string().max(2000).optional() }).catch({}).parse(request.query);
    return sendPage(reply, page(ctx, await pageData(l), savedValues(l, l.writable ? 1 : 0), safeReturnPath(query.tillbaka, l.reportPage)));
  });

  app.post("/:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity", async (request, reply) => {
    const l = await pageData(await load(request));
    const form = reportForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.tillbaka, l.reportPage);
    const values: ActivityReportFields = {
      statusId: form.statusId, narrative: form.narrative, nextSteps: form.nextSteps, statusComment: form.statusComment, figures: figureRowsFromBody(request.body),
    };
    if (form.rad === "ny" && l.writable && values.figures.length < FIGURE_LIMITS.rows) {
      return sendPage(reply, page(ctx, l, { ...values, figures: [...values.figures, blankFigure()] }, back, { version: form.version }));
    }
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => saveActivityReport(db(), l.viewer, { ...values, activityReportId: l.ar.id, version: form.version, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: (problems) => page(ctx, l, values, back, { version: form.version, ...problems }),
      conflict: (conflict, problems) => {
        const theirs = conflict.current as ActivityReportFields;
        return page(ctx, l, values, back, { version: conflict.currentVersion, theirs, ...problems });
      },
      after: () => state.cache.invalidate(),
    });
  });
}
