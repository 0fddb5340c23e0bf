// Starting or editing an action plan: (when starting) the organisation, then title, its own period, introduction,
// how it was made, and its steering group and anchoring. After a conflict each text shows what the other person saved.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, SelectField, TextField, type FieldErrors, type Option } from "../../../components/form.tsx";
import { ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import { formatDate } from "../../../i18n/index.ts";
import type { ActionPlan, Organisation, Plan, Workspace } from "../../../../queries/plan-graph.ts";
import type { ActionPlanTexts } from "../../../../commands/support/action-plan-fields.ts";
import { actionPlanCrumbs } from "./common.tsx";

export interface ActionPlanFormValues extends ActionPlanTexts {
  organisationId: string;
}

export interface ActionPlanFormProps {
  ctx: PageContext;
  workspace: Workspace;
  plan: Plan;
  /** When editing: the action plan and its organisation. */
  editing?: { actionPlan: ActionPlan; organisation: Organisation };
  /** When starting one: the organisations the viewer may start an action plan for. */
  choices?: Organisation[];
  action: string;
  back: string;
  version: number;
  values: ActionPlanFormValues;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: ActionPlanTexts;
}

export const ACTION_PLAN_FORM_ORDER = ["version", "organisationId", "title", "periodStart", "periodEnd", "introduction", "howMade", "steeringGroup", "confirmPersonalData"];

export function ActionPlanFormPage(props: ActionPlanFormProps) {
  const { ctx, workspace, plan, editing, values, errors, theirs } = props;
  const { t } = ctx;
  const title = editing ? t("actionPlans.editTitle", { title: editing.actionPlan.title }) : t("actionPlans.createTitle");
  const hasErrors = Object.keys(errors).length > 0;
  const options: Option[] = (props.choices ?? []).map((o) => ({ value: o.id, label: o.name }));
  const crumbs = editing
    ? actionPlanCrumbs(ctx, workspace, plan, editing.organisation, t("actionPlans.editCrumb"))
    : actionPlanCrumbs(ctx, workspace, plan, undefined, t("actionPlans.createCrumb"));
  const periodHint = t("actionPlans.periodHint", { from: formatDate(plan.periodStart, ctx.locale), to: formatDate(plan.periodEnd, ctx.locale) });
  const noChoice = !editing && options.length === 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? t("form.errorTitle", { title }) : title} crumbs={crumbs}>
      {editing && <p class="eyebrow">{editing.organisation.name}</p>}
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={ACTION_PLAN_FORM_ORDER} />
      {theirs && <p class="notice">{t("conflict.explain")}</p>}
      {editing?.actionPlan.state === "adopted" && <p class="notice">{t("actionPlans.editAdoptedNotice", { n: editing.actionPlan.revision + 1 })}</p>}
      {noChoice ? (
        <p>{t("actionPlans.nothingToCreate")}</p>
      ) : (
        <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
          <input type="hidden" name="version" value={String(props.version)} />
          <input type="hidden" name="tillbaka" value={props.back} />
          {!editing && (
            <SelectField ctx={ctx} name="organisationId" label={t("actionPlans.organisation")} hint={t("actionPlans.organisationHint")} options={options} emptyLabel={t("actionPlans.organisationChoose")} value={values.organisationId} errors={errors} required />
          )}
          <TextField ctx={ctx} name="title" label={t("actionPlans.titleLabel")} hint={editing ? undefined : t("actionPlans.titleHint")} value={values.title} errors={errors} required={!!editing} />
          {theirs && theirs.title !== values.title && <p class="conflict-theirs">{t("conflict.theirs")} {theirs.title}</p>}
          <DateField ctx={ctx} name="periodStart" label={t("actionPlans.periodStart")} hint={periodHint} value={values.periodStart} errors={errors} />
          <DateField ctx={ctx} name="periodEnd" label={t("actionPlans.periodEnd")} value={values.periodEnd} errors={errors} />
          {theirs && (theirs.periodStart !== values.periodStart || theirs.periodEnd !== values.periodEnd) && (
            <p class="conflict-theirs">
              {t("conflict.theirs")} {t("date.range", { from: theirs.periodStart, to: theirs.periodEnd })}
            </p>
          )}
          <TextAreaField ctx={ctx} name="introduction" label={t("org.introduction")} hint={t("form.markdownHint")} value={values.introduction} errors={errors} rows={8} theirs={theirs?.introduction} />
          <TextAreaField ctx={ctx} name="howMade" label={t("org.howMade")} hint={t("form.markdownHint")} value={values.howMade} errors={errors} rows={6} theirs={theirs?.howMade} />
          <TextAreaField ctx={ctx} name="steeringGroup" label={t("actionPlans.steeringGroup")} hint={t("actionPlans.steeringGroupHint")} value={values.steeringGroup} errors={errors} rows={4} theirs={theirs?.steeringGroup} />
          {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
          <p class="form-actions">
            <button type="submit" class="button">
              {editing ? t("form.save") : t("actionPlans.createSubmit")}
            </button>{" "}
            <a href={props.back}>{t("form.cancel")}</a>
          </p>
        </PostForm>
      )}
    </Layout>
  );
}
