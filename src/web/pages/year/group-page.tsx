// One group: what it is, its members, its coming and past meetings, the action items still open, and the calendar
// feed to subscribe to (a secret address coordinators can renew). Coordinators change the group, add and remove
// members and plan meetings here.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { CopyField, ErrorSummary, PostForm, SelectField, TextField, type FieldErrors, type Option } from "../../components/form.tsx";
import { formatDateTime } from "../../i18n/index.ts";
import type { Workspace } from "../../../queries/plan-graph.ts";
import type { ActionItemView, Group, MeetingTime, MemberView } from "../../../queries/groups.ts";
import type { GroupFields } from "../../../commands/save-group.ts";
import type { MemberFields } from "../../../commands/group-member.ts";
import { localParts } from "../../../wheel/recurrence.ts";
import { ActionItemList } from "./action-item-list.tsx";
import { GroupFormFields } from "./groups-page.tsx";
import { yearLinks } from "./links.ts";
import { contentLang } from "../public/labels.ts";

export interface GroupPageProps {
  ctx: PageContext;
  workspace: Workspace;
  group: Group;
  members: MemberView[];
  coming: MeetingTime[];
  past: MeetingTime[];
  openItems: ActionItemView[];
  feedUrl: string | null;
  viewerId: string;
  manage: null | {
    values: GroupFields;
    version: number;
    member: MemberFields;
    personOptions: Option[];
    organisationOptions: Option[];
  };
  /** Which form failed: "group" or "member". */
  errorForm: "group" | "member" | null;
  errors: FieldErrors;
  askConfirm: boolean;
}

export function meetingTimeHref(ws: string, group: string, time: MeetingTime): string {
  if (!time.virtual) return yearLinks.meeting(ws, group, time.meeting.id);
  const local = localParts(time.start);
  return yearLinks.occurrence(ws, group, time.meeting.id, local.date, local.time);
}

function MeetingTable(props: { ctx: PageContext; ws: string; group: Group; times: MeetingTime[]; caption: string }) {
  const { ctx, times } = props;
  const { t } = ctx;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("meeting.col.when")}</th>
            <th scope="col">{t("meeting.col.meeting")}</th>
            <th scope="col">{t("meeting.col.place")}</th>
          </tr>
        </thead>
        <tbody>
          {times.map((time) => (
            <tr key={`${time.meeting.id}-${time.start.getTime()}`}>
              <td>{formatDateTime(time.start, ctx.locale, "medium")}</td>
              <td>
                <a href={meetingTimeHref(props.ws, props.group.slug, time)}>{time.meeting.title}</a>
                {time.meeting.rrule && <span class="muted"> · {t("meeting.recurringMark")}</span>}
                {time.cancelled && <span class="badge badge--cancelled">{t("meeting.cancelledBadge")}</span>}
              </td>
              <td>{time.meeting.place || (time.meeting.videoUrl ? t("meeting.videoOnly") : "–")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GroupPage(props: GroupPageProps) {
  const { ctx, workspace, group, manage, errors } = props;
  const { t } = ctx;
  const ws = workspace.slug;
  const here = yearLinks.group(ws, group.slug);
  const errorsOf = (form: "group" | "member") => (props.errorForm === form ? errors : {});
  const lang = contentLang(ctx, workspace);
  return (
    <Layout ctx={ctx} title={group.name} crumbs={[{ label: workspace.name, href: `/#${ws}` }, { label: t("groups.title"), href: yearLinks.groups(ws) }, { label: group.name }]}>
      <p class="eyebrow">{t(`groups.kind.${group.kind as "steering"}`)}</p>
      <h1 lang={lang}>{group.name}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {group.description && (
        <p class="lead" lang={lang}>
          {group.description}
        </p>
      )}
      {manage && (
        <p class="tools">
          <a class="button" href={yearLinks.newMeeting(ws, group.slug)}>
            {t("meeting.plan")}
          </a>
        </p>
      )}

      <section aria-labelledby="coming">
        <h2 id="coming">{t("groups.coming")}</h2>
        {props.coming.length ? <MeetingTable ctx={ctx} ws={ws} group={group} times={props.coming} caption={t("groups.coming")} /> : <p class="muted">{t("groups.noComing")}</p>}
      </section>

      <section aria-labelledby="open-items">
        <h2 id="open-items">{t("groups.openItems")}</h2>
        {props.openItems.length ? (
          <ActionItemList ctx={ctx} workspaceSlug={ws} items={props.openItems} showMeeting back={here} mayComplete={(item) => !!manage || item.owner?.id === props.viewerId} />
        ) : (
          <p class="muted">{t("groups.noOpenItems")}</p>
        )}
      </section>

      <section aria-labelledby="members">
        <h2 id="members">{t("groups.members")}</h2>
        {props.members.length === 0 ? (
          <p class="muted">{t("groups.noMembers")}</p>
        ) : (
          <ul class="member-list">
            {props.members.map((m) => (
              <li key={m.id}>
                {[m.roleTitle, m.person, m.organisation].filter(Boolean).join(", ")}
                {manage && (
                  <PostForm ctx={ctx} action={yearLinks.memberRemove(ws, group.slug, m.id)} class="inline-form">
                    <button type="submit" class="link-button">
                      {t("groups.member.remove")}
                      <span class="visually-hidden">: {[m.roleTitle, m.person, m.organisation].filter(Boolean).join(", ")}</span>
                    </button>
                  </PostForm>
                )}
              </li>
            ))}
          </ul>
        )}
        {manage && (
          <PostForm ctx={ctx} action={yearLinks.groupMembers(ws, group.slug)} class="form panel" novalidate>
            <h3>{t("groups.member.add")}</h3>
            <p class="muted">{t("groups.member.hint")}</p>
            <SelectField ctx={ctx} name="userId" label={t("groups.member.person")} emptyLabel={t("groups.member.noPerson")} options={manage.personOptions} value={manage.member.userId} errors={errorsOf("member")} />
            <SelectField ctx={ctx} name="organisationId" label={t("groups.member.organisation")} emptyLabel={t("groups.member.noOrganisation")} options={manage.organisationOptions} value={manage.member.organisationId} errors={errorsOf("member")} />
            <TextField ctx={ctx} name="roleTitle" label={t("groups.member.roleTitle")} hint={t("groups.member.roleTitleHint")} value={manage.member.roleTitle} errors={errorsOf("member")} />
            <div class="form-actions">
              <button type="submit" class="button button--secondary">
                {t("groups.member.submit")}
              </button>
            </div>
          </PostForm>
        )}
      </section>

      <section aria-labelledby="past">
        <h2 id="past">{t("groups.past")}</h2>
        {props.past.length ? <MeetingTable ctx={ctx} ws={ws} group={group} times={props.past} caption={t("groups.past")} /> : <p class="muted">{t("groups.noPast")}</p>}
      </section>

      <section aria-labelledby="calendar" class="panel">
        <h2 id="calendar">{t("groups.calendar")}</h2>
        <p>{t("groups.calendarIntro")}</p>
        {props.feedUrl && <CopyField name="feed" label={t("groups.calendarAddress")} value={props.feedUrl} hint={t("groups.calendarSecret")} />}
        {manage && (
          <PostForm ctx={ctx} action={yearLinks.renewFeed(ws, group.slug)}>
            <button type="submit" class="button button--secondary">
              {t("groups.calendarRenew")}
            </button>
          </PostForm>
        )}
      </section>

      {manage && (
        <section aria-labelledby="edit-group" class="panel">
          <h2 id="edit-group">{t("groups.edit")}</h2>
          <PostForm ctx={ctx} action={here} class="form" novalidate>
            <input type="hidden" name="version" value={String(manage.version)} />
            <GroupFormFields ctx={ctx} values={manage.values} errors={errorsOf("group")} askConfirm={props.errorForm === "group" && props.askConfirm} />
            <div class="form-actions">
              <button type="submit" class="button">
                {t("form.save")}
              </button>
            </div>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
