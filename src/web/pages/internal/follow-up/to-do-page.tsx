// "Att göra": what waits for the logged-in person in the workspace's follow-up rounds — reports to write, to approve,
// to decide on, and the late ones — each with its round, organisation, x of y done, the deadline and the state.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { formatDate, type MessageKey } from "../../../i18n/index.ts";
import type { Workspace } from "../../../../queries/plan-graph.ts";
import type { ToDo, ToDoItem } from "../../../../queries/to-do.ts";
import { HANDED_IN } from "../../../../queries/round-overview.ts";
import { contentLang } from "../../public/labels.ts";
import { followUpLinks } from "./overview-links.ts";
import type { ActionItemView } from "../../../../queries/groups.ts";
import { ActionItemList } from "../../year/action-item-list.tsx";

/** "12 dagar kvar till sista dagen", "Sista dagen är i dag", "Försenad 3 dagar". */
export function deadlineLabel(ctx: PageContext, daysLeft: number): string {
  if (daysLeft > 0) return ctx.t("todo.daysLeft", { count: daysLeft });
  if (daysLeft === 0) return ctx.t("todo.dueToday");
  return ctx.t("todo.overdueDays", { count: -daysLeft });
}

type Section = "write" | "approve" | "decide" | "overdue";

export function ToDoPage(props: { ctx: PageContext; workspace: Workspace; toDo: ToDo; actionItems: ActionItemView[] }) {
  const { ctx, workspace, toDo } = props;
  const { t } = ctx;
  const sections: Array<{ key: Section; heading: MessageKey; shown: boolean }> = [
    { key: "write", heading: "todo.write", shown: toDo.roles.editor },
    { key: "approve", heading: "todo.approve", shown: toDo.roles.approver },
    { key: "decide", heading: "todo.decide", shown: toDo.roles.coordinator },
    { key: "overdue", heading: "todo.overdue", shown: toDo.roles.coordinator },
  ];
  const nothing = sections.every((s) => toDo[s.key].length === 0) && props.actionItems.length === 0;
  return (
    <Layout ctx={ctx} title={t("todo.title")} crumbs={[{ label: workspace.name, href: `/#${workspace.slug}` }, { label: t("todo.title") }]}>
      <h1>{t("todo.title")}</h1>
      {nothing ? (
        <p class="notice">{t("todo.empty")}</p>
      ) : (
        <>
          <p>{t("todo.intro", { workspace: workspace.name })}</p>
          {sections
            .filter((s) => s.shown || toDo[s.key].length > 0)
            .map((s) => (
              <section key={s.key} aria-labelledby={`todo-${s.key}`} class="to-do-section">
                <h2 id={`todo-${s.key}`}>{t(s.heading)}</h2>
                {toDo[s.key].length === 0 ? (
                  <p class="muted">{t("todo.sectionEmpty")}</p>
                ) : (
                  <ul class="to-do-list">
                    {toDo[s.key].map((item) => (
                      <ToDoEntry key={item.reportId} ctx={ctx} workspace={workspace} item={item} />
                    ))}
                  </ul>
                )}
              </section>
            ))}
          {props.actionItems.length > 0 && (
            <section aria-labelledby="todo-action-items" class="to-do-section">
              <h2 id="todo-action-items">{t("todo.actionItems")}</h2>
              <ActionItemList ctx={ctx} workspaceSlug={workspace.slug} items={props.actionItems} showMeeting back={`/${workspace.slug}/att-gora`} mayComplete={() => true} />
            </section>
          )}
        </>
      )}
    </Layout>
  );
}

function ToDoEntry(props: { ctx: PageContext; workspace: Workspace; item: ToDoItem }) {
  const { ctx, workspace, item } = props;
  const { t } = ctx;
  const lang = contentLang(ctx, workspace);
  return (
    <li class="to-do-item">
      <a class="to-do-item__link" href={followUpLinks.report(workspace.slug, item.plan.slug, item.round.slug, item.organisation.slug)} lang={lang}>
        {item.organisation.name}: {item.round.name}
      </a>
      <p class="to-do-item__meta">
        <span lang={lang}>{item.plan.name}</span>
      </p>
      <ul class="to-do-item__facts">
        <li>{t("todo.state", { state: t(`report.state.${item.state}` as MessageKey) })}</li>
        <li>{t("todo.done", { reported: item.reported, total: item.total })}</li>
        <li>{t("todo.deadline", { date: formatDate(item.round.deadline, ctx.locale) })}</li>
        {/* Handed in (waiting for approval or a decision): the deadline no longer runs for the organisation. */}
        {!HANDED_IN.has(item.state) && (
          <li>{item.daysLeft < 0 ? <strong class="overdue-mark">{deadlineLabel(ctx, item.daysLeft)}</strong> : deadlineLabel(ctx, item.daysLeft)}</li>
        )}
      </ul>
    </li>
  );
}
