// Follow-up rounds of a plan: the list, opening a round, its settings, closing it.
//   GET      /:ws/planer/:plan/uppfoljning
//   GET/POST /:ws/planer/:plan/uppfoljning/ny
//   GET/POST /:ws/planer/:plan/uppfoljning/:round/installningar
//   POST     /:ws/planer/:plan/uppfoljning/:round/stang
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { links } from "../../pages/public/links.ts";
import { RoundsPage } from "../../pages/internal/follow-up/rounds-page.tsx";
import { RoundFormPage, type RoundFormPageProps, type RoundFormValues } from "../../pages/internal/follow-up/round-form-page.tsx";
import { followUpLinks } from "../../pages/internal/follow-up/overview-links.ts";
import { confirmPersonalData, formFlag, formList, formText, formVersion, slugSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import { setFlash } from "../../forms/flash.ts";
import { Forbidden } from "../../../domain/errors.ts";
import { addDays, localDate } from "../../../domain/local-date.ts";
import * as s from "../../../db/schema/index.ts";
import type { Db } from "../../../db/client.ts";
import { can } from "../../../policies/can.ts";
import { findRound, roundsOfPlan } from "../../../queries/organisation-report.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";
import { openFollowUpRound } from "../../../commands/open-follow-up-round.ts";
import { closeFollowUpRound, roundSettingsFields, updateRoundSettings } from "../../../commands/round-lifecycle.ts";
import { DEFAULT_REMINDER_OFFSETS, formatOffsets } from "../../../commands/support/round-settings.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });
const roundParams = planParams.extend({ round: slugSchema });
const roundForm = z.object({
  version: formVersion,
  tillbaka: formText,
  name: formText,
  slug: formText,
  periodStart: formText,
  periodEnd: formText,
  deadline: formText,
  organisationIds: formList,
  reminderOffsets: formText,
  approvalMode: formText,
  requireDifferentApprover: formFlag,
  asks: formList,
  introduction: z.string().optional(),
  confirmPersonalData,
});
const closeForm = z.object({ version: formVersion });

/** Organisations a round can ask: not archived, not external partners; those with an action plan in the plan first chosen. */
async function roundOrganisationChoices(db: Db, workspaceId: string, planId: string) {
  const organisations = await db.select({ id: s.organisations.id, name: s.organisations.name }).from(s.organisations)
    .where(and(eq(s.organisations.workspaceId, workspaceId), isNull(s.organisations.archivedAt), ne(s.organisations.type, "external")))
    .orderBy(asc(s.organisations.name));
  const withPlans = await db.select({ organisationId: s.actionPlans.organisationId }).from(s.actionPlans).where(eq(s.actionPlans.planId, planId));
  return { organisations, withPlans: withPlans.map((p) => p.organisationId) };
}

export function registerFollowUpRoundRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function loadForManaging(request: FastifyRequest, p: { ws: string; plan: string }) {
    const loaded = await loadPlanInternal(db(), request, p.ws, p.plan);
    if (!can(loaded.viewer, "manageRounds", { type: "followUp", workspaceId: loaded.workspace.id })) throw new Forbidden();
    return loaded;
  }

  const roundsCrumbs = (ctx: PageContext, ws: Workspace, plan: Plan) => [
    { label: ws.name, href: `/#${ws.slug}` },
    { label: plan.name, href: links.plan(ws.slug, plan.slug) },
    { label: ctx.t("rounds.title"), href: followUpLinks.rounds(ws.slug, plan.slug) },
  ];

  app.get("/:ws/planer/:plan/uppfoljning", async (request, reply) => {
    const p = parseParams(planParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const ctx = pageContext(request, reply);
    const rounds = await roundsOfPlan(db(), plan.id);
    return sendPage(reply, h(RoundsPage, {
      ctx, crumbs: [...roundsCrumbs(ctx, workspace, plan).slice(0, 2), { label: ctx.t("rounds.title") }], ws: workspace.slug, plan: plan.slug, planName: plan.name,
      rounds, canOpen: can(viewer, "manageRounds", { type: "followUp", workspaceId: workspace.id }),
    }));
  });

  function openPage(ctx: PageContext, l: { workspace: Workspace; plan: Plan }, choices: Array<{ id: string; name: string }>, extra: Pick<RoundFormPageProps, "values" | "errors" | "askConfirm" | "back">) {
    return h(RoundFormPage, {
      ctx, crumbs: [...roundsCrumbs(ctx, l.workspace, l.plan), { label: ctx.t("roundForm.openTitle") }], heading: ctx.t("roundForm.openTitle"),
      action: `${followUpLinks.rounds(l.workspace.slug, l.plan.slug)}/ny`, organisations: choices, version: 0, ...extra,
    });
  }

  app.get("/:ws/planer/:plan/uppfoljning/ny", async (request, reply) => {
    const l = await loadForManaging(request, parseParams(planParams, request.params));
    const ctx = pageContext(request, reply);
    const { organisations, withPlans } = await roundOrganisationChoices(db(), l.workspace.id, l.plan.id);
    const today = localDate();
    const year = Number(today.slice(0, 4));
    // A round in the autumn follows up the year that is ending; in spring, the year before.
    const covered = Number(today.slice(5, 7)) >= 9 ? year : year - 1;
    const values: RoundFormValues = {
      name: ctx.t("roundForm.defaultName", { year: covered }), slug: "", periodStart: `${covered}-01-01`, periodEnd: `${covered}-12-31`, deadline: addDays(today, 42),
      organisationIds: withPlans, reminderOffsets: formatOffsets(DEFAULT_REMINDER_OFFSETS), approvalMode: "one", requireDifferentApprover: true, asks: [],
    };
    return sendPage(reply, openPage(ctx, l, organisations, { values, errors: {}, askConfirm: false, back: followUpLinks.rounds(l.workspace.slug, l.plan.slug) }));
  });

  app.post("/:ws/planer/:plan/uppfoljning/ny", async (request, reply) => {
    const l = await loadForManaging(request, parseParams(planParams, request.params));
    const form = roundForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.tillbaka, followUpLinks.rounds(l.workspace.slug, l.plan.slug));
    const { organisations } = await roundOrganisationChoices(db(), l.workspace.id, l.plan.id);
    const values: RoundFormValues = { ...form };
    return submitForm({
      ctx, reply, flash: "round.opened",
      run: () => openFollowUpRound(db(), l.viewer, { ...form, planId: l.plan.id, confirmedPersonalData: form.confirmPersonalData }),
      redirect: (opened) => followUpLinks.overview(l.workspace.slug, l.plan.slug, opened.slug),
      flashParams: (opened) => ({ count: opened.organisationReports }),
      invalid: (problems) => openPage(ctx, l, organisations, { values, back, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  async function loadRound(request: FastifyRequest) {
    const p = parseParams(roundParams, request.params);
    const l = await loadForManaging(request, p);
    const round = await findRound(db(), l.plan.id, p.round);
    return { ...l, round };
  }
  type LoadedRound = Awaited<ReturnType<typeof loadRound>>;

  function settingsPage(ctx: PageContext, l: LoadedRound, extra: Pick<RoundFormPageProps, "values" | "errors" | "askConfirm" | "back" | "version">) {
    const heading = ctx.t("roundForm.settingsTitle", { round: l.round.name });
    return h(RoundFormPage, {
      ctx, crumbs: [...roundsCrumbs(ctx, l.workspace, l.plan), { label: l.round.name, href: followUpLinks.overview(l.workspace.slug, l.plan.slug, l.round.slug) }, { label: ctx.t("roundForm.settingsCrumb") }],
      heading, action: followUpLinks.settings(l.workspace.slug, l.plan.slug, l.round.slug), ...extra,
    });
  }

  const settingsValues = (round: LoadedRound["round"]): RoundFormValues => ({
    ...roundSettingsFields(round), slug: round.slug, periodStart: round.periodStart, periodEnd: round.periodEnd, organisationIds: [],
  });

  app.get("/:ws/planer/:plan/uppfoljning/:round/installningar", async (request, reply) => {
    const l = await loadRound(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, settingsPage(ctx, l, {
      values: settingsValues(l.round), errors: {}, askConfirm: false, version: l.round.version, back: followUpLinks.overview(l.workspace.slug, l.plan.slug, l.round.slug),
    }));
  });

  app.post("/:ws/planer/:plan/uppfoljning/:round/installningar", async (request, reply) => {
    const l = await loadRound(request);
    const form = roundForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.tillbaka, followUpLinks.overview(l.workspace.slug, l.plan.slug, l.round.slug));
    const values: RoundFormValues = { ...settingsValues(l.round), ...form, slug: l.round.slug, periodStart: l.round.periodStart, periodEnd: l.round.periodEnd };
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updateRoundSettings(db(), l.viewer, { ...form, roundId: l.round.id, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: (problems) => settingsPage(ctx, l, { values, back, version: form.version, ...problems }),
      conflict: (conflict, problems) => settingsPage(ctx, l, { values: { ...values, ...(conflict.current as Partial<RoundFormValues>) }, back, version: conflict.currentVersion, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/planer/:plan/uppfoljning/:round/stang", async (request, reply) => {
    const l = await loadRound(request);
    const form = closeForm.parse(request.body ?? {});
    await closeFollowUpRound(db(), l.viewer, { roundId: l.round.id, version: form.version });
    state.cache.invalidate();
    setFlash(reply, "round.closed");
    return reply.redirect(followUpLinks.overview(l.workspace.slug, l.plan.slug, l.round.slug), 303);
  });
}
