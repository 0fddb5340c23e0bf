// Opening a round (name, period, deadline, organisations in scope) and changing its settings later (deadline,
// reminders, approval, what is asked): one form, the opening fields only when opening.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, TextField, type FieldErrors } from "../../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import { APPROVAL_MODES, ASKS } from "../../../../commands/support/round-settings.ts";

export interface RoundFormValues {
  name: string;
  slug: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  organisationIds: string[];
  reminderOffsets: string;
  approvalMode: string;
  requireDifferentApprover: boolean;
  asks: string[];
  /** Shown on the settings page only: the introduction to the compiled report. */
  introduction?: string;
}

export interface RoundFormPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  heading: string;
  action: string;
  back: string;
  /** Opening: the organisations to choose from; settings: undefined. */
  organisations?: Array<{ id: string; name: string }>;
  values: RoundFormValues;
  version: number;
  errors: FieldErrors;
  askConfirm: boolean;
}

export const ROUND_FORM_ORDER = [
  "version", "name", "slug", "periodStart", "periodEnd", "deadline", "organisationIds", "introduction", "reminderOffsets", "approvalMode", "asks", "confirmPersonalData",
];

export function RoundFormPage(props: RoundFormPageProps) {
  const { ctx, values, errors } = props;
  const opening = props.organisations !== undefined;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title: props.heading }) : props.heading} crumbs={props.crumbs}>
      <h1>{props.heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={ROUND_FORM_ORDER} />
      <PostForm ctx={ctx} action={props.action} class="form" novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="tillbaka" value={props.back} />
        <TextField ctx={ctx} name="name" label={ctx.t("roundForm.name")} hint={ctx.t("roundForm.nameHint")} value={values.name} errors={errors} />
        {opening && (
          <>
            <TextField ctx={ctx} name="slug" label={ctx.t("roundForm.slug")} hint={ctx.t("roundForm.slugHint")} value={values.slug} errors={errors} />
            <DateField ctx={ctx} name="periodStart" label={ctx.t("roundForm.periodStart")} value={values.periodStart} errors={errors} />
            <DateField ctx={ctx} name="periodEnd" label={ctx.t("roundForm.periodEnd")} value={values.periodEnd} errors={errors} />
          </>
        )}
        <DateField ctx={ctx} name="deadline" label={ctx.t("roundForm.deadline")} hint={ctx.t("roundForm.deadlineHint")} value={values.deadline} errors={errors} />
        {props.organisations && (
          <ChoiceGroup
            ctx={ctx} name="organisationIds" legend={ctx.t("roundForm.organisations")} hint={ctx.t("roundForm.organisationsHint")}
            values={values.organisationIds} errors={errors} options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        {!opening && (
          <TextAreaField
            ctx={ctx} name="introduction" label={ctx.t("roundForm.introduction")} hint={ctx.t("roundForm.introductionHint")} value={values.introduction ?? ""}
            errors={errors} rows={8}
          />
        )}
        <TextField
          ctx={ctx} name="reminderOffsets" label={ctx.t("roundForm.reminders")} hint={ctx.t("roundForm.remindersHint")} value={values.reminderOffsets} errors={errors}
        />
        <ChoiceGroup
          ctx={ctx} name="approvalMode" type="radio" legend={ctx.t("roundForm.approvalMode")} values={[values.approvalMode]} errors={errors}
          options={APPROVAL_MODES.map((m) => ({ value: m, label: ctx.t(`roundForm.approval.${m}` as MessageKey) }))}
        />
        <ChoiceGroup
          ctx={ctx} name="requireDifferentApprover" id="requireDifferentApprover" legend={ctx.t("roundForm.differentApproverLegend")}
          values={values.requireDifferentApprover ? ["1"] : []} errors={errors} options={[{ value: "1", label: ctx.t("roundForm.differentApprover") }]}
        />
        <ChoiceGroup
          ctx={ctx} name="asks" legend={ctx.t("roundForm.asks")} values={values.asks} errors={errors}
          options={ASKS.map((a) => ({ value: a, label: ctx.t(`roundForm.ask.${a}` as MessageKey) }))}
        />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <div class="form-actions">
          <button type="submit" class="button">
            {opening ? ctx.t("roundForm.open") : ctx.t("form.save")}
          </button>
          <a href={props.back}>{ctx.t("form.cancel")}</a>
        </div>
      </PostForm>
    </Layout>
  );
}
