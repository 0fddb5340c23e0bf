// Goal page: the goal's text and strategies, the three-column board with its filters, and its activities by
// organisation and kind. Internal readers also see draft action plans' activities, marked.
import type { VNode } from "preact";
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { Paragraphs } from "../../components/text.tsx";
import type { ActivityView, Goal, Need, PlanGraph, Taxonomy } from "../../../queries/plan-graph.ts";
import {
  activitiesOfGoal,
  activityMatches,
  filterTaxonomies,
  goalBoard,
  isDraftActivity,
  NO_FILTER,
  ORGANISATION_PARAM,
  organisationsInvolved,
  termName,
  type ParsedBoardFilter,
} from "../../../queries/plan-stats.ts";
import { links } from "./links.ts";
import { GoalManageLinks, mayEditNeed } from "./goal-manage-links.tsx";
import { contentLang, goalHeading, goalLabel, measureLabel, phaseLabel, termsOf } from "./labels.ts";
import { ActivityName } from "./names.tsx";
import { vocabularyLabel } from "../../../domain/vocabulary.ts";
import { DraftMark, UnpublishedNotice } from "./internal-marks.tsx";
import { SearchForm } from "./search-page.tsx";

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
      {isDraftActivity(graph, activity) && <DraftMark ctx={ctx} />}
      {activity.boardNote && (
        <span class="board-card__note" lang={lang}>
          {activity.boardNote}
        </span>
      )}
    </li>
  );
}

function NeedCard(props: { ctx: PageContext; graph: PlanGraph; need: Need; lang: string | undefined }) {
  const { graph, need } = props;
  return (
    <li class="board-card board-card--need" id={`need-${need.id}`} lang={props.lang}>
      {mayEditNeed(props.ctx, graph, need.organisationId) ? (
        <a href={`/${graph.workspace.slug}/planer/${graph.plan.slug}/behov/${need.id}`}>{need.title}</a>
      ) : (
        <span>{need.title}</span>
      )}
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

function taxonomyName(ctx: PageContext, taxonomy: Taxonomy) {
  return ctx.locale === "en" ? taxonomy.nameEn ?? taxonomy.name : taxonomy.name;
}

/** The board's filter: a GET form, so the filtered board has an address that can be shared; works without script. */
function BoardFilterForm(props: { ctx: PageContext; graph: PlanGraph; goal: Goal; parsed: ParsedBoardFilter; activityCount: number; needCount: number }) {
  const { ctx, graph, goal, parsed } = props;
  const { t } = ctx;
  const action = links.goal(graph.workspace.slug, graph.plan.slug, goal.number);
  const selected = (param: string) => parsed.active.find((f) => f.param === param);
  const chosenOrganisation = selected(ORGANISATION_PARAM);
  // Organisations with activities under this goal, and the one chosen even if it has none here.
  const organisations = organisationsInvolved(graph, activitiesOfGoal(graph, goal.id)).filter((o) => !o.archivedAt);
  if (chosenOrganisation?.kind === "organisation" && !organisations.includes(chosenOrganisation.organisation)) organisations.push(chosenOrganisation.organisation);
  const taxonomies = filterTaxonomies(graph);
  const measures = measureLabel(ctx, graph, "other").toLowerCase();
  const label = (f: ParsedBoardFilter["active"][number]) =>
    f.kind === "organisation"
      ? t("board.filter.activeItem", { label: t("goal.filterOrganisation"), value: f.organisation.name })
      : t("board.filter.activeItem", { label: taxonomyName(ctx, f.taxonomy), value: termName(f.term, ctx.locale) });
  return (
    <>
      <form method="get" action={action} class="board-filter" aria-labelledby="board-filter-heading">
        <h3 id="board-filter-heading" class="board-filter__heading">
          {t("board.filter.heading")}
        </h3>
        <div class="board-filter__fields">
          <div class="field">
            <label for="filter-organisation">{t("board.filter.organisation")}</label>
            <select id="filter-organisation" name={ORGANISATION_PARAM}>
              <option value="">{t("board.filter.all")}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.slug} selected={chosenOrganisation?.kind === "organisation" && chosenOrganisation.organisation.id === o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          {taxonomies.map((taxonomy) => {
            const chosen = selected(taxonomy.key);
            return (
              <div class="field" key={taxonomy.id}>
                <label for={`filter-${taxonomy.key}`}>{taxonomyName(ctx, taxonomy)}</label>
                <select id={`filter-${taxonomy.key}`} name={taxonomy.key}>
                  <option value="">{t("board.filter.all")}</option>
                  {graph.terms
                    .filter((term) => term.taxonomyId === taxonomy.id)
                    .map((term) => (
                      <option key={term.id} value={term.key} selected={chosen?.kind === "term" && chosen.term.id === term.id}>
                        {termName(term, ctx.locale)}
                      </option>
                    ))}
                </select>
              </div>
            );
          })}
        </div>
        <div class="board-filter__actions">
          <button type="submit" class="button">
            {t("board.filter.apply")}
          </button>
          {(parsed.active.length > 0 || parsed.ignored.length > 0) && <a href={action}>{t("board.filter.clear")}</a>}
        </div>
      </form>
      {parsed.ignored.map((i) => (
        <p class="notice notice--warning" key={`${i.param}=${i.value}`}>
          {t("board.filter.ignored", { param: i.param.slice(0, 60), value: i.value.slice(0, 60) })}
        </p>
      ))}
      {parsed.active.length > 0 && (
        <p class="board-filter__status">
          <strong>{t("board.filter.active")}</strong> {parsed.active.map(label).join("; ")}.{" "}
          {t("board.filter.matches", {
            activities: t("board.filter.activities", { count: props.activityCount, measure: measureLabel(ctx, graph, "one").toLowerCase(), measures }),
            needs: t("board.filter.needs", { count: props.needCount }),
          })}
        </p>
      )}
    </>
  );
}

export function GoalPage(props: { ctx: PageContext; graph: PlanGraph; goal: Goal; filter?: ParsedBoardFilter }) {
  const { ctx, graph, goal } = props;
  const parsed = props.filter ?? { filter: NO_FILTER, active: [], ignored: [] };
  const { t } = ctx;
  const { plan, workspace } = graph;
  const vocabulary = plan.vocabulary;
  const strategies = graph.strategies.filter((s) => s.goalId === goal.id);
  const prerequisites = graph.prerequisites.filter((p) => p.goalId === goal.id);
  const board = goalBoard(graph, goal.id, parsed.filter);
  const split = board.rows.some((r) => r.term !== null);
  const columnLevel = split ? 4 : 3;
  const activities = activitiesOfGoal(graph, goal.id).filter((a) => activityMatches(a, parsed.filter));
  const byOrganisation = graph.organisations
    .map((org) => ({ org, items: activities.filter((a) => a.responsibleIds.includes(org.id)) }))
    .filter((g) => g.items.length > 0);
  const kindTaxonomy = graph.taxonomies.find((tx) => tx.key === "activity_kind");
  const kinds = kindTaxonomy ? graph.terms.filter((term) => term.taxonomyId === kindTaxonomy.id) : [];
  const measures = measureLabel(ctx, graph, "other");
  const title = goalHeading(ctx, graph, goal);
  const lang = contentLang(ctx, workspace);
  const filtered = parsed.active.length > 0;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: workspace.name, href: `/#${workspace.slug}` }, { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang }, { label: `${goalLabel(ctx, graph)} ${goal.number}` }]}
    >
      <UnpublishedNotice ctx={ctx} graph={graph} />
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

      <SearchForm ctx={ctx} graph={graph} compact />

      <h2 id="board">{t("goal.board")}</h2>
      <p>{t("goal.boardIntro")}</p>
      <GoalManageLinks ctx={ctx} graph={graph} goal={goal} />
      <BoardFilterForm ctx={ctx} graph={graph} goal={goal} parsed={parsed} activityCount={board.activityCount} needCount={board.needCount} />
      {board.rows.map((row, index) => (
        <section class="board-row" key={row.term?.id ?? `none-${index}`} aria-label={row.term ? termName(row.term, ctx.locale) : t("goal.board")}>
          {split && <h3>{row.term ? termName(row.term, ctx.locale) : t("goal.split.none")}</h3>}
          <div class="board">
            <Column ctx={ctx} heading={t("goal.column.ongoing")} level={columnLevel} items={row.ongoing} render={(a) => <ActivityCard ctx={ctx} graph={graph} activity={a} key={a.id} />} />
            <Column ctx={ctx} heading={t("goal.column.underDevelopment", { measures: vocabularyLabel(vocabulary, "measure", ctx.locale, "other") })} level={columnLevel} items={row.underDevelopment} render={(a) => <ActivityCard ctx={ctx} graph={graph} activity={a} key={a.id} />} />
            <Column ctx={ctx} heading={t("goal.column.needs")} level={columnLevel} items={row.needs} render={(n) => <NeedCard ctx={ctx} graph={graph} need={n} lang={lang} key={n.id} />} />
          </div>
        </section>
      ))}
      {board.completed.length > 0 && (
        <details class="board-completed" id="completed">
          <summary>{t("board.completed", { count: board.completed.length })}</summary>
          <ul class="board__cards board__cards--completed">
            {board.completed.map((a) => (
              <ActivityCard ctx={ctx} graph={graph} activity={a} key={a.id} />
            ))}
          </ul>
        </details>
      )}

      <h2>{t("goal.activitiesByOrganisation", { measures: vocabularyLabel(vocabulary, "measure", ctx.locale, "other") })}</h2>
      {byOrganisation.length === 0 &&
        (filtered ? <p>{t("board.filter.nothingMatches", { measures: measures.toLowerCase() })}</p> : <p>{t("goal.noActivities", { measures: measures.toLowerCase() })}</p>)}
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
                        {isDraftActivity(graph, a) && (
                          <>
                            {" "}
                            <DraftMark ctx={ctx} />
                          </>
                        )}
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
