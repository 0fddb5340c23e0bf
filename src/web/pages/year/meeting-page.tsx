// One meeting of a group: when and where (with the video link), the agenda, and — for a single meeting or one kept
// occurrence of a series — the minutes, decisions and action items. A series shows how it recurs and its coming
// occurrences; an occurrence not yet kept offers to open it for minutes. Coordinators edit everything here; the
// minutes download as Word and the meeting as a calendar file.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, SelectField, TextField, type FieldErrors, type Option } from "../../components/form.tsx";
import { ConfirmPersonalData, TextAreaField } from "../../components/form-choices.tsx";
import { Paragraphs } from "../../components/text.tsx";
import { formatDateTime } from "../../i18n/index.ts";
import type { Workspace } from "../../../queries/plan-graph.ts";
import type { ActionItemView, Group, Meeting, MeetingTime } from "../../../queries/groups.ts";
import type { MeetingFields } from "../../../commands/support/meeting-input.ts";
import type { MinutesFields } from "../../../commands/save-minutes.ts";
import type { ActionItemFields } from "../../../commands/add-action-item.ts";
import { localParts } from "../../../wheel/recurrence.ts";
import { ActionItemList } from "./action-item-list.tsx";
import { meetingTimeHref } from "./group-page.tsx";
import { MEETING_FORM_ORDER, MeetingFormFields } from "./meeting-form.tsx";
import { yearLinks } from "./links.ts";
import { contentLang } from "../public/labels.ts";

export interface MeetingPageProps {
  ctx: PageContext;
  workspace: Workspace;
  group: Group;
  meeting: Meeting;
  /** The time shown: the meeting's own, or the occurrence of a series asked for. */
  start: Date;
  end: Date;
  /** An occurrence of a series that has no row of its own yet. */
  virtual: boolean;
  series: Meeting | null;
  recurrenceText: string;
  coming: MeetingTime[];
  items: ActionItemView[];
  viewerId: string;
  manage: null | {
    values: MeetingFields;
    version: number;
    minutes: MinutesFields;
    item: ActionItemFields;
    personOptions: Option[];
  };
  errorForm: "details" | "minutes" | "item" | null;
  errors: FieldErrors;
  askConfirm: boolean;
}

function whenText(ctx: PageContext, start: Date, end: Date): string {
  return `${formatDateTime(start, ctx.locale)}–${localParts(end).time}`;
}

export function MeetingPage(props: MeetingPageProps) {
  const { ctx, workspace, group, meeting, manage, errors } = props;
  const { t } = ctx;
  const ws = workspace.slug;
  const isSeries = !!meeting.rrule && !props.virtual;
  const hasMinutes = !meeting.rrule;
  const errorsOf = (form: MeetingPageProps["errorForm"]) => (props.errorForm === form ? errors : {});
  const here = props.virtual ? yearLinks.occurrence(ws, group.slug, meeting.id, localParts(props.start).date, localParts(props.start).time) : yearLinks.meeting(ws, group.slug, meeting.id);
  return (
    <Layout
      ctx={ctx} title={`${meeting.title}, ${formatDateTime(props.start, ctx.locale, "medium")}`}
      crumbs={[{ label: workspace.name, href: `/#${ws}` }, { label: t("groups.title"), href: yearLinks.groups(ws) }, { label: group.name, href: yearLinks.group(ws, group.slug) }, { label: meeting.title }]}
    >
      <p class="eyebrow">{group.name}</p>
      <h1 lang={contentLang(ctx, workspace)}>{meeting.title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={[...MEETING_FORM_ORDER, "minutes", "decisions", "itemText", "ownerUserId", "dueOn"]} />
      {(meeting.cancelledAt || props.series?.cancelledAt) && (
        <p class="notice notice--cancelled">{isSeries || props.series?.cancelledAt ? t("meeting.seriesCancelledNotice") : t("meeting.cancelledNotice")}</p>
      )}
      <dl class="facts">
        <div>
          <dt>{t("meeting.when")}</dt>
          <dd>{whenText(ctx, props.start, props.end)}</dd>
        </div>
        {meeting.place && (
          <div>
            <dt>{t("meeting.place")}</dt>
            <dd>{meeting.place}</dd>
          </div>
        )}
        {meeting.videoUrl && (
          <div>
            <dt>{t("meeting.video")}</dt>
            <dd>
              <a href={meeting.videoUrl} rel="noopener noreferrer">
                {t("meeting.videoLink")}
              </a>
            </dd>
          </div>
        )}
        {(meeting.rrule || props.series) && (
          <div>
            <dt>{t("meeting.recurs")}</dt>
            <dd>
              {props.recurrenceText}
              {props.series && (
                <>
                  {" "}
                  (<a href={yearLinks.meeting(ws, group.slug, props.series.id)}>{t("meeting.seriesLink")}</a>)
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      <p class="tools">
        <a href={yearLinks.meetingIcs(ws, group.slug, meeting.id)}>{t("meeting.downloadIcs")}</a>
        {hasMinutes && (
          <>
            {" "}
            <a href={yearLinks.minutesDocx(ws, group.slug, meeting.id)}>{t("meeting.downloadMinutes")}</a>
          </>
        )}
      </p>

      {props.virtual && manage && (
        <PostForm ctx={ctx} action={here} class="panel">
          <p>{t("meeting.openOccurrenceIntro")}</p>
          <button type="submit" class="button">
            {t("meeting.openOccurrence")}
          </button>
        </PostForm>
      )}

      <section aria-labelledby="mote-dagordning">
        <h2 id="mote-dagordning">{t("meeting.agenda")}</h2>
        {meeting.agenda ? <Paragraphs text={meeting.agenda} /> : <p class="muted">{t("meeting.noAgenda")}</p>}
      </section>

      {isSeries && (
        <section aria-labelledby="mote-tillfallen">
          <h2 id="mote-tillfallen">{t("meeting.occurrences")}</h2>
          <p class="muted">{t("meeting.occurrencesIntro")}</p>
          <ul>
            {props.coming.map((time) => (
              <li key={time.start.getTime()}>
                <a href={meetingTimeHref(ws, group.slug, time)}>{formatDateTime(time.start, ctx.locale)}</a>
                {!time.virtual && !time.cancelled && <span class="muted"> · {t("meeting.kept")}</span>}
                {time.cancelled && <span class="badge badge--cancelled">{t("meeting.cancelledBadge")}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {hasMinutes && (
        <>
          <section aria-labelledby="mote-anteckningar">
            <h2 id="mote-anteckningar">{t("meeting.minutes")}</h2>
            {!manage && (meeting.minutes ? <Paragraphs text={meeting.minutes} /> : <p class="muted">{t("meeting.noMinutes")}</p>)}
            {!manage && meeting.decisions && (
              <>
                <h3>{t("meeting.decisions")}</h3>
                <Paragraphs text={meeting.decisions} />
              </>
            )}
            {manage && (
              <PostForm ctx={ctx} action={yearLinks.minutes(ws, group.slug, meeting.id)} class="form form--wide" novalidate>
                <input type="hidden" name="version" value={String(manage.version)} />
                <TextAreaField ctx={ctx} name="minutes" label={t("meeting.minutesField")} hint={t("meeting.minutesHint")} value={manage.minutes.minutes} errors={errorsOf("minutes")} rows={10} />
                <TextAreaField ctx={ctx} name="decisions" label={t("meeting.decisions")} value={manage.minutes.decisions} errors={errorsOf("minutes")} rows={5} />
                {props.errorForm === "minutes" && props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
                <div class="form-actions">
                  <button type="submit" class="button">
                    {t("meeting.saveMinutes")}
                  </button>
                </div>
              </PostForm>
            )}
          </section>

          <section aria-labelledby="mote-atgarder">
            <h2 id="mote-atgarder">{t("meeting.items")}</h2>
            {props.items.length ? (
              <ActionItemList ctx={ctx} workspaceSlug={ws} items={props.items} showMeeting={false} back={here} mayComplete={(item) => !!manage || item.owner?.id === props.viewerId} />
            ) : (
              <p class="muted">{t("meeting.noItems")}</p>
            )}
            {manage && (
              <PostForm ctx={ctx} action={yearLinks.items(ws, group.slug, meeting.id)} class="form panel" novalidate>
                <h3>{t("meeting.item.add")}</h3>
                <TextField ctx={ctx} name="itemText" label={t("meeting.item.text")} value={manage.item.text} errors={errorsOf("item")} />
                <SelectField ctx={ctx} name="ownerUserId" label={t("meeting.item.ownerField")} emptyLabel={t("year.choose")} options={manage.personOptions} value={manage.item.ownerUserId} errors={errorsOf("item")} />
                <DateField ctx={ctx} name="dueOn" label={t("meeting.item.dueField")} value={manage.item.dueOn} errors={errorsOf("item")} />
                {props.errorForm === "item" && props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
                <div class="form-actions">
                  <button type="submit" class="button button--secondary">
                    {t("meeting.item.submit")}
                  </button>
                </div>
              </PostForm>
            )}
          </section>
        </>
      )}

      {manage && !props.virtual && (
        <PostForm ctx={ctx} action={yearLinks.cancel(ws, group.slug, meeting.id)} class="panel">
          <input type="hidden" name="version" value={String(manage.version)} />
          <input type="hidden" name="cancel" value={meeting.cancelledAt ? "0" : "1"} />
          <p>{meeting.cancelledAt ? t("meeting.reinstateIntro") : isSeries ? t("meeting.cancelSeriesIntro") : t("meeting.cancelIntro")}</p>
          <button type="submit" class="button button--secondary">
            {meeting.cancelledAt ? t("meeting.reinstate") : isSeries ? t("meeting.cancelSeries") : t("meeting.cancel")}
          </button>
        </PostForm>
      )}

      {manage && !props.virtual && (
        <section aria-labelledby="mote-andra" class="panel">
          <h2 id="mote-andra">{isSeries ? t("meeting.editSeries") : t("meeting.edit")}</h2>
          <PostForm ctx={ctx} action={yearLinks.meeting(ws, group.slug, meeting.id)} class="form form--wide" novalidate>
            <input type="hidden" name="version" value={String(manage.version)} />
            <MeetingFormFields ctx={ctx} values={manage.values} errors={errorsOf("details")} askConfirm={props.errorForm === "details" && props.askConfirm} mayRecur={!meeting.seriesId} />
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
