// A plan's management hub for coordinators: how far the plan has come (a short checklist with the next step) and
// the way to every part of it — details, words, statuses, goals, taxonomies, action plans, organisations, history.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import type { Plan, Workspace } from "../../../../queries/plan-graph.ts";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import { links } from "../../public/links.ts";
import { contentLang } from "../../public/labels.ts";
import { psLinks } from "./links.ts";

export interface PlanCounts {
  organisations: number;
  goals: number;
  taxonomies: number;
  statuses: number;
  actionPlans: number;
}

interface Check {
  done: boolean;
  text: string;
  href: string;
}

export function PlanHubPage(props: { ctx: PageContext; workspace: Workspace; plan: Plan; counts: PlanCounts }) {
  const { ctx, workspace, plan, counts } = props;
  const ws = workspace.slug;
  const goals = vocabularyLabel(plan.vocabulary, "goal", ctx.locale, "other");
  const title = ctx.t("ps.hub.title", { plan: plan.name });
  const checks: Check[] = [
    { done: counts.organisations > 0, text: ctx.t("ps.hub.count.organisations", { count: counts.organisations }), href: psLinks.organisations(ws) },
    { done: counts.goals > 0, text: ctx.t("ps.hub.count.goals", { goals, count: counts.goals }), href: psLinks.goals(ws, plan.slug) },
    { done: counts.taxonomies > 0, text: ctx.t("ps.hub.count.taxonomies", { count: counts.taxonomies }), href: psLinks.taxonomies(ws, plan.slug) },
    { done: counts.statuses > 0, text: ctx.t("ps.hub.count.statuses", { count: counts.statuses }), href: psLinks.statuses(ws, plan.slug) },
    { done: counts.actionPlans > 0, text: ctx.t("ps.hub.count.actionPlans", { count: counts.actionPlans }), href: psLinks.actionPlans(ws, plan.slug) },
    { done: plan.published, text: plan.published ? ctx.t("ps.hub.isPublished") : ctx.t("ps.hub.notPublished"), href: psLinks.details(ws, plan.slug) },
  ];
  const next =
    counts.organisations === 0 ? { text: ctx.t("ps.hub.next.organisations"), href: psLinks.organisations(ws) }
    : counts.goals === 0 ? { text: ctx.t("ps.hub.next.goals", { goals }), href: psLinks.goals(ws, plan.slug) }
    : counts.actionPlans === 0 ? { text: ctx.t("ps.hub.next.actionPlans"), href: psLinks.actionPlans(ws, plan.slug) }
    : !plan.published ? { text: ctx.t("ps.hub.next.publish"), href: psLinks.details(ws, plan.slug) }
    : null;
  const parts = [
    { href: psLinks.details(ws, plan.slug), label: ctx.t("ps.hub.details") },
    { href: psLinks.vocabulary(ws, plan.slug), label: ctx.t("ps.hub.vocabulary") },
    { href: psLinks.statuses(ws, plan.slug), label: ctx.t("ps.hub.statuses") },
    { href: psLinks.goals(ws, plan.slug), label: ctx.t("ps.hub.goals", { goals }) },
    { href: psLinks.taxonomies(ws, plan.slug), label: ctx.t("ps.hub.taxonomies") },
    { href: psLinks.actionPlans(ws, plan.slug), label: ctx.t("ps.hub.actionPlans") },
    { href: psLinks.organisations(ws), label: ctx.t("ps.hub.organisations") },
    { href: links.plan(ws, plan.slug), label: ctx.t("ps.hub.publicPage") },
    { href: links.planHistory(ws, plan.slug), label: ctx.t("ps.hub.history") },
  ];
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: workspace.name, href: psLinks.manage(ws) }, { label: plan.name, lang: contentLang(ctx, workspace) }]}
    >
      <h1>{title}</h1>
      <section class="card plan-hub__status" aria-labelledby="checklist">
        <h2 id="checklist">{ctx.t("ps.hub.checklist")}</h2>
        <ul class="checklist">
          {checks.map((check, i) => (
            <li key={i} class={check.done ? "checklist__item checklist__item--done" : "checklist__item"}>
              <span class={check.done ? "tag tag--done" : "tag tag--todo"}>{check.done ? ctx.t("ps.hub.done") : ctx.t("ps.hub.todo")}</span>{" "}
              <a href={check.href}>{check.text}</a>
            </li>
          ))}
        </ul>
        <p>
          <strong>{ctx.t("ps.hub.nextStep")}:</strong> {next ? <a href={next.href}>{next.text}</a> : ctx.t("ps.hub.next.none")}
        </p>
      </section>
      <h2>{ctx.t("ps.hub.parts")}</h2>
      <ul class="hub-links">
        {parts.map((part) => (
          <li key={part.href}>
            <a href={part.href}>{part.label}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
