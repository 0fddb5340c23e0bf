// The plan's details as a form, for "Skapa en plan" (with its address) and "Planens uppgifter" (with publishing and
// the board split; the address is shown, not changed). After a conflict the other person's values are listed.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, SelectField, TextField, type FieldErrors, type Option } from "../../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import { ConflictNotice, HiddenFields, pageTitle } from "./parts.tsx";

export interface PlanFormValues {
  name: string;
  slug: string;
  periodStart: string;
  periodEnd: string;
  vision: string;
  introduction: string;
  adoptedBy: string;
  adoptedOn: string;
  coordinatingOrganisationId: string;
  followUpEveryMonths: string;
  dialogueEveryMonths: string;
  published: boolean;
  boardSplitTaxonomyId: string;
}

export const PLAN_FORM_ORDER = [
  "version", "name", "slug", "periodStart", "periodEnd", "vision", "introduction", "adoptedBy", "adoptedOn", "coordinatingOrganisationId",
  "followUpEveryMonths", "dialogueEveryMonths", "published", "boardSplitTaxonomyId", "confirmPersonalData",
];

const LABELS: Partial<Record<keyof PlanFormValues, MessageKey>> = {
  name: "ps.plan.name", periodStart: "ps.plan.periodStart", periodEnd: "ps.plan.periodEnd", vision: "ps.plan.vision",
  introduction: "ps.plan.introduction", adoptedBy: "ps.plan.adoptedBy", adoptedOn: "ps.plan.adoptedOn",
  coordinatingOrganisationId: "ps.plan.coordinatingOrganisation", followUpEveryMonths: "ps.plan.followUp", dialogueEveryMonths: "ps.plan.dialogue",
  published: "ps.plan.published", boardSplitTaxonomyId: "ps.plan.boardSplit",
};

export interface PlanFormProps {
  ctx: PageContext;
  mode: "new" | "details";
  title: string;
  crumbs: Crumb[];
  action: string;
  back: string;
  /** The plan's address, shown on the details form. */
  address?: string;
  version?: number;
  values: PlanFormValues;
  organisations: Option[];
  taxonomies: Option[];
  errors: FieldErrors;
  askConfirm: boolean;
  /** After a conflict: what the other person saved. */
  theirs?: PlanFormValues;
}

export function cadenceOptions(ctx: PageContext, which: "followUp" | "dialogue"): Option[] {
  const options = [
    { value: "12", label: ctx.t("plan.yearly") },
    { value: "24", label: ctx.t("plan.everyOtherYear") },
  ];
  return which === "followUp" ? options : [...options, { value: "36", label: ctx.t("ps.plan.everyThirdYear") }];
}

export function PlanFormPage(props: PlanFormProps) {
  const { ctx, values, errors } = props;
  const details = props.mode === "details";
  const shown = (name: keyof PlanFormValues, value: PlanFormValues[keyof PlanFormValues]): string => {
    if (typeof value === "boolean") return value ? ctx.t("admin.log.yes") : ctx.t("admin.log.no");
    if (name === "coordinatingOrganisationId") return props.organisations.find((o) => o.value === value)?.label ?? "";
    if (name === "boardSplitTaxonomyId") return props.taxonomies.find((o) => o.value === value)?.label ?? "";
    if (name === "followUpEveryMonths" || name === "dialogueEveryMonths") return cadenceOptions(ctx, "dialogue").find((o) => o.value === value)?.label ?? value;
    return value;
  };
  const theirs = props.theirs;
  const conflictRows = theirs
    ? (Object.keys(LABELS) as Array<keyof PlanFormValues>)
        .filter((name) => theirs[name] !== values[name])
        .map((name) => ({ label: ctx.t(LABELS[name]!), theirs: shown(name, theirs[name]) }))
    : [];
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, props.title, errors)} crumbs={props.crumbs}>
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={PLAN_FORM_ORDER} />
      {theirs && <ConflictNotice ctx={ctx} rows={conflictRows} />}
      {!details && <p class="lead">{ctx.t("ps.planNew.intro")}</p>}
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <HiddenFields version={props.version} back={props.back} />
        <TextField ctx={ctx} name="name" label={ctx.t("ps.plan.name")} hint={ctx.t("ps.plan.nameHint")} value={values.name} errors={errors} required />
        {details ? (
          <p>
            <strong>{ctx.t("ps.plan.address")}:</strong> <code>{props.address}</code>
          </p>
        ) : (
          <TextField ctx={ctx} name="slug" label={ctx.t("ps.plan.slug")} hint={ctx.t("ps.plan.slugHint")} value={values.slug} errors={errors} />
        )}
        <DateField ctx={ctx} name="periodStart" label={ctx.t("ps.plan.periodStart")} hint={ctx.t("ps.plan.dateHint")} value={values.periodStart} errors={errors} />
        <DateField ctx={ctx} name="periodEnd" label={ctx.t("ps.plan.periodEnd")} hint={ctx.t("ps.plan.dateHint")} value={values.periodEnd} errors={errors} />
        <TextAreaField ctx={ctx} name="vision" label={ctx.t("ps.optionalSuffix", { label: ctx.t("ps.plan.vision") })} hint={ctx.t("ps.plan.visionHint")} value={values.vision} errors={errors} rows={3} />
        <TextAreaField
          ctx={ctx}
          name="introduction"
          label={ctx.t("ps.optionalSuffix", { label: ctx.t("ps.plan.introduction") })}
          hint={ctx.t("form.markdownHint")}
          value={values.introduction}
          errors={errors}
          rows={8}
        />
        <TextField ctx={ctx} name="adoptedBy" label={ctx.t("ps.optionalSuffix", { label: ctx.t("ps.plan.adoptedBy") })} hint={ctx.t("ps.plan.adoptedByHint")} value={values.adoptedBy} errors={errors} />
        <DateField ctx={ctx} name="adoptedOn" label={ctx.t("ps.optionalSuffix", { label: ctx.t("ps.plan.adoptedOn") })} hint={ctx.t("ps.plan.dateHint")} value={values.adoptedOn} errors={errors} />
        <SelectField
          ctx={ctx}
          name="coordinatingOrganisationId"
          label={ctx.t("ps.optionalSuffix", { label: ctx.t("ps.plan.coordinatingOrganisation") })}
          hint={props.organisations.length === 0 ? ctx.t("ps.plan.noOrganisationsHint") : ctx.t("ps.plan.coordinatingOrganisationHint")}
          emptyLabel={ctx.t("ps.plan.noneChosen")}
          options={props.organisations}
          value={values.coordinatingOrganisationId}
          errors={errors}
        />
        <SelectField ctx={ctx} name="followUpEveryMonths" label={ctx.t("ps.plan.followUp")} options={cadenceOptions(ctx, "followUp")} value={values.followUpEveryMonths} errors={errors} />
        <SelectField ctx={ctx} name="dialogueEveryMonths" label={ctx.t("ps.plan.dialogue")} options={cadenceOptions(ctx, "dialogue")} value={values.dialogueEveryMonths} errors={errors} />
        {details && (
          <>
            <ChoiceGroup
              ctx={ctx}
              name="published"
              legend={ctx.t("ps.plan.published")}
              hint={ctx.t("ps.plan.publishedHint")}
              options={[{ value: "1", label: ctx.t("ps.plan.publishedLabel") }]}
              values={values.published ? ["1"] : []}
              errors={errors}
            />
            <SelectField
              ctx={ctx}
              name="boardSplitTaxonomyId"
              label={ctx.t("ps.plan.boardSplit")}
              hint={ctx.t("ps.plan.boardSplitHint")}
              emptyLabel={ctx.t("ps.plan.noSplit")}
              options={props.taxonomies}
              value={values.boardSplitTaxonomyId}
              errors={errors}
            />
          </>
        )}
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <button type="submit" class="button">
          {details ? ctx.t("form.save") : ctx.t("ps.planNew.submit")}
        </button>{" "}
        <a href={props.back}>{ctx.t("form.cancel")}</a>
      </PostForm>
    </Layout>
  );
}
