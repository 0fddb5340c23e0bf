// A group meeting's details as a form (new, and the edit form on the meeting's page): title, date, start and end in
// Stockholm time, place, video link, agenda, and — for a meeting that is not one occurrence of a series — how it
// recurs. When it overlaps another of the group's meetings, the box to save it anyway.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, TextField, type FieldErrors } from "../../components/form.tsx";
import { ConfirmPersonalData, TextAreaField } from "../../components/form-choices.tsx";
import type { Workspace } from "../../../queries/plan-graph.ts";
import type { Group } from "../../../queries/groups.ts";
import type { MeetingFields } from "../../../commands/support/meeting-input.ts";
import { RECURRENCE_FIELD_ORDER, RecurrenceFields } from "./recurrence-fields.tsx";
import { yearLinks } from "./links.ts";

export const MEETING_FORM_ORDER = ["version", "title", "date", "startTime", "endTime", "confirmOverlap", "place", "videoUrl", ...RECURRENCE_FIELD_ORDER, "agenda", "confirmPersonalData"];

export function MeetingFormFields(props: { ctx: PageContext; values: MeetingFields; errors: FieldErrors; askConfirm: boolean; mayRecur: boolean }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  return (
    <>
      <TextField ctx={ctx} name="title" label={t("meeting.form.title")} value={values.title} errors={errors} />
      <div class="field-row">
        <DateField ctx={ctx} name="date" label={t("meeting.form.date")} hint={props.mayRecur ? t("meeting.form.dateHint") : undefined} value={values.date} errors={errors} />
        <TimeField ctx={ctx} name="startTime" label={t("meeting.form.startTime")} value={values.startTime} errors={errors} />
        <TimeField ctx={ctx} name="endTime" label={t("meeting.form.endTime")} value={values.endTime} errors={errors} />
      </div>
      {errors.confirmOverlap && (
        <div class="field field--error">
          <p class="field__error" id="confirmOverlap-error">
            {errors.confirmOverlap}
          </p>
          <input type="checkbox" id="confirmOverlap" name="confirmOverlap" value="1" aria-describedby="confirmOverlap-error" />{" "}
          <label for="confirmOverlap">{t("meeting.form.overlapCheckbox")}</label>
        </div>
      )}
      <TextField ctx={ctx} name="place" label={t("meeting.form.place")} hint={t("meeting.form.placeHint")} value={values.place} errors={errors} />
      <TextField ctx={ctx} name="videoUrl" label={t("meeting.form.videoUrl")} hint={t("meeting.form.videoUrlHint")} value={values.videoUrl} errors={errors} />
      {props.mayRecur && <RecurrenceFields ctx={ctx} value={values.recurrence} errors={errors} />}
      <TextAreaField ctx={ctx} name="agenda" label={t("meeting.form.agenda")} hint={t("meeting.form.agendaHint")} value={values.agenda} errors={errors} rows={6} />
      {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
    </>
  );
}

function TimeField(props: { ctx: PageContext; name: string; label: string; value: string; errors: FieldErrors }) {
  const error = props.errors[props.name];
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.name}>{props.label}</label>
      {error && (
        <p class="field__error" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t("form.errorPrefix")}</span> {error}
        </p>
      )}
      <input type="time" id={props.name} name={props.name} value={props.value} aria-describedby={error ? `${props.name}-error` : undefined} aria-invalid={error ? "true" : undefined} />
    </div>
  );
}

export interface NewMeetingPageProps {
  ctx: PageContext;
  workspace: Workspace;
  group: Group;
  values: MeetingFields;
  errors: FieldErrors;
  askConfirm: boolean;
}

export function NewMeetingPage(props: NewMeetingPageProps) {
  const { ctx, workspace, group, errors } = props;
  const { t } = ctx;
  const ws = workspace.slug;
  const title = t("meeting.newTitle");
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout
      ctx={ctx} title={hasErrors ? t("form.errorTitle", { title }) : title}
      crumbs={[{ label: workspace.name, href: `/#${ws}` }, { label: t("groups.title"), href: yearLinks.groups(ws) }, { label: group.name, href: yearLinks.group(ws, group.slug) }, { label: title }]}
    >
      <p class="eyebrow">{group.name}</p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={MEETING_FORM_ORDER} />
      <p>{t("meeting.newIntro")}</p>
      <PostForm ctx={ctx} action={yearLinks.newMeeting(ws, group.slug)} class="form form--wide" novalidate>
        <MeetingFormFields ctx={ctx} values={props.values} errors={errors} askConfirm={props.askConfirm} mayRecur />
        <div class="form-actions">
          <button type="submit" class="button">
            {t("meeting.create")}
          </button>{" "}
          <a href={yearLinks.group(ws, group.slug)}>{t("form.cancel")}</a>
        </div>
      </PostForm>
    </Layout>
  );
}
