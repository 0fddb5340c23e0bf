// Goal page: the goal's text and strategies, the three-column board, and its activities by organisation and kind.
import type { VNode } from "preact";
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { Paragraphs } from "../../components/text.tsx";
import type { ActivityView, Goal, Need, PlanGraph } from "../../../queries/plan-graph.ts";
import { activitiesOfGoal, goalBoard, termName } from "../../../queries/plan-stats.ts";
import { links } from "./links.ts";
import { contentLang, goalHeading, goalLabel, measureLabel, phaseLabel, termsOf } from "./labels.ts";
import { ActivityName } from "./names.tsx";
import { vocabularyLabel } from "../../../domain/vocabulary.ts";

function ActivityCard(props: { ctx: PageContext; graph: PlanGraph; activity: ActivityView }) {
  const { ctx, graph, activity } = props;
  const responsible = activity.responsibleIds.map((id) => graph.organisations.find((o) => o.id === id)?.shortName ?? graph.organisations.find((o) => o.id === id)?.name);
  const lang = contentLang(ctx, graph.workspace);
  return (
    <li class="board-card">
      <a href={links.activity(graph.workspace.slug, graph.plan.slug, activity.id)}>
        <ActivityName ctx={ctx} graph={graph} activity={activity} />
      </a>
      {responsible.length > 0 && <span class="board-card__meta">{responsible.join(", ")}</span>}
      {activity.boardNote && (
        <span class="board-card__note" lang={lang}>
          {activity.boardNote}
        </span>
      )}
    </li>
  );
}

function NeedCard(props: { ctx: PageContext; need: Need; lang: string | undefined }) {
  return (
    <li class="board-card board-card--need" lang={props.lang}>
      <span>{props.need.title}</span>
      {props.need.boardNote && <span class="board-card__note">{props.need.boardNote}</span>}
    </li>
  );
}

function Column<T>(props: { ctx: PageContext; heading: string; level: 3 | 4; items: T[]; render: (item: T) => VNode }) {
  const H = props.level === 3 ? "h3" : "h4";
  return (
    <div class="board__column">
      <H class="board__heading">{props.heading}</H>
      {props.items.length === 0 ? <p class="muted">{props.ctx.t("goal.emptyColumn")}</p> : <ul class="board__cards">{props.items.map(props.render)}</ul>}
    </div>
  );
}

export function GoalPage(props: { ctx: PageContext; graph: PlanGraph; goal: Goal }) {
  const { ctx, graph, goal } = props;
  const { t } = ctx;
  const { plan, workspace } = graph;
  const vocabulary = plan.vocabulary;
  const strategies = graph.strategies.filter((s) => s.goalId === goal.id);
  const prerequisites = graph.prerequisites.filter((p) => p.goalId === goal.id);
  const board = goalBoard(graph, goal.id);
  const split = board.rows.some((r) => r.term !== null);
  const columnLevel = split ? 4 : 3;
  const activities = activitiesOfGoal(graph, goal.id);
  const byOrganisation = graph.organisations
    .map((org) => ({ org, items: activities.filter((a) => a.responsibleIds.includes(org.id)) }))
    .filter((g) => g.items.length > 0);
  const kindTaxonomy = graph.taxonomies.find((tx) => tx.key === "activity_kind");
  const kinds = kindTaxonomy ? graph.terms.filter((term) => term.taxonomyId === kindTaxonomy.id) : [];
  const measures = measureLabel(ctx, graph, "other");
  const title = goalHeading(ctx, graph, goal);
  const lang = contentLang(ctx, workspace);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: workspace.name, href: `/#${workspace.slug}` }, { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang }, { label: `${goalLabel(ctx, graph)} ${goal.number}` }]}
    >
      <p class="eyebrow">
        {goalLabel(ctx, graph)} {goal.number}
      </p>
      <h1 lang={lang}>{goal.title}</h1>
      <Paragraphs text={goal.text} lang={lang} />
      {strategies.length > 0 && (
        <>
          <h2>{t("goal.strategies", { intro: ctx.locale === "en" ? vocabulary.strategyIntro.en ?? vocabulary.strategyIntro.sv : vocabulary.strategyIntro.sv })}</h2>
          <dl class="strategies" lang={lang}>
            {strategies.map((s) => (
              <div key={s.id}>
                <dt>{s.title}</dt>
                <dd>
                  <Paragraphs text={s.text} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {prerequisites.length > 0 && (
        <>
          <h2>{ctx.locale === "en" ? vocabulary.prerequisites.en ?? vocabulary.prerequisites.sv : vocabulary.prerequisites.sv}</h2>
          <ul lang={lang}>
            {prerequisites.map((p) => (
              <li key={p.id}>{p.text}</li>
            ))}
          </ul>
        </>
      )}

      <h2 id="board">{t("goal.board")}</h2>
      <p>{t("goal.boardIntro")}</p>
      {board.rows.map((row, index) => (
        <section class="board-row" key={row.term?.id ?? `none-${index}`} aria-label={row.term ? termName(row.term, ctx.locale) : t("goal.board")}>
          {split && <h3>{row.term ? termName(row.term, ctx.locale) : t("goal.split.none")}</h3>}
          <div class="board">
            <Column ctx={ctx} heading={t("goal.column.ongoing")} level={columnLevel} items={row.ongoing} render={(a) => <ActivityCard ctx={ctx} graph={graph} activity={a} key={a.id} />} />
            <Column ctx={ctx} heading={t("goal.column.underDevelopment")} level={columnLevel} items={row.underDevelopment} render={(a) => <ActivityCard ctx={ctx} graph={graph} activity={a} key={a.id} />} />
            <Column ctx={ctx} heading={t("goal.column.needs")} level={columnLevel} items={row.needs} render={(n) => <NeedCard ctx={ctx} need={n} lang={lang} key={n.id} />} />
          </div>
        </section>
      ))}
      {board.completed.length > 0 && (
        <section aria-labelledby="completed">
          <h3 id="completed">{t("goal.completed")}</h3>
          <ul class="board__cards board__cards--completed">
            {board.completed.map((a) => (
              <ActivityCard ctx={ctx} graph={graph} activity={a} key={a.id} />
            ))}
          </ul>
        </section>
      )}

      <h2>{t("goal.activitiesByOrganisation", { measures: vocabularyLabel(vocabulary, "measure", ctx.locale, "other") })}</h2>
      {byOrganisation.length === 0 && <p>{t("goal.noActivities", { measures: measures.toLowerCase() })}</p>}
      {byOrganisation.map(({ org, items }) => {
        const groups = kinds.length
          ? [...kinds.map((k) => ({ label: termName(k, ctx.locale), items: items.filter((a) => a.termIds.includes(k.id)) })), { label: t("goal.split.none"), items: items.filter((a) => !kinds.some((k) => a.termIds.includes(k.id))) }]
          : [{ label: "", items }];
        return (
          <section key={org.id} aria-labelledby={`org-${org.slug}`}>
            <h3 id={`org-${org.slug}`}>
              <a href={links.organisation(workspace.slug, org.slug)}>{org.name}</a>
            </h3>
            {groups
              .filter((g) => g.items.length > 0)
              .map((g) => (
                <div key={g.label}>
                  {g.label && <h4>{g.label}</h4>}
                  <ul class="activity-list">
                    {g.items.map((a) => (
                      <li key={a.id}>
                        <a href={links.activity(workspace.slug, plan.slug, a.id)}>
                          <ActivityName ctx={ctx} graph={graph} activity={a} />
                        </a>{" "}
                        <span class={`phase phase--${a.phase}`}>{phaseLabel(ctx, a.phase)}</span>
                        {termsOf(ctx, graph, a.termIds, "prevention_level").length > 0 && (
                          <span class="muted"> · {termsOf(ctx, graph, a.termIds, "prevention_level").join(", ")}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
          </section>
        );
      })}
    </Layout>
  );
}
