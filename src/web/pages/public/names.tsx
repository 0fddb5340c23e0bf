// Names of goals and activities as page content: the label in the page's language, the authored title marked with its own.
import type { PageContext } from "../../context.ts";
import type { ActivityView, Goal, PlanGraph } from "../../../queries/plan-graph.ts";
import { activityHeading, contentLang, goalHeading, goalLabel, measureLabel } from "./labels.ts";

/** "Activity 1.2: <span lang="sv">Förvaltningen ska …</span>" on an English page; plain text when the languages agree. */
export function ActivityName(props: { ctx: PageContext; graph: PlanGraph; activity: ActivityView }) {
  const { ctx, graph, activity } = props;
  const lang = contentLang(ctx, graph.workspace);
  if (!lang) return <>{activityHeading(ctx, graph, activity)}</>;
  const title = <span lang={lang}>{activity.title}</span>;
  return activity.number ? (
    <>
      {`${measureLabel(ctx, graph)} ${activity.number}: `}
      {title}
    </>
  ) : (
    title
  );
}

/** "Goal 1: <span lang="sv">Staden bedriver …</span>" on an English page; plain text when the languages agree. */
export function GoalName(props: { ctx: PageContext; graph: PlanGraph; goal: Goal }) {
  const { ctx, graph, goal } = props;
  const lang = contentLang(ctx, graph.workspace);
  if (!lang) return <>{goalHeading(ctx, graph, goal)}</>;
  return (
    <>
      {`${goalLabel(ctx, graph)} ${goal.number}: `}
      <span lang={lang}>{goal.title}</span>
    </>
  );
}
