// Adopting an action plan: the date and the body that adopted it. Says which revision will be frozen.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, TextField, type FieldErrors } from "../../../components/form.tsx";
import { ConfirmPersonalData } from "../../../components/form-choices.tsx";
import type { ActionPlan, Organisation, Plan, Workspace } from "../../../../queries/plan-graph.ts";
import type { Adoption } from "../../../../commands/adopt-action-plan.ts";
import { actionPlanCrumbs, stateText } from "./common.tsx";

export interface AdoptPageProps {
  ctx: PageContext;
  workspace: Workspace;
  plan: Plan;
  organisation: Organisation;
  actionPlan: ActionPlan;
  action: string;
  back: string;
  version: number;
  values: Adoption;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: Adoption;
}

export function AdoptPage(props: AdoptPageProps) {
  const { ctx, workspace, plan, organisation, actionPlan, values, errors } = props;
  const { t } = ctx;
  const again = actionPlan.state === "adopted";
  const title = again ? t("actionPlans.adoptAgainTitle", { title: actionPlan.title }) : t("actionPlans.adoptTitle", { title: actionPlan.title });
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? t("form.errorTitle", { title }) : title} crumbs={actionPlanCrumbs(ctx, workspace, plan, organisation, t("actionPlans.adoptCrumb"))}>
      <p class="eyebrow">{organisation.name}</p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["version", "adoptedOn", "adoptedBy", "confirmPersonalData"]} />
      {props.theirs && <p class="notice">{t("actionPlans.adoptConflict", { state: stateText(ctx, { state: "adopted", ...props.theirs }) })}</p>}
      <p>{again ? t("actionPlans.adoptAgainExplain", { state: stateText(ctx, actionPlan), n: actionPlan.revision + 1 }) : t("actionPlans.adoptExplain")}</p>
      <PostForm ctx={ctx} action={props.action} class="form" novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="tillbaka" value={props.back} />
        <DateField ctx={ctx} name="adoptedOn" label={t("actionPlans.adoptedOnLabel")} hint={t("actionPlans.adoptedOnHint")} value={values.adoptedOn} errors={errors} />
        <TextField ctx={ctx} name="adoptedBy" label={t("actionPlans.adoptedByLabel")} hint={t("actionPlans.adoptedByHint")} value={values.adoptedBy} errors={errors} required />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <p class="form-actions">
          <button type="submit" class="button">
            {t("actionPlans.adoptSubmit")}
          </button>{" "}
          <a href={props.back}>{t("form.cancel")}</a>
        </p>
      </PostForm>
    </Layout>
  );
}
