// What every wheel route needs: the workspace as this viewer may see it (public when it has a published plan,
// internal for people with a role), the year and categories asked for, and the year expanded with words and links
// in the viewer's language.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import type { PageContext } from "../../context.ts";
import { formatDate } from "../../i18n/index.ts";
import { formList } from "../../forms/form-schemas.ts";
import { links } from "../../pages/public/links.ts";
import { monthNames } from "../../pages/year/wheel-common.tsx";
import { yearLinks } from "../../pages/year/links.ts";
import { NotFound } from "../../../domain/errors.ts";
import { localDate } from "../../../domain/local-date.ts";
import { can } from "../../../policies/can.ts";
import { findWorkspace } from "../../../queries/find-plan.ts";
import { readsInternal, workspaceForViewer } from "../public/page-response.ts";
import { wheelYear } from "../../../queries/wheel-year.ts";
import { describeRule } from "../../../wheel/recurrence-choice.ts";
import { localParts } from "../../../wheel/recurrence.ts";
import type { WheelYear } from "../../../wheel/types.ts";

export const wheelQuery = z.object({
  ar: z.coerce.number().int().min(2000).max(2199).optional().catch(undefined),
  kategori: formList.catch([]),
});

export function recurrenceWords(ctx: PageContext) {
  return { t: ctx.t as (key: string, values?: Record<string, string | number>) => string, monthNames: monthNames(ctx), formatDate: (d: string) => formatDate(d, ctx.locale) };
}

export async function loadWheel(state: AppState, request: FastifyRequest, ctx: PageContext, wsSlug: string) {
  const viewer = request.viewer ?? null;
  const workspace = await findWorkspace(state.database.db, wsSlug);
  const internal = readsInternal(viewer, workspace);
  const viewed = await workspaceForViewer(state, viewer, wsSlug);
  if (!viewed) throw new NotFound("workspace");
  const published = viewed.graphs.some((g) => g.plan.published);
  const query = wheelQuery.parse(request.query ?? {});
  const today = localDate();
  const year = query.ar ?? Number(today.slice(0, 4));
  const mayManage = can(viewer, "manage", { type: "year", workspaceId: workspace.id });
  const wheel: WheelYear = await wheelYear(state.database.db, workspace.id, {
    year, today, internal, locale: ctx.locale,
    words: {
      roundDeadline: (round, plan) => ctx.t("wheel.roundDeadline", { round, plan }),
      recurrence: (rule) => (rule ? describeRule(rule, recurrenceWords(ctx)) : ""),
      meetingDetail: (group, time) => ctx.t("wheel.meetingDetail", { group, time }),
    },
    links: {
      event: (id) => (mayManage ? yearLinks.event(workspace.slug, id) : null),
      round: (plan, round) => links.round(workspace.slug, plan, round),
      meeting: (group, id, start) => {
        if (!start) return yearLinks.meeting(workspace.slug, group, id);
        const local = localParts(start);
        return yearLinks.occurrence(workspace.slug, group, id, local.date, local.time);
      },
    },
  });
  const known = new Set(wheel.categories.map((c) => c.key));
  const chosen = query.kategori.filter((k) => known.has(k));
  const feedUrl = published ? `${state.publicUrl}${yearLinks.feed(workspace.slug)}` : null;
  return { workspace, internal, mayManage, wheel, chosen, feedUrl, published };
}
