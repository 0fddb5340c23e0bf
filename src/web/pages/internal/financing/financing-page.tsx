// One financing row of an activity: source, application, decision and amounts. On an existing row, a remove button.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, TextField, type FieldErrors } from "../../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import { DECISIONS, type FinancingFields } from "../../../../commands/support/financing-input.ts";
import { LineField } from "../activity-form-parts.tsx";

export interface FinancingPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  heading: string;
  action: string;
  version: number;
  back: string;
  values: FinancingFields;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: FinancingFields | undefined;
  /** An existing row: where its remove button posts. */
  removeAction?: string | undefined;
}

export const FINANCING_ERROR_ORDER = ["version", "source", "appliedOn", "amountApplied", "decision", "decidedOn", "amountGranted", "note", "confirmPersonalData"];

export function FinancingPage(props: FinancingPageProps) {
  const { ctx, errors, values } = props;
  const title = props.heading;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={FINANCING_ERROR_ORDER} />
      {props.theirs && <p class="notice">{ctx.t("conflict.explain")}</p>}
      <PostForm ctx={ctx} action={props.action} class="form" novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="tillbaka" value={props.back} />
        <LineField ctx={ctx} name="source" label={ctx.t("financing.form.source")} hint={ctx.t("financing.form.sourceHint")} value={values.source} errors={errors} theirs={props.theirs?.source} />
        <DateField ctx={ctx} name="appliedOn" label={ctx.t("financing.form.appliedOn")} hint={ctx.t("activity.form.dateHint")} value={values.appliedOn} errors={errors} />
        <TextField ctx={ctx} name="amountApplied" label={ctx.t("financing.form.amountApplied")} hint={ctx.t("financing.form.amountHint")} value={values.amountApplied} errors={errors} />
        <ChoiceGroup
          ctx={ctx} name="decision" type="radio" legend={ctx.t("financing.form.decision")} values={[values.decision]} errors={errors}
          options={DECISIONS.map((d) => ({ value: d, label: ctx.t(`financing.${d}` as MessageKey) }))}
        />
        <DateField ctx={ctx} name="decidedOn" label={ctx.t("financing.form.decidedOn")} hint={ctx.t("activity.form.dateHint")} value={values.decidedOn} errors={errors} />
        <TextField
          ctx={ctx} name="amountGranted" label={ctx.t("financing.form.amountGranted")} hint={ctx.t("financing.form.amountGrantedHint")} value={values.amountGranted}
          errors={errors}
        />
        <TextAreaField ctx={ctx} name="note" label={ctx.t("financing.form.note")} value={values.note} errors={errors} rows={3} theirs={props.theirs?.note} />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <div class="form-actions">
          <button type="submit" class="button">
            {ctx.t("financing.form.save")}
          </button>
          <a href={props.back}>{ctx.t("form.cancel")}</a>
        </div>
      </PostForm>
      {props.removeAction && (
        <PostForm ctx={ctx} action={props.removeAction} class="form-remove">
          <input type="hidden" name="version" value={String(props.version)} />
          <input type="hidden" name="tillbaka" value={props.back} />
          <button type="submit" class="button button--secondary">
            {ctx.t("financing.remove")}
          </button>
        </PostForm>
      )}
    </Layout>
  );
}
