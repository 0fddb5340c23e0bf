// The fields of a dialogue meeting (new, and the edit form on the meeting's page) and the page that plans a new one.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, type FieldErrors, type Option } from "../../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import { formatDate } from "../../../i18n/index.ts";
import type { Plan, Workspace } from "../../../../queries/plan-graph.ts";
import type { DialogueMeetingFields } from "../../../../commands/support/dialogue-input.ts";
import { LineField } from "../activity-form-parts.tsx";
import { ConflictNotice } from "../plan-structure/parts.tsx";
import { dialogueCrumbs } from "./common.tsx";

export const MEETING_FORM_ORDER = ["version", "title", "heldOn", "organisationIds", "participants", "notes", "confirmPersonalData"];

export interface MeetingFieldsProps {
  ctx: PageContext;
  values: DialogueMeetingFields;
  errors: FieldErrors;
  askConfirm: boolean;
  organisationOptions: Option[];
}

export function MeetingFields(props: MeetingFieldsProps) {
  const { ctx, values, errors } = props;
  return (
    <>
      <LineField ctx={ctx} name="title" label={ctx.t("dialogue.form.title")} value={values.title} errors={errors} />
      <DateField ctx={ctx} name="heldOn" label={ctx.t("dialogue.form.heldOn")} hint={ctx.t("dialogue.form.heldOnHint")} value={values.heldOn} errors={errors} />
      <ChoiceGroup
        ctx={ctx} name="organisationIds" legend={ctx.t("dialogue.form.organisations")} hint={ctx.t("dialogue.form.organisationsHint")}
        options={props.organisationOptions} values={values.organisationIds} errors={errors}
      />
      <TextAreaField
        ctx={ctx} name="participants" label={ctx.t("dialogue.form.participants")} hint={ctx.t("dialogue.form.participantsHint")}
        value={values.participants} errors={errors} rows={3}
      />
      <TextAreaField ctx={ctx} name="notes" label={ctx.t("dialogue.form.notes")} hint={ctx.t("form.markdownHint")} value={values.notes} errors={errors} rows={8} />
      {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
    </>
  );
}

/** After a conflict: the fields the other person saved differently. */
export function MeetingConflict(props: { ctx: PageContext; mine: DialogueMeetingFields; theirs: DialogueMeetingFields; organisationOptions: Option[] }) {
  const { ctx, mine, theirs } = props;
  const names = (ids: readonly string[]) =>
    ids.map((id) => props.organisationOptions.find((o) => o.value === id)?.label ?? id).sort((a, b) => a.localeCompare(b, "sv")).join(", ");
  const rows = [
    { label: ctx.t("dialogue.form.title"), mine: mine.title, theirs: theirs.title },
    { label: ctx.t("dialogue.form.heldOn"), mine: mine.heldOn, theirs: theirs.heldOn, shown: formatDate(theirs.heldOn, ctx.locale) },
    { label: ctx.t("dialogue.form.organisations"), mine: names(mine.organisationIds), theirs: names(theirs.organisationIds) },
    { label: ctx.t("dialogue.form.participants"), mine: mine.participants, theirs: theirs.participants },
    { label: ctx.t("dialogue.form.notes"), mine: mine.notes, theirs: theirs.notes },
  ].filter((r) => r.mine.trim() !== r.theirs.trim());
  return <ConflictNotice ctx={ctx} rows={rows.map((r) => ({ label: r.label, theirs: r.shown ?? r.theirs }))} />;
}

export interface NewMeetingPageProps extends MeetingFieldsProps {
  workspace: Workspace;
  plan: Plan;
  action: string;
  back: string;
}

export function NewMeetingPage(props: NewMeetingPageProps) {
  const { ctx, workspace, plan, errors } = props;
  const title = ctx.t("dialogue.newTitle");
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={dialogueCrumbs(ctx, workspace, plan, title)}>
      <p class="eyebrow">{plan.name}</p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={MEETING_FORM_ORDER} />
      <p>{ctx.t("dialogue.newIntro")}</p>
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <input type="hidden" name="tillbaka" value={props.back} />
        <MeetingFields {...props} />
        <div class="form-actions">
          <button type="submit" class="button">
            {ctx.t("dialogue.form.create")}
          </button>
          <a href={props.back}>{ctx.t("form.cancel")}</a>
        </div>
      </PostForm>
    </Layout>
  );
}
