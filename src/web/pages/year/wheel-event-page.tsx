// An event of the annual wheel, new or to change: title, category, a date (and a last day) or only a month, how it
// recurs, a description; for an existing one also taking it off the wheel and downloading it for a calendar.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, SelectField, TextField, type FieldErrors, type Option } from "../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData, TextAreaField } from "../../components/form-choices.tsx";
import type { Workspace } from "../../../queries/plan-graph.ts";
import type { WheelEventFields } from "../../../commands/save-wheel-event.ts";
import { RECURRENCE_FIELD_ORDER, RecurrenceFields } from "./recurrence-fields.tsx";
import { MONTH_KEYS } from "./wheel-common.tsx";
import { yearLinks } from "./links.ts";

const ORDER = ["version", "title", "categoryId", "when", "startsOn", "endsOn", "month", ...RECURRENCE_FIELD_ORDER, "description", "confirmPersonalData"];

export interface WheelEventPageProps {
  ctx: PageContext;
  workspace: Workspace;
  /** Absent: a new event. */
  eventId: string | null;
  /** The saved event as a calendar file; null for a new event or one with only a month (it has no day). */
  icsHref: string | null;
  version: number;
  values: WheelEventFields;
  categoryOptions: Option[];
  errors: FieldErrors;
  askConfirm: boolean;
}

export function WheelEventPage(props: WheelEventPageProps) {
  const { ctx, workspace, values, errors, eventId } = props;
  const { t } = ctx;
  const ws = workspace.slug;
  const title = eventId ? t("wheel.event.editTitle") : t("wheel.event.newTitle");
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? t("form.errorTitle", { title }) : title} crumbs={[{ label: workspace.name, href: `/#${ws}` }, { label: t("wheel.titleShort"), href: yearLinks.list(ws) }, { label: title }]}>
      <p class="eyebrow">{workspace.name}</p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={ORDER} />
      <p>{t("wheel.event.intro")}</p>
      <PostForm ctx={ctx} action={eventId ? yearLinks.event(ws, eventId) : yearLinks.newEvent(ws)} class="form form--wide" novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        {errors.version && <p class="field__error" id="version">{errors.version}</p>}
        <TextField ctx={ctx} name="title" label={t("wheel.event.title")} value={values.title} errors={errors} />
        <SelectField ctx={ctx} name="categoryId" label={t("wheel.event.category")} options={props.categoryOptions} emptyLabel={t("year.choose")} value={values.categoryId} errors={errors} />
        <ChoiceGroup
          ctx={ctx} name="when" type="radio" legend={t("wheel.event.when")} values={[values.when]} errors={errors}
          options={[{ value: "date", label: t("wheel.event.whenDate") }, { value: "month", label: t("wheel.event.whenMonth") }]}
        />
        <DateField ctx={ctx} name="startsOn" label={t("wheel.event.startsOn")} hint={t("wheel.event.startsOnHint")} value={values.startsOn} errors={errors} />
        <DateField ctx={ctx} name="endsOn" label={t("wheel.event.endsOn")} hint={t("wheel.event.endsOnHint")} value={values.endsOn} errors={errors} />
        <SelectField
          ctx={ctx} name="month" label={t("wheel.event.month")} hint={t("wheel.event.monthHint")} emptyLabel={t("year.choose")} value={values.month} errors={errors}
          options={MONTH_KEYS.map((key, index) => ({ value: String(index + 1), label: t(`month.${key}`) }))}
        />
        <RecurrenceFields ctx={ctx} value={values.recurrence} errors={errors} />
        <TextAreaField ctx={ctx} name="description" label={t("wheel.event.description")} value={values.description} errors={errors} rows={4} />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <div class="form-actions">
          <button type="submit" class="button">
            {eventId ? t("form.save") : t("wheel.event.create")}
          </button>{" "}
          <a href={yearLinks.list(ws)}>{t("form.cancel")}</a>
        </div>
      </PostForm>
      {eventId && (
        <section aria-labelledby="event-more" class="panel">
          <h2 id="event-more">{t("wheel.event.more")}</h2>
          {props.icsHref && (
            <p>
              <a href={props.icsHref}>{t("wheel.event.downloadIcs")}</a>
            </p>
          )}
          <PostForm ctx={ctx} action={yearLinks.eventArchive(ws, eventId)}>
            <button type="submit" class="button button--secondary">
              {t("wheel.event.archive")}
            </button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
