// Action items as a list: what, whose, by when, from which meeting; a button to mark one done (or open again) for its
// owner and coordinators. Used on the group page, the meeting page and "Att göra".
import type { PageContext } from "../../context.ts";
import { PostForm } from "../../components/form.tsx";
import { formatDate, formatDateTime } from "../../i18n/index.ts";
import type { ActionItemView } from "../../../queries/groups.ts";
import { localDate } from "../../../domain/local-date.ts";
import { yearLinks } from "./links.ts";

export function ActionItemList(props: {
  ctx: PageContext;
  workspaceSlug: string;
  items: ActionItemView[];
  mayComplete: (item: ActionItemView) => boolean;
  /** Show the meeting each item came from (on lists that gather several meetings). */
  showMeeting: boolean;
  /** Where to come back to after marking. */
  back: string;
}) {
  const { ctx, items } = props;
  const { t } = ctx;
  const today = localDate();
  return (
    <ul class="action-items">
      {items.map((item) => (
        <li key={item.id} class={item.done ? "action-item action-item--done" : "action-item"} id={`atgard-${item.id}`}>
          <p class="action-item__text">
            {item.done && <span class="badge">{t("meeting.item.doneBadge")}</span>} {item.text}
          </p>
          <ul class="action-item__facts">
            <li>{t("meeting.item.owner", { name: item.owner?.name ?? t("meeting.item.noOwner") })}</li>
            {item.dueOn && (
              <li>
                {!item.done && item.dueOn < today ? <strong class="overdue-mark">{t("meeting.item.overdue", { date: formatDate(item.dueOn, ctx.locale) })}</strong> : t("meeting.item.due", { date: formatDate(item.dueOn, ctx.locale) })}
              </li>
            )}
            {props.showMeeting && (
              <li>
                <a href={yearLinks.meeting(props.workspaceSlug, item.group.slug, item.meeting.id)}>
                  {item.meeting.title === item.group.name
                    ? t("meeting.item.fromGroup", { meeting: item.meeting.title, date: formatDateTime(item.meeting.startsAt, ctx.locale, "medium") })
                    : t("meeting.item.from", { meeting: item.meeting.title, group: item.group.name, date: formatDateTime(item.meeting.startsAt, ctx.locale, "medium") })}
                </a>
              </li>
            )}
          </ul>
          {props.mayComplete(item) && (
            <PostForm ctx={ctx} action={yearLinks.itemDone(props.workspaceSlug, item.group.slug, item.meeting.id, item.id)} class="action-item__form">
              <input type="hidden" name="version" value={String(item.version)} />
              <input type="hidden" name="done" value={item.done ? "0" : "1"} />
              <input type="hidden" name="tillbaka" value={props.back} />
              <button type="submit" class="button button--secondary button--small">
                {item.done ? t("meeting.item.reopen") : t("meeting.item.markDone")}
                <span class="visually-hidden">: {item.text}</span>
              </button>
            </PostForm>
          )}
        </li>
      ))}
    </ul>
  );
}
