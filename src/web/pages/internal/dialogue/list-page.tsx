// "Dialogmöten" of a plan: its meetings, newest first, and when each organisation with an action plan last had one
// (overdue when longer ago than the plan's cadence, "aldrig" when never).
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { TableWrap } from "../../../components/table-wrap.tsx";
import { formatDate } from "../../../i18n/index.ts";
import type { Plan, Workspace } from "../../../../queries/plan-graph.ts";
import type { LastMeetingRow, MeetingWithOrganisations } from "../../../../queries/dialogue-meetings.ts";
import { cadenceText, dialogueCrumbs, LastMeeting } from "./common.tsx";
import { dialogueLinks } from "./links.ts";

export interface DialogueListProps {
  ctx: PageContext;
  workspace: Workspace;
  plan: Plan;
  meetings: Array<MeetingWithOrganisations & { areaCount: number }>;
  lastMeetings: LastMeetingRow[];
  mayManage: boolean;
}

export function DialogueListPage(props: DialogueListProps) {
  const { ctx, workspace, plan, meetings, lastMeetings, mayManage } = props;
  const { t } = ctx;
  const ws = workspace.slug;
  const title = t("dialogue.listTitle");
  const due = lastMeetings.filter((r) => r.due).length;
  return (
    <Layout ctx={ctx} title={`${title} – ${plan.name}`} crumbs={dialogueCrumbs(ctx, workspace, plan)}>
      <p class="eyebrow">{plan.name}</p>
      <h1>{title}</h1>
      <p class="lead">{t("dialogue.listIntro", { cadence: cadenceText(ctx, plan.dialogueEveryMonths) })}</p>
      {mayManage && (
        <p>
          <a class="button" href={dialogueLinks.create(ws, plan.slug)}>
            {t("dialogue.create")}
          </a>
        </p>
      )}

      <section aria-labelledby="meetings">
        <h2 id="meetings">{t("dialogue.meetingsHeading")}</h2>
        {meetings.length === 0 ? (
          <p>{t("dialogue.noMeetings")}</p>
        ) : (
          <TableWrap labelledBy="meetings-caption">
            <table>
              <caption id="meetings-caption" class="visually-hidden">
                {t("dialogue.meetingsCaption", { plan: plan.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("dialogue.col.date")}</th>
                  <th scope="col">{t("dialogue.col.meeting")}</th>
                  <th scope="col">{t("dialogue.col.organisations")}</th>
                  <th scope="col">{t("dialogue.col.areas")}</th>
                </tr>
              </thead>
              <tbody>
                {meetings.map(({ meeting, organisations, areaCount }) => (
                  <tr key={meeting.id}>
                    <td>{formatDate(meeting.heldOn, ctx.locale)}</td>
                    <th scope="row">
                      <a href={dialogueLinks.meeting(ws, plan.slug, meeting.id)}>{meeting.title}</a>
                    </th>
                    <td>{organisations.map((o) => o.name).join(", ")}</td>
                    <td>{areaCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="last-meetings">
        <h2 id="last-meetings">{t("dialogue.lastHeading")}</h2>
        <p>{t("dialogue.lastIntro", { cadence: cadenceText(ctx, plan.dialogueEveryMonths) })}</p>
        {lastMeetings.length === 0 ? (
          <p>{t("dialogue.lastNone")}</p>
        ) : (
          <>
            <p>{t("dialogue.lastDueCount", { count: due, total: lastMeetings.length })}</p>
            <TableWrap labelledBy="last-meetings-caption">
              <table>
                <caption id="last-meetings-caption" class="visually-hidden">
                  {t("dialogue.lastHeading")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("dialogue.col.organisation")}</th>
                    <th scope="col">{t("dialogue.col.last")}</th>
                    <th scope="col">{t("dialogue.col.next")}</th>
                  </tr>
                </thead>
                <tbody>
                  {lastMeetings.map((row) => (
                    <tr key={row.organisation.id} class={row.due ? "dialogue-due" : undefined}>
                      <th scope="row">{row.organisation.name}</th>
                      <td>
                        <LastMeeting ctx={ctx} last={row.last} due={row.due} />
                      </td>
                      <td>
                        {row.next ? (
                          formatDate(row.next, ctx.locale)
                        ) : mayManage && !row.organisation.archivedAt ? (
                          <a href={dialogueLinks.create(ws, plan.slug, row.organisation.slug)}>
                            {t("dialogue.planFor")}
                            <span class="visually-hidden"> {t("dialogue.planForWith", { name: row.organisation.name })}</span>
                          </a>
                        ) : (
                          <span class="muted">–</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </section>
    </Layout>
  );
}
