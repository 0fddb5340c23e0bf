// One follow-up status as a form: its names, colour (a colour picker; #rrggbb), what it counts as, and the phase an
// accepted report with it moves the activity to.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { describedBy, ErrorSummary, FieldMessages, PostForm, SelectField, TextField, type FieldErrors } from "../../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData } from "../../../components/form-choices.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import type { StatusValues } from "../../../../commands/support/plan-structure.ts";
import { ACTIVITY_PHASES, STATUS_MEANINGS } from "../../../../domain/plan-defaults.ts";
import { ConflictNotice, HiddenFields, pageTitle } from "./parts.tsx";
import { statusMeaningLabel } from "./statuses-page.tsx";

export const STATUS_FORM_ORDER = ["version", "name", "nameEn", "colour", "meaning", "phase", "confirmPersonalData"];
const COLOUR = /^#[0-9a-fA-F]{6}$/;

function ColourField(props: { ctx: PageContext; value: string; errors: FieldErrors }) {
  const error = props.errors.colour;
  const hint = props.ctx.t("ps.status.colourHint");
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for="colour">{props.ctx.t("ps.status.colour")}</label>
      <FieldMessages ctx={props.ctx} name="colour" hint={hint} error={error} />
      <input
        id="colour"
        name="colour"
        type="color"
        class="colour-input"
        value={COLOUR.test(props.value) ? props.value.toLowerCase() : "#000000"}
        aria-describedby={describedBy("colour", hint, error)}
        aria-invalid={error ? "true" : undefined}
      />
    </div>
  );
}

export interface StatusFormProps {
  ctx: PageContext;
  crumbs: Crumb[];
  title: string;
  action: string;
  back: string;
  version?: number;
  /** The key of an existing status, shown for reference. */
  statusKey?: string;
  values: StatusValues;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: StatusValues;
}

export function StatusFormPage(props: StatusFormProps) {
  const { ctx, values, errors } = props;
  const labels: Record<keyof StatusValues, MessageKey> = {
    name: "ps.status.name", nameEn: "ps.status.nameEn", colour: "ps.status.colour", meaning: "ps.status.meaning", phase: "ps.status.phase",
  };
  const shown = (name: keyof StatusValues, value: string) =>
    name === "meaning" ? statusMeaningLabel(ctx, value) : name === "phase" ? ctx.t(`phase.${value}` as MessageKey) : value;
  const theirs = props.theirs;
  const conflictRows = theirs
    ? (Object.keys(labels) as Array<keyof StatusValues>).filter((n) => theirs[n] !== values[n]).map((n) => ({ label: ctx.t(labels[n]), theirs: shown(n, theirs[n]) }))
    : [];
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, props.title, errors)} crumbs={props.crumbs}>
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={STATUS_FORM_ORDER} />
      {theirs && <ConflictNotice ctx={ctx} rows={conflictRows} />}
      {props.statusKey && <p class="muted">{ctx.t("ps.status.key", { key: props.statusKey })}</p>}
      <PostForm ctx={ctx} action={props.action} class="form" novalidate>
        <HiddenFields version={props.version} back={props.back} />
        <TextField ctx={ctx} name="name" label={ctx.t("ps.status.name")} hint={ctx.t("ps.status.nameHint")} value={values.name} errors={errors} required />
        <TextField ctx={ctx} name="nameEn" label={ctx.t("ps.status.nameEn")} value={values.nameEn} errors={errors} />
        <ColourField ctx={ctx} value={values.colour} errors={errors} />
        <ChoiceGroup
          ctx={ctx}
          name="meaning"
          type="radio"
          legend={ctx.t("ps.status.meaning")}
          hint={ctx.t("ps.status.meaningHint")}
          options={STATUS_MEANINGS.map((m) => ({ value: m, label: statusMeaningLabel(ctx, m) }))}
          values={[values.meaning]}
          errors={errors}
        />
        <SelectField
          ctx={ctx}
          name="phase"
          label={ctx.t("ps.status.phase")}
          options={ACTIVITY_PHASES.map((p) => ({ value: p, label: ctx.t(`phase.${p}` as MessageKey) }))}
          value={values.phase}
          errors={errors}
        />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <button type="submit" class="button">
          {ctx.t("form.save")}
        </button>{" "}
        <a href={props.back}>{ctx.t("form.cancel")}</a>
      </PostForm>
    </Layout>
  );
}
