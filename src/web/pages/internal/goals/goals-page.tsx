// The plan's goals in order, in the plan's own words ("Fokusområden"): number, title and how much hangs under each,
// with move, archive and a way to add one; archived goals apart, each with "restore".
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import type { GoalOverview } from "../../../../queries/goals-taxonomies.ts";
import { ArchivedList, ManageList, type ManagedItem } from "./parts.tsx";
import type { PlanWords } from "./words.ts";

export interface GoalsPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  words: PlanWords;
  goals: GoalOverview[];
  /** This page's address (the buttons come back here). */
  self: string;
  /** The goal's page: `${base}/${id}`; also the base of its buttons. */
  base: string;
  /** The language authored text is in, when it differs from the page's. */
  lang?: string | undefined;
}

/** A separator a screen reader skips. */
export function Dot() {
  return (
    <>
      <span aria-hidden="true"> · </span>
      <span class="visually-hidden">, </span>
    </>
  );
}

export function GoalsPage(props: GoalsPageProps) {
  const { ctx, words, lang } = props;
  const item = (goal: GoalOverview): ManagedItem => ({
    id: goal.id,
    name: `${goal.number} ${goal.title}`,
    href: goal.archivedAt ? undefined : `${props.base}/${goal.id}`,
    label: (
      <>
        <span class="manage-list__number">{goal.number}</span> <span lang={lang}>{goal.title}</span>
      </>
    ),
    meta: (
      <>
        {`${words.strategyIntro}: ${goal.strategyCount}`}
        <Dot />
        {`${words.prerequisites}: ${goal.prerequisiteCount}`}
        <Dot />
        {`${words.measures}: ${goal.activityCount}`}
      </>
    ),
    actions: `${props.base}/${goal.id}`,
    history: goal.archivedAt ? `${props.base}/${goal.id}/historik` : undefined,
  });
  const live = props.goals.filter((g) => !g.archivedAt).map(item);
  const archived = props.goals.filter((g) => g.archivedAt).map(item);
  const title = words.goals;
  return (
    <Layout ctx={ctx} title={title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <p>{ctx.t("goalsAdmin.list.intro", { goals: words.goalsLower })}</p>
      <ManageList ctx={ctx} items={live} back={props.self} empty={ctx.t("goalsAdmin.list.empty", { goals: words.goalsLower })} />
      <p>
        <a class="button" href={`${props.base}/ny`}>
          {ctx.t("goalsAdmin.add", { goal: words.goalLower })}
        </a>
      </p>
      <ArchivedList ctx={ctx} items={archived} back={props.self} heading={ctx.t("goalsAdmin.list.archived", { goals: words.goalsLower })} />
    </Layout>
  );
}
