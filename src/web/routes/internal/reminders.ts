// Reminders sent now, and the outbox page (helper R).
//   POST /:ws/planer/:plan/uppfoljning/:round/paminn   send a reminder now (organisationId: one organisation, else every late one)
//   GET  /:ws/utkorg?status=&sida=                    the workspace's outbox
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { formatDate, type MessageKey } from "../../i18n/index.ts";
import { formText, slugSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import { deliverAfterCommit, mailerOf } from "../../mail-delivery.ts";
import type { FieldErrors } from "../../components/form.tsx";
import { OutboxPage } from "../../pages/internal/follow-up/outbox-page.tsx";
import { reminderLinks, SendReminderPage } from "../../pages/internal/follow-up/send-reminder-form.tsx";
import { links } from "../../pages/public/links.ts";
import { Forbidden, NotFound } from "../../../domain/errors.ts";
import * as s from "../../../db/schema/index.ts";
import { can } from "../../../policies/can.ts";
import { isOutboxState, outboxPage } from "../../../queries/outbox.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";
import { sendReminderNow } from "../../../commands/send-reminder-now.ts";
import { lateOrganisations, type LateOrganisation } from "../../../follow-up/reminders.ts";
import { loadPlanInternal, loadWorkspaceInternal, parseParams } from "./load.ts";

const roundParams = z.object({ ws: slugSchema, plan: slugSchema, round: slugSchema });
const wsParams = z.object({ ws: slugSchema });
const reminderForm = z.object({ organisationId: formText, tillbaka: formText });
const outboxQuery = z.object({
  status: z.string().max(40).optional().catch(undefined),
  sida: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export function registerReminderRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function loadRound(request: FastifyRequest) {
    const p = parseParams(roundParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const [round] = await db()
      .select({ id: s.followUpRounds.id, slug: s.followUpRounds.slug, name: s.followUpRounds.name, state: s.followUpRounds.state, deadline: s.followUpRounds.deadline })
      .from(s.followUpRounds)
      .where(and(eq(s.followUpRounds.planId, plan.id), eq(s.followUpRounds.slug, p.round)));
    if (!round) throw new NotFound("follow_up_round");
    if (!can(viewer, "sendReminders", { type: "followUp", workspaceId: workspace.id })) throw new Forbidden();
    return { viewer, workspace, plan, round };
  }
  type LoadedRound = Awaited<ReturnType<typeof loadRound>>;

  /** The form again after a reminder that could not be sent: the round, and (open rounds) the late organisations to choose from. */
  function reminderPage(ctx: PageContext, l: LoadedRound, late: LateOrganisation[], back: string, organisationId: string, errors: FieldErrors) {
    const organisations = late.map((o) => ({ value: o.organisationId, label: o.name }));
    // Without the list there is no field to point at: every problem is about the round.
    const shown: FieldErrors = organisations.length ? errors : { round: Object.values(errors).join(" ") };
    return h(SendReminderPage, {
      ctx, crumbs: crumbs(ctx, l.workspace, l.plan, l.round), action: reminderLinks.sendNow(l.workspace.slug, l.plan.slug, l.round.slug), back,
      roundLine: ctx.t("reminder.send.round", {
        round: l.round.name, deadline: formatDate(l.round.deadline, ctx.locale), state: ctx.t(`round.state.${l.round.state}` as MessageKey).toLocaleLowerCase(ctx.locale === "sv" ? "sv-SE" : "en-GB"),
      }),
      organisations: organisations.length ? organisations : null,
      organisationId: organisations.some((o) => o.value === organisationId) ? organisationId : "",
      errors: shown,
    });
  }

  function crumbs(ctx: PageContext, workspace: Workspace, plan: Plan, round: LoadedRound["round"]) {
    return [
      { label: workspace.name, href: `/#${workspace.slug}` },
      { label: plan.name, href: links.plan(workspace.slug, plan.slug) },
      { label: round.name, href: reminderLinks.overview(workspace.slug, plan.slug, round.slug) },
      { label: ctx.t("reminder.send.title") },
    ];
  }

  app.post("/:ws/planer/:plan/uppfoljning/:round/paminn", async (request, reply) => {
    const l = await loadRound(request);
    const form = reminderForm.parse(request.body ?? {});
    const back = safeReturnPath(form.tillbaka, reminderLinks.overview(l.workspace.slug, l.plan.slug, l.round.slug));
    const ctx = pageContext(request, reply);
    const mailer = mailerOf(state);
    // For the form shown again when the reminder cannot be sent.
    const late = l.round.state === "open" ? await lateOrganisations(db(), l.round.id) : [];
    return submitForm({
      ctx, reply,
      run: async () => {
        const sent = await sendReminderNow(db(), mailer, l.viewer, { roundId: l.round.id, organisationId: form.organisationId, publicUrl: state.publicUrl });
        await deliverAfterCommit(request, mailer);
        return sent;
      },
      redirect: () => back,
      flash: "reminder.sentNow",
      flashParams: (sent) => ({ count: sent.recipients }),
      invalid: ({ errors }) => reminderPage(ctx, l, late, back, form.organisationId, errors),
    });
  });

  app.get("/:ws/utkorg", async (request, reply) => {
    const { ws } = parseParams(wsParams, request.params);
    const { viewer, workspace } = await loadWorkspaceInternal(db(), request, ws);
    if (!can(viewer, "readOutbox", { type: "followUp", workspaceId: workspace.id })) throw new Forbidden();
    const query = outboxQuery.parse(request.query ?? {});
    const status = isOutboxState(query.status) ? query.status : undefined;
    const ctx = pageContext(request, reply);
    const outbox = await outboxPage(db(), workspace.id, { page: query.sida ?? 1, state: status, hiddenLink: ctx.t("outbox.linkHidden") });
    return sendPage(reply, h(OutboxPage, { ctx, workspace, outbox, state: status, configured: mailerOf(state).configured }));
  });
}
