// Attachments on activity reports (helper A):
//   POST P/uppfoljning/:round/:org/aktiviteter/:activity/bilagor                    upload (multipart/form-data)
//   GET  P/uppfoljning/:round/:org/aktiviteter/:activity/bilagor/:attachment        download
//   POST P/uppfoljning/:round/:org/aktiviteter/:activity/bilagor/:attachment/ta-bort remove
// Multipart is parsed only for the upload route, in its own plugin scope, and before the CSRF check: the form's fields
// (with `_csrf`, sent before the file) become the body the check reads, and the file is held in memory up to the size
// limit — past it the rest is never read and the upload is refused with a message. Nothing is stored before the
// token, the right to write and the content have all been checked.
import type { FastifyInstance, FastifyRequest } from "fastify";
import multipart from "@fastify/multipart";
import { h } from "preact";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { formText, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { submitForm } from "../../forms/submit.ts";
import { fileUpload } from "../../forms/file-upload.ts";
import type { FieldErrors } from "../../components/form.tsx";
import { links } from "../../pages/public/links.ts";
import { AttachmentsPage } from "../../pages/internal/follow-up/attachments-page.tsx";
import { Forbidden, NotFound } from "../../../domain/errors.ts";
import * as s from "../../../db/schema/index.ts";
import { can } from "../../../policies/can.ts";
import { addAttachment } from "../../../commands/add-attachment.ts";
import { removeAttachment } from "../../../commands/remove-attachment.ts";
import { reportIsWritable } from "../../../commands/support/report-access.ts";
import { attachmentDisposition } from "../../../follow-up/attachment-types.ts";
import { attachmentForDownload, attachmentsOfReport } from "../../../queries/report-attachments.ts";
import { activityHeading } from "./activity.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const reportParams = z.object({ ws: slugSchema, plan: slugSchema, round: slugSchema, org: slugSchema, activity: uuidSchema });
const attachmentParams = reportParams.extend({ attachment: uuidSchema });
const backForm = z.object({ tillbaka: formText });

const REPORT_PATH = "/:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity";

const upload = fileUpload("fil");

export function registerAttachmentRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  /** The activity report named by the address, for a viewer who reads the workspace's follow-up. */
  async function loadReport(request: FastifyRequest) {
    const p = parseParams(reportParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    if (!can(viewer, "read", { type: "followUp", workspaceId: workspace.id })) throw new Forbidden();
    const [round] = await db().select().from(s.followUpRounds).where(and(eq(s.followUpRounds.planId, plan.id), eq(s.followUpRounds.slug, p.round)));
    const [organisation] = await db().select().from(s.organisations).where(and(eq(s.organisations.workspaceId, workspace.id), eq(s.organisations.slug, p.org)));
    const [activity] = await db().select().from(s.activities).where(and(eq(s.activities.planId, plan.id), eq(s.activities.id, p.activity)));
    if (!round || !organisation || !activity) throw new NotFound("activity report");
    const [activityReport] = await db().select().from(s.activityReports).where(and(
      eq(s.activityReports.roundId, round.id), eq(s.activityReports.activityId, activity.id), eq(s.activityReports.organisationId, organisation.id),
    ));
    if (!activityReport) throw new NotFound("activity report");
    const [organisationReport] = await db().select().from(s.organisationReports).where(eq(s.organisationReports.id, activityReport.organisationReportId));
    if (!organisationReport) throw new NotFound("organisation report");
    const reportPage = `/${workspace.slug}/planer/${plan.slug}/uppfoljning/${round.slug}/${organisation.slug}/aktiviteter/${activity.id}`;
    const writable = reportIsWritable(round, organisationReport)
      && can(viewer, "report", { type: "followUp", workspaceId: workspace.id, organisationId: organisation.id });
    return { p, viewer, workspace, plan, round, organisation, activity, activityReport, reportPage, writable };
  }
  type Loaded = Awaited<ReturnType<typeof loadReport>>;

  /** The attachments page with the problems of a refused upload or removal. */
  async function problemsPage(ctx: PageContext, l: Loaded) {
    const attachments = await attachmentsOfReport(db(), l.activityReport.id);
    return (errors: FieldErrors, back: string) =>
      h(AttachmentsPage, {
        ctx, errors, attachments, basePath: l.reportPage, writable: l.writable, returnTo: back, maxBytes: state.attachmentMaxBytes,
        name: activityHeading(ctx, l.plan, l.activity),
        crumbs: [
          { label: l.workspace.name, href: `/#${l.workspace.slug}` },
          { label: l.plan.name, href: links.plan(l.workspace.slug, l.plan.slug) },
          { label: l.round.name, href: `/${l.workspace.slug}/planer/${l.plan.slug}/uppfoljning/${l.round.slug}/${l.organisation.slug}` },
          { label: activityHeading(ctx, l.plan, l.activity), href: back },
          { label: ctx.t("attachment.heading") },
        ],
      });
  }

  // Multipart only here: its parser and hook live in this scope, so every other form stays urlencoded-only.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: "keyValues",
      onFile: upload.onFile,
      throwFileSizeLimit: false,
      limits: { fileSize: state.attachmentMaxBytes, files: 1, fields: 10, parts: 12, fieldSize: 4096 },
    });

    scope.post(`${REPORT_PATH}/bilagor`, async (request, reply) => {
      const l = await loadReport(request);
      const form = backForm.parse(request.body ?? {});
      const file = upload.uploadOf(request);
      const ctx = pageContext(request, reply);
      const back = safeReturnPath(form.tillbaka, l.reportPage);
      const again = await problemsPage(ctx, l);
      return submitForm({
        ctx, reply, flash: "attachment.added",
        run: () => addAttachment(db(), l.viewer, {
          activityReportId: l.activityReport.id, filename: file?.filename ?? "", content: file?.content ?? new Uint8Array(),
          truncated: file?.truncated ?? false, maxBytes: state.attachmentMaxBytes,
        }),
        redirect: () => back,
        invalid: (problems) => again(problems.errors, back),
        after: () => state.cache.invalidate(),
      });
    });
  });

  app.get(`${REPORT_PATH}/bilagor/:attachment`, async (request, reply) => {
    const l = await loadReport(request);
    const { attachment: attachmentId } = parseParams(attachmentParams, request.params);
    const file = await attachmentForDownload(db(), l.activityReport.id, attachmentId);
    if (!file) throw new NotFound("attachment");
    const bytes = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
    return reply
      .header("content-type", file.mediaType)
      .header("content-disposition", attachmentDisposition(file.filename))
      .header("content-length", String(bytes.length))
      .header("x-content-type-options", "nosniff")
      // Should a browser still open it in place, it runs nothing and loads nothing.
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("cache-control", "private, no-store")
      .send(bytes);
  });

  app.post(`${REPORT_PATH}/bilagor/:attachment/ta-bort`, async (request, reply) => {
    const l = await loadReport(request);
    const { attachment: attachmentId } = parseParams(attachmentParams, request.params);
    const [attachment] = await db().select({ id: s.attachments.id }).from(s.attachments)
      .where(and(eq(s.attachments.id, attachmentId), eq(s.attachments.activityReportId, l.activityReport.id)));
    if (!attachment) throw new NotFound("attachment");
    const form = backForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.tillbaka, l.reportPage);
    const again = await problemsPage(ctx, l);
    return submitForm({
      ctx, reply, flash: "attachment.removed",
      run: () => removeAttachment(db(), l.viewer, { activityReportId: l.activityReport.id, attachmentId: attachment.id }),
      redirect: () => back,
      invalid: (problems) => again(problems.errors, back),
      after: () => state.cache.invalidate(),
    });
  });
}
