// The annual wheel (årshjul) of a workspace. Public when the workspace has a published plan (its events and the
// rounds' deadlines); people with a role also see the groups' meetings.
//   GET /:ws/arshjul[?ar=2027&kategori=…]         the wheel (SVG), with filters and downloads
//   GET /:ws/arshjul/lista[?ar=…&kategori=…]      the same year as a list by month (the primary, accessible view)
//   GET /:ws/arshjul/arshjul.pdf|.png[?ar=…]      to print or put on a slide
//   GET /:ws/arshjul/kalender.ics                 the public calendar feed (published plans only)
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext } from "../../context.ts";
import { slugSchema } from "../../forms/form-schemas.ts";
import { sendPage } from "../../forms/send-page.ts";
import { links } from "../../pages/public/links.ts";
import { WheelPage, wheelPicture, wheelSummary } from "../../pages/year/wheel-page.tsx";
import { WheelListPage } from "../../pages/year/wheel-list-page.tsx";
import { MONTH_KEYS, monthNames, shownOccurrences } from "../../pages/year/wheel-common.tsx";
import { yearLinks } from "../../pages/year/links.ts";
import { formatDate, translator } from "../../i18n/index.ts";
import { NotFound } from "../../../domain/errors.ts";
import { localDate } from "../../../domain/local-date.ts";
import { findWorkspace } from "../../../queries/find-plan.ts";
import { wheelCalendarEntries } from "../../../queries/calendar-entries.ts";
import { buildCalendar, CALENDAR_MEDIA_TYPE } from "../../../calendar/ics.ts";
import { renderPool } from "../../../reports/render-worker/pool.ts";
import { loadWheel } from "./wheel-context.ts";
import { workspaceForViewer } from "../public/page-response.ts";
import { parseParams } from "../internal/load.ts";

const wsParams = z.object({ ws: slugSchema });

export function registerWheelRoutes(app: FastifyInstance, state: AppState) {
  app.get("/:ws/arshjul", async (request, reply) => {
    const p = parseParams(wsParams, request.params);
    const ctx = pageContext(request, reply);
    const loaded = await loadWheel(state, request, ctx, p.ws);
    return sendPage(reply, h(WheelPage, { ctx, ...loaded }));
  });

  app.get("/:ws/arshjul/lista", async (request, reply) => {
    const p = parseParams(wsParams, request.params);
    const ctx = pageContext(request, reply);
    const loaded = await loadWheel(state, request, ctx, p.ws);
    return sendPage(reply, h(WheelListPage, { ctx, ...loaded }));
  });

  app.get("/:ws/arshjul/arshjul.png", async (request, reply) => {
    const p = parseParams(wsParams, request.params);
    const ctx = pageContext(request, reply);
    const { wheel, chosen, workspace } = await loadWheel(state, request, ctx, p.ws);
    const png = await renderPool().render("wheel-png", { svg: wheelPicture(ctx, shownOccurrences(wheel, chosen), false), width: 2400 });
    return reply
      .type("image/png")
      .header("cache-control", "private, no-store")
      .header("content-disposition", `attachment; filename="arshjul-${workspace.slug}-${wheel.year}.png"`)
      .send(png);
  });

  app.get("/:ws/arshjul/arshjul.pdf", async (request, reply) => {
    const p = parseParams(wsParams, request.params);
    const ctx = pageContext(request, reply);
    const { wheel, chosen, workspace } = await loadWheel(state, request, ctx, p.ws);
    const shown = shownOccurrences(wheel, chosen);
    const { t } = ctx;
    const pdf = await renderPool().render("wheel-pdf", {
      year: shown, locale: ctx.locale, workspaceName: workspace.name, title: t("wheel.title", { year: shown.year }), monthNames: monthNames(ctx),
      description: wheelSummary(ctx, shown),
      labels: {
        listHeading: t("wheel.pdf.listHeading"), date: t("wheel.pdf.date"), event: t("wheel.pdf.event"), category: t("wheel.pdf.category"),
        details: t("wheel.pdf.details"), noEvents: t("wheel.nothing"), monthOnly: t("wheel.duringMonth"),
        generated: t("wheel.pdf.generated", { date: formatDate(localDate(), ctx.locale) }),
      },
    });
    return reply
      .type("application/pdf")
      .header("cache-control", "private, no-store")
      .header("content-disposition", `attachment; filename="arshjul-${workspace.slug}-${shown.year}.pdf"`)
      .send(pdf);
  });

  app.get("/:ws/arshjul/kalender.ics", async (request, reply) => {
    const p = parseParams(wsParams, request.params);
    const db = state.database.db;
    const workspace = await findWorkspace(db, p.ws);
    const viewed = await workspaceForViewer(state, null, p.ws);
    if (!viewed || !viewed.graphs.some((g) => g.plan.published)) throw new NotFound("calendar");
    // Subscribing calendars send no language: the workspace's feed is in Swedish.
    const t = translator("sv");
    const entries = await wheelCalendarEntries(
      db,
      workspace.id,
      {
        roundDeadline: (round, plan) => t("wheel.roundDeadline", { round, plan }),
        sometimeIn: (month) => t("wheel.sometimeIn", { month: t(`month.${MONTH_KEYS[month - 1]!}`) }),
      },
      { round: (plan, round) => `${state.publicUrl}${links.round(workspace.slug, plan, round)}`, wheel: `${state.publicUrl}${yearLinks.wheel(workspace.slug)}` },
    );
    const body = buildCalendar({ name: t("wheel.feedName", { workspace: workspace.name }), url: `${state.publicUrl}${yearLinks.wheel(workspace.slug)}`, entries });
    return reply.type(CALENDAR_MEDIA_TYPE).header("cache-control", "public, max-age=300").header("content-disposition", `inline; filename="arshjul-${workspace.slug}.ics"`).send(body);
  });
}
