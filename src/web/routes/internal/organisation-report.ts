// An organisation's report in a round: the page, its own texts, a co-responsible part, and every transition.
//   GET  /:ws/planer/:plan/uppfoljning/:round/:org
//   POST .../:org/sammanfattning | /delar | /lamna-in | /godkann | /avsla | /acceptera | /returnera | /oppna-igen
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { links } from "../../pages/public/links.ts";
import { followUpLinks } from "../../pages/internal/follow-up/overview-links.ts";
import { OrganisationReportPage } from "../../pages/internal/follow-up/organisation-report-page.tsx";
import type { ReportActionValues } from "../../pages/internal/follow-up/report-actions.tsx";
import { confirmPersonalData, formFlag, formText, formVersion, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { submitForm } from "../../forms/submit.ts";
import { sendPage } from "../../forms/send-page.ts";
import { deliverAfterCommit, mailerOf } from "../../mail-delivery.ts";
import type { MessageKey } from "../../i18n/index.ts";
import type { TranslatedProblems } from "../../forms/field-errors.ts";
import { Forbidden, type Conflict } from "../../../domain/errors.ts";
import { localDate } from "../../../domain/local-date.ts";
import { vocabularyLabel } from "../../../domain/vocabulary.ts";
import { can } from "../../../policies/can.ts";
import { findRound, organisationReportView } from "../../../queries/organisation-report.ts";
import { reportIsWritable } from "../../../commands/support/report-access.ts";
import { saveReportSummary, type ReportSummaryFields } from "../../../commands/save-report-summary.ts";
import { addCoResponsiblePart } from "../../../commands/add-co-responsible-part.ts";
import { submitOrganisationReport } from "../../../commands/submit-organisation-report.ts";
import { approveOrganisationReport } from "../../../commands/approve-organisation-report.ts";
import { acceptOrganisationReport, declineOrganisationReport, returnOrganisationReport } from "../../../commands/decide-organisation-report.ts";
import { reopenOrganisationReport } from "../../../commands/round-lifecycle.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const reportParams = z.object({ ws: slugSchema, plan: slugSchema, round: slugSchema, org: slugSchema });
const summaryForm = z.object({ version: formVersion, summary: formText, introduction: formText, howMade: formText, confirmPersonalData });
const stepForm = z.object({
  version: formVersion, confirmNotStarted: formFlag, anchoredIn: formText, anchoredOn: formText, comment: formText, returnComment: formText, activityId: formText,
  confirmPersonalData,
});
type StepForm = z.infer<typeof stepForm>;

export function registerOrganisationReportRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function load(request: FastifyRequest) {
    const p = parseParams(reportParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const round = await findRound(db(), plan.id, p.round);
    const view = await organisationReportView(db(), plan, round, p.org);
    const subject = { type: "followUp" as const, workspaceId: workspace.id, organisationId: view.organisation.id };
    if (!can(viewer, "read", subject)) throw new Forbidden();
    const rights = {
      report: can(viewer, "report", subject), approve: can(viewer, "approve", subject), decide: can(viewer, "decide", subject), manageRounds: can(viewer, "manageRounds", subject),
    };
    const base = followUpLinks.report(workspace.slug, plan.slug, round.slug, view.organisation.slug);
    return { viewer, workspace, plan, round, view, rights, base, writable: rights.report && reportIsWritable(round, view.report) };
  }
  type Loaded = Awaited<ReturnType<typeof load>>;

  function page(ctx: PageContext, l: Loaded, extra: { summary?: ReportSummaryFields; summaryTheirs?: ReportSummaryFields; actionValues?: Partial<ReportActionValues> } & Partial<TranslatedProblems> = {}) {
    const r = l.view.report;
    return h(OrganisationReportPage, {
      ctx, base: l.base, round: l.round, view: l.view, writable: l.writable, rights: l.rights,
      historyHref: links.reportHistory(l.workspace.slug, l.plan.slug, l.round.slug, l.view.organisation.slug),
      measureWord: vocabularyLabel(l.plan.vocabulary, "measure", ctx.locale, "other"),
      crumbs: [
        { label: l.workspace.name, href: `/#${l.workspace.slug}` },
        { label: l.plan.name, href: links.plan(l.workspace.slug, l.plan.slug) },
        { label: l.round.name, href: followUpLinks.overview(l.workspace.slug, l.plan.slug, l.round.slug) },
        { label: l.view.organisation.name },
      ],
      summary: extra.summary ?? { summary: r.summary, introduction: r.introduction, howMade: r.howMade }, summaryTheirs: extra.summaryTheirs,
      actionValues: { anchoredIn: "", anchoredOn: localDate(), comment: "", returnComment: "", ...extra.actionValues },
      errors: extra.errors ?? {}, askConfirm: extra.askConfirm ?? false,
    });
  }

  app.get("/:ws/planer/:plan/uppfoljning/:round/:org", async (request, reply) => {
    const l = await load(request);
    return sendPage(reply, page(pageContext(request, reply), l));
  });

  app.post("/:ws/planer/:plan/uppfoljning/:round/:org/sammanfattning", async (request, reply) => {
    const l = await load(request);
    const form = summaryForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const summary = { summary: form.summary, introduction: form.introduction, howMade: form.howMade };
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => saveReportSummary(db(), l.viewer, { ...summary, organisationReportId: l.view.report.id, version: form.version, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => `${l.base}#summary-heading`,
      invalid: (problems) => page(ctx, l, { summary, ...problems }),
      conflict: (conflict: Conflict<unknown>, problems) => page(ctx, l, { summary, summaryTheirs: conflict.current as ReportSummaryFields, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/planer/:plan/uppfoljning/:round/:org/delar", async (request, reply) => {
    const l = await load(request);
    const form = stepForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const activityId = uuidSchema.safeParse(form.activityId).success ? form.activityId : "00000000-0000-4000-8000-000000000000";
    return submitForm({
      ctx, reply, flash: "report.partAdded",
      run: () => addCoResponsiblePart(db(), l.viewer, { organisationReportId: l.view.report.id, activityId }),
      redirect: () => `${l.base}/aktiviteter/${activityId}`,
      invalid: (problems) => page(ctx, l, problems),
      after: () => state.cache.invalidate(),
    });
  });

  /** A transition: run it, deliver the mail it queued after the commit, and come back to the report. */
  function step(path: string, flash: MessageKey, run: (l: Loaded, form: StepForm) => Promise<unknown>) {
    app.post(`/:ws/planer/:plan/uppfoljning/:round/:org/${path}`, async (request: FastifyRequest, reply: FastifyReply) => {
      const l = await load(request);
      const form = stepForm.parse(request.body ?? {});
      const ctx = pageContext(request, reply);
      return submitForm({
        ctx, reply, flash,
        run: () => run(l, form),
        redirect: () => l.base,
        invalid: (problems) => page(ctx, l, { actionValues: form, ...problems }),
        after: () => {
          state.cache.invalidate();
          void deliverAfterCommit(request, mailerOf(state));
        },
      });
    });
  }
  const channel = () => ({ mailer: mailerOf(state), publicUrl: state.publicUrl });
  const target = (l: Loaded, form: StepForm) => ({ organisationReportId: l.view.report.id, version: form.version });

  step("lamna-in", "report.submittedFlash", (l, form) => submitOrganisationReport(db(), l.viewer, channel(), { ...target(l, form), confirmNotStarted: form.confirmNotStarted }));
  step("godkann", "report.approvedFlash", (l, form) => approveOrganisationReport(db(), l.viewer, channel(), {
    ...target(l, form), anchoredIn: form.anchoredIn, anchoredOn: form.anchoredOn, comment: form.comment, confirmedPersonalData: form.confirmPersonalData,
  }));
  step("avsla", "report.declinedFlash", (l, form) => declineOrganisationReport(db(), l.viewer, channel(), {
    ...target(l, form), comment: form.returnComment, confirmedPersonalData: form.confirmPersonalData,
  }));
  step("acceptera", "report.acceptedFlash", (l, form) => acceptOrganisationReport(db(), l.viewer, channel(), target(l, form)));
  step("returnera", "report.returnedFlash", (l, form) => returnOrganisationReport(db(), l.viewer, channel(), {
    ...target(l, form), comment: form.returnComment, confirmedPersonalData: form.confirmPersonalData,
  }));
  step("oppna-igen", "report.reopenedFlash", (l, form) => reopenOrganisationReport(db(), l.viewer, channel(), target(l, form)));
}
