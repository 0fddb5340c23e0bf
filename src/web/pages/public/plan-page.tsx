// Plan overview: vision, period, adoption, and per goal its activities, organisations and latest status distribution.
import { HistoryLink } from "../../components/history-link.tsx";
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { UnpublishedNotice } from "./internal-marks.tsx";
import { SearchForm } from "./search-page.tsx";
import { StatusBar } from "../../components/status-bar.tsx";
import { Paragraphs } from "../../components/text.tsx";
import { formatDate } from "../../i18n/index.ts";
import type { PlanGraph } from "../../../queries/plan-graph.ts";
import { activitiesOfGoal, latestRound, organisationsInvolved, reportsIn, statusCounts } from "../../../queries/plan-stats.ts";
import { links } from "./links.ts";
import { can } from "../../../policies/can.ts";
import { psLinks } from "../internal/plan-structure/links.ts";
import { ExportLinks } from "../internal/reports/export-links.tsx";
import { contentLang, dateRangeLabel, goalLabel, measureLabel, organisationName, periodLabel } from "./labels.ts";

function cadence(ctx: PageContext, months: number) {
  if (months === 12) return ctx.t("plan.yearly");
  if (months === 24) return ctx.t("plan.everyOtherYear");
  return ctx.t("plan.followUpEvery", { count: months });
}

export function PlanPage(props: { ctx: PageContext; graph: PlanGraph }) {
  const { ctx, graph } = props;
  const { t } = ctx;
  const { plan, workspace } = graph;
  const ws = workspace.slug;
  const round = latestRound(graph);
  const lang = contentLang(ctx, workspace);
  return (
    <Layout ctx={ctx} title={plan.name} crumbs={[{ label: workspace.name, href: `/#${ws}` }, { label: plan.name, lang }]}>
      <p class="eyebrow">{workspace.name}</p>
      <h1 lang={lang}>{plan.name}</h1>
      <UnpublishedNotice ctx={ctx} graph={graph} />
      <HistoryLink ctx={ctx} workspaceId={workspace.id} href={links.planHistory(workspace.slug, plan.slug)} />
      {can(ctx.viewer, "readInternal", { type: "workspace", workspaceId: workspace.id }) && (
        <p class="tools">
          {can(ctx.viewer, "update", { type: "plan", workspaceId: workspace.id, published: plan.published }) && (
            <>
              <a href={psLinks.hub(ws, plan.slug)}>{t("ps.planPage.manage")}</a>{" "}
            </>
          )}
          <a href={`/${ws}/planer/${plan.slug}/handlingsplaner`}>{t("plan.actionPlansLink")}</a>{" "}
          <a href={`/${ws}/planer/${plan.slug}/uppfoljning`}>{t("rounds.title")}</a>{" "}
          <a href={`/${ws}/planer/${plan.slug}/dialogmoten`}>{t("dialogue.listTitle")}</a>{" "}
          <a href={`/${ws}/grupper`}>{t("year.groupsLink")}</a>{" "}
          <a href={`/${ws}/arshjul`}>{t("year.wheelLink")}</a>
          <ExportLinks ctx={ctx} ws={ws} plan={plan.slug} />
        </p>
      )}
      <SearchForm ctx={ctx} graph={graph} compact />
      {plan.vision && (
        <section aria-labelledby="vision" class="vision">
          <h2 id="vision" class="visually-hidden">
            {t("plan.vision")}
          </h2>
          <blockquote lang={lang}>
            <p>{plan.vision}</p>
          </blockquote>
        </section>
      )}
      <dl class="facts">
        <div>
          <dt>{t("plan.period")}</dt>
          <dd>{periodLabel(ctx, plan.periodStart, plan.periodEnd)}</dd>
        </div>
        {plan.adoptedBy && (
          <div>
            <dt>{t("plan.adopted")}</dt>
            <dd>{t("plan.adoptedBy", { by: plan.adoptedBy, date: formatDate(plan.adoptedOn, ctx.locale) })}</dd>
          </div>
        )}
        {plan.coordinatingOrganisationId && (
          <div>
            <dt>{t("plan.coordinator")}</dt>
            <dd>{organisationName(graph, plan.coordinatingOrganisationId)}</dd>
          </div>
        )}
        <div>
          <dt>{t("plan.followUp")}</dt>
          <dd>{cadence(ctx, plan.followUpEveryMonths)}</dd>
        </div>
      </dl>
      <Paragraphs text={plan.introduction} lang={lang} />

      <h2>{t("plan.goalsHeading", { goals: goalLabel(ctx, graph, "other") })}</h2>
      {round && <p>{t("plan.latestRound", { round: round.name })}</p>}
      <ol class="goal-list">
        {graph.goals.map((goal) => {
          const activities = activitiesOfGoal(graph, goal.id);
          const organisations = organisationsInvolved(graph, activities);
          const counts = round ? statusCounts(graph, reportsIn(graph, round.id, new Set(activities.map((a) => a.id))), ctx.locale) : [];
          return (
            <li class="card goal-card" key={goal.id}>
              <h3>
                <a href={links.goal(workspace.slug, plan.slug, goal.number)}>
                  <span class="goal-card__number">
                    {goalLabel(ctx, graph)} {goal.number}
                  </span>{" "}
                  <span lang={lang}>{goal.title}</span>
                </a>
              </h3>
              <dl class="goal-card__numbers">
                <div>
                  <dt>{t("plan.activities", { measures: measureLabel(ctx, graph, "other") })}</dt>
                  <dd>{activities.length}</dd>
                </div>
                <div>
                  <dt>{t("plan.organisationsInvolved")}</dt>
                  <dd>{organisations.length}</dd>
                </div>
              </dl>
              {round && <StatusBar ctx={ctx} id={`status-${goal.number}`} subject={`${goalLabel(ctx, graph)} ${goal.number}, ${round.name}`} counts={counts} outOf={activities.length} />}
            </li>
          );
        })}
      </ol>
      {!round && <p>{t("plan.noRound")}</p>}

      {graph.rounds.length > 0 && (
        <>
          <h2>{t("plan.rounds")}</h2>
          <ul class="plain-list">
            {graph.rounds.map((r) => (
              <li key={r.id}>
                <a href={links.round(workspace.slug, plan.slug, r.slug)} lang={lang}>
                  {r.name}
                </a>{" "}
                <span class="muted">
                  ({dateRangeLabel(ctx, r.periodStart, r.periodEnd)}; {r.state === "closed" ? t("plan.roundState.closed") : t("plan.roundState.open")})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={links.organisations(workspace.slug)}>{t("plan.organisationsLink")}</a>
      </p>
    </Layout>
  );
}
