// Search in a plan: the form, the number of hits, each hit linked (an activity to its page, a need to its goal's
// board) with its organisation and goal, and the found words marked. Marks come from control characters in the
// query's result and become <mark> elements here, so every text stays escaped.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { ErrorSummary, FieldMessages, describedBy, type FieldErrors } from "../../components/form.tsx";
import type { ActivityView, Need, PlanGraph } from "../../../queries/plan-graph.ts";
import { isDraftActivity } from "../../../queries/plan-stats.ts";
import { markedParts, type SearchHit } from "../../../queries/search.ts";
import { links } from "./links.ts";
import { contentLang, goalLabel, measureLabel, organisationName } from "./labels.ts";
import { DraftMark, UnpublishedNotice } from "./internal-marks.tsx";

export function searchHref(ws: string, plan: string, q?: string) {
  return `/${ws}/planer/${plan}/sok${q ? `?q=${encodeURIComponent(q)}` : ""}`;
}

/** Text with the found words as <mark>. */
export function Marked(props: { text: string }) {
  return <>{markedParts(props.text).map((part, i) => (part.found ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/** The search form; compact on other pages (the goal page), with the hint and any error on the search page. */
export function SearchForm(props: { ctx: PageContext; graph: PlanGraph; q?: string; errors?: FieldErrors; compact?: boolean }) {
  const { ctx, graph } = props;
  const { t } = ctx;
  const errors = props.errors ?? {};
  const measures = measureLabel(ctx, graph, "other").toLowerCase();
  const id = props.compact ? "plan-search" : "q";
  const hint = props.compact ? undefined : t("search.hint");
  const error = errors[id];
  return (
    <form method="get" action={searchHref(graph.workspace.slug, graph.plan.slug)} role="search" class={props.compact ? "search-form search-form--compact" : "search-form"}>
      <div class={error ? "field field--error" : "field"}>
        <label for={id}>{props.compact ? t("search.labelShort") : t("search.label", { measures })}</label>
        <FieldMessages ctx={ctx} name={id} hint={hint} error={error} />
        <div class="search-form__row">
          <input id={id} name="q" type="search" value={props.q ?? ""} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? "true" : undefined} />
          <button type="submit" class="button">
            {t("search.submit")}
          </button>
        </div>
      </div>
    </form>
  );
}

function HitItem(props: { ctx: PageContext; graph: PlanGraph; hit: SearchHit; activity?: ActivityView | undefined; need?: Need | undefined }) {
  const { ctx, graph, hit, activity, need } = props;
  const { workspace, plan } = graph;
  const goal = graph.goals.find((g) => g.id === (activity?.goalId ?? need?.goalId));
  if (!goal) return null;
  const lang = contentLang(ctx, workspace);
  const goalHref = links.goal(workspace.slug, plan.slug, goal.number);
  const href = activity ? links.activity(workspace.slug, plan.slug, activity.id) : `${goalHref}#need-${need!.id}`;
  const organisationIds = activity ? [...activity.responsibleIds, ...activity.coResponsibleIds] : need?.organisationId ? [need.organisationId] : [];
  const organisations = organisationIds.map((id) => organisationName(graph, id)).filter(Boolean);
  const kind = activity ? (activity.number ? `${measureLabel(ctx, graph)} ${activity.number}` : measureLabel(ctx, graph)) : ctx.t("search.kind.need");
  return (
    <li class="search-hit">
      <h3 class="search-hit__title">
        <a href={href}>
          {`${kind}: `}
          <span lang={lang}>
            <Marked text={hit.title} />
          </span>
        </a>
      </h3>
      <p class="search-hit__meta">
        <a href={goalHref}>
          {goalLabel(ctx, graph)} {goal.number}
        </a>
        {organisations.length > 0 && <> · {organisations.join(", ")}</>}
        {activity && isDraftActivity(graph, activity) && (
          <>
            {" "}
            <DraftMark ctx={ctx} />
          </>
        )}
      </p>
      {hit.excerpt && (
        <p class="search-hit__excerpt" lang={lang}>
          <Marked text={hit.excerpt} />
        </p>
      )}
    </li>
  );
}

export interface SearchPageProps {
  ctx: PageContext;
  graph: PlanGraph;
  /** The viewer reads the internal model (drafts are searched too). */
  internal: boolean;
  q: string;
  errors: FieldErrors;
  /** Null when nothing was searched (no query, or a query refused). */
  result: { hits: SearchHit[]; total: number } | null;
}

export function SearchPage(props: SearchPageProps) {
  const { ctx, graph, q, errors, result } = props;
  const { t } = ctx;
  const { workspace, plan } = graph;
  const lang = contentLang(ctx, workspace);
  const measures = measureLabel(ctx, graph, "other").toLowerCase();
  const heading = t("search.title", { plan: plan.name });
  // The plan's name is authored text: marked with its language when it differs from the page's.
  const [headingBefore = "", headingAfter = ""] = t("search.title", { plan: "{plan}" }).split("{plan}");
  const title = Object.keys(errors).length ? t("form.errorTitle", { title: heading }) : q && result ? `${q} – ${heading}` : heading;
  const activities = new Map(graph.activities.map((a) => [a.id, a]));
  const needs = new Map(graph.needs.map((n) => [n.id, n]));
  const hits = (result?.hits ?? []).filter((hit) => (hit.kind === "activity" ? activities.has(hit.id) : needs.has(hit.id)));
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: workspace.name, href: `/#${workspace.slug}` }, { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang }, { label: t("search.crumb") }]}
    >
      <UnpublishedNotice ctx={ctx} graph={graph} />
      <h1>
        {headingBefore}
        <span lang={lang}>{plan.name}</span>
        {headingAfter}
      </h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["q"]} />
      <SearchForm ctx={ctx} graph={graph} q={q} errors={errors} />
      {props.internal && <p class="muted">{t("search.internalScope", { workspace: workspace.name, measures })}</p>}
      {result && (
        <section aria-labelledby="search-results">
          <h2 id="search-results">{t("search.results", { count: result.total, q })}</h2>
          {result.total === 0 && <p>{t("search.noResults", { measures, q })}</p>}
          {result.total > hits.length && hits.length > 0 && <p class="muted">{t("search.limited", { count: hits.length })}</p>}
          {hits.length > 0 && (
            <ol class="search-hits">
              {hits.map((hit) => (
                <HitItem key={hit.id} ctx={ctx} graph={graph} hit={hit} activity={activities.get(hit.id)} need={needs.get(hit.id)} />
              ))}
            </ol>
          )}
        </section>
      )}
    </Layout>
  );
}
