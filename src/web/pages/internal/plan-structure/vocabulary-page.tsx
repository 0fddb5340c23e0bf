// "Ord och numrering": what the plan calls a goal and a measure (singular, plural; Swedish, optionally English), how
// measures are numbered (with an example such as "Åtgärd 2:3"), and the words around strategies and prerequisites.
import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, TextField, type FieldErrors } from "../../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData } from "../../../components/form-choices.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import type { VocabularyValues } from "../../../../commands/update-plan-vocabulary.ts";
import { numberingExample } from "../../../../domain/numbering-pattern.ts";
import type { PlanVocabulary } from "../../../../domain/vocabulary.ts";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import { ConflictNotice, HiddenFields, pageTitle } from "./parts.tsx";

export const VOCABULARY_FORM_ORDER = [
  "version", "goalOne", "goalOther", "goalOneEn", "goalOtherEn", "measureOne", "measureOther", "measureOneEn", "measureOtherEn",
  "numbering", "numberingOther", "strategyIntro", "strategyIntroEn", "prerequisites", "prerequisitesEn", "confirmPersonalData",
];

const LABELS: Record<keyof VocabularyValues, MessageKey> = {
  goalOne: "admin.log.field.vocabulary.goal.sv.one", goalOther: "admin.log.field.vocabulary.goal.sv.other",
  goalOneEn: "admin.log.field.vocabulary.goal.en.one", goalOtherEn: "admin.log.field.vocabulary.goal.en.other",
  measureOne: "admin.log.field.vocabulary.measure.sv.one", measureOther: "admin.log.field.vocabulary.measure.sv.other",
  measureOneEn: "admin.log.field.vocabulary.measure.en.one", measureOtherEn: "admin.log.field.vocabulary.measure.en.other",
  numbering: "admin.log.field.vocabulary.numbering", numberingOther: "ps.vocab.numberingOther",
  strategyIntro: "admin.log.field.vocabulary.strategyIntro.sv", strategyIntroEn: "admin.log.field.vocabulary.strategyIntro.en",
  prerequisites: "admin.log.field.vocabulary.prerequisites.sv", prerequisitesEn: "admin.log.field.vocabulary.prerequisites.en",
};

function Group(props: { id: string; legend: string; hint: string; children: ComponentChildren }) {
  return (
    <fieldset class="field-group" aria-describedby={`${props.id}-hint`}>
      <legend>{props.legend}</legend>
      <p class="field__hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      {props.children}
    </fieldset>
  );
}

export interface VocabularyPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  action: string;
  back: string;
  version: number;
  /** The words saved now (for the example of the numbering). */
  saved: PlanVocabulary;
  values: VocabularyValues;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: VocabularyValues;
}

export function VocabularyPage(props: VocabularyPageProps) {
  const { ctx, values, errors } = props;
  const title = ctx.t("ps.vocab.title");
  const measure = vocabularyLabel(props.saved, "measure", ctx.locale);
  const example = numberingExample(props.saved.numbering);
  const like = (pattern: string) => `${measure} ${numberingExample(pattern)}`;
  const text = (name: keyof VocabularyValues, label: string, hint?: string) => (
    <TextField ctx={ctx} name={name} label={label} hint={hint} value={values[name]} errors={errors} />
  );
  const theirs = props.theirs;
  const conflictRows = theirs
    ? (Object.keys(LABELS) as Array<keyof VocabularyValues>).filter((n) => theirs[n] !== values[n]).map((n) => ({ label: ctx.t(LABELS[n]), theirs: theirs[n] }))
    : [];
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={VOCABULARY_FORM_ORDER} />
      {theirs && <ConflictNotice ctx={ctx} rows={conflictRows} />}
      <p class="lead">{ctx.t("ps.vocab.intro")}</p>
      <p class="notice" id="numbering-now">
        {example ? ctx.t("ps.vocab.current", { example: `${measure} ${example}` }) : ctx.t("ps.vocab.currentFree")}
      </p>
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <HiddenFields version={props.version} back={props.back} />
        <Group id="goal-words" legend={ctx.t("ps.vocab.goalLegend")} hint={ctx.t("ps.vocab.goalHint")}>
          {text("goalOne", ctx.t("ps.vocab.one"))}
          {text("goalOther", ctx.t("ps.vocab.other"))}
          {text("goalOneEn", ctx.t("ps.vocab.oneEn"))}
          {text("goalOtherEn", ctx.t("ps.vocab.otherEn"))}
        </Group>
        <Group id="measure-words" legend={ctx.t("ps.vocab.measureLegend")} hint={ctx.t("ps.vocab.measureHint")}>
          {text("measureOne", ctx.t("ps.vocab.one"))}
          {text("measureOther", ctx.t("ps.vocab.other"))}
          {text("measureOneEn", ctx.t("ps.vocab.oneEn"))}
          {text("measureOtherEn", ctx.t("ps.vocab.otherEn"))}
        </Group>
        <ChoiceGroup
          ctx={ctx}
          name="numbering"
          type="radio"
          legend={ctx.t("ps.vocab.numbering")}
          hint={ctx.t("ps.vocab.numberingHint", { measure: measure.toLocaleLowerCase(ctx.locale === "sv" ? "sv-SE" : "en-GB") })}
          options={[
            { value: "{goal}.{n}", label: ctx.t("ps.vocab.numbering.dot", { example: like("{goal}.{n}") }) },
            { value: "{goal}:{n}", label: ctx.t("ps.vocab.numbering.colon", { example: like("{goal}:{n}") }) },
            { value: "free", label: ctx.t("ps.vocab.numbering.free") },
            { value: "other", label: ctx.t("ps.vocab.numbering.other") },
          ]}
          values={[values.numbering]}
          errors={errors}
        />
        {text("numberingOther", ctx.t("ps.vocab.numberingOther"), ctx.t("ps.vocab.numberingOtherHint"))}
        {text("strategyIntro", ctx.t("ps.vocab.strategyIntro"), ctx.t("ps.vocab.strategyIntroHint"))}
        {text("strategyIntroEn", ctx.t("ps.vocab.strategyIntroEn"))}
        {text("prerequisites", ctx.t("ps.vocab.prerequisites"), ctx.t("ps.vocab.prerequisitesHint"))}
        {text("prerequisitesEn", ctx.t("ps.vocab.prerequisitesEn"))}
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <button type="submit" class="button">
          {ctx.t("form.save")}
        </button>{" "}
        <a href={props.back}>{ctx.t("form.cancel")}</a>
      </PostForm>
    </Layout>
  );
}
