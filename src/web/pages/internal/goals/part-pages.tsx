// The forms for one strategy ("Genom att …": a title and a paragraph) and for one thing that needs to be in place
// (one text), new or edit. Labels come from the plan's own words.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../../components/form.tsx";
import { ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import type { StrategyFields } from "../../../../commands/create-strategy.ts";
import type { PrerequisiteFields } from "../../../../commands/create-prerequisite.ts";
import { ConflictNotice, FormButtons, FormState } from "./parts.tsx";
import type { PlanWords } from "./words.ts";

interface PartPageProps<T> {
  ctx: PageContext;
  crumbs: Crumb[];
  words: PlanWords;
  heading: string;
  /** "Fokusområde 1" — the goal it belongs to. */
  goalName: string;
  action: string;
  back: string;
  /** Undefined for a new one. */
  version?: number;
  values: T;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: T | undefined;
}

export const STRATEGY_FORM_ORDER = ["version", "title", "text", "confirmPersonalData"];
export const PREREQUISITE_FORM_ORDER = ["version", "text", "confirmPersonalData"];

export function StrategyPage(props: PartPageProps<StrategyFields>) {
  const { ctx, words, errors, values, theirs } = props;
  const isNew = props.version === undefined;
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? ctx.t("form.errorTitle", { title: props.heading }) : props.heading} crumbs={props.crumbs}>
      <h1>{props.heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={STRATEGY_FORM_ORDER} />
      <ConflictNotice ctx={ctx} show={theirs !== undefined} />
      <p>{ctx.t("goalsAdmin.strategy.intro", { intro: words.strategyIntro, goal: props.goalName })}</p>
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <FormState version={props.version} back={props.back} />
        <TextAreaField
          ctx={ctx} name="title" label={ctx.t("goalsAdmin.strategy.title")} hint={ctx.t("goalsAdmin.strategy.titleHint", { intro: words.strategyIntro })}
          value={values.title} rows={2} errors={errors} theirs={theirs?.title}
        />
        <TextAreaField
          ctx={ctx} name="text" label={ctx.t("goalsAdmin.strategy.text")} hint={ctx.t("form.markdownHint")} value={values.text} rows={6} errors={errors}
          theirs={theirs?.text}
        />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <FormButtons ctx={ctx} submit={isNew ? ctx.t("goalsAdmin.strategy.add") : ctx.t("form.save")} cancel={props.back} />
      </PostForm>
    </Layout>
  );
}

export function PrerequisitePage(props: PartPageProps<PrerequisiteFields>) {
  const { ctx, words, errors, values, theirs } = props;
  const isNew = props.version === undefined;
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? ctx.t("form.errorTitle", { title: props.heading }) : props.heading} crumbs={props.crumbs}>
      <h1>{props.heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={PREREQUISITE_FORM_ORDER} />
      <ConflictNotice ctx={ctx} show={theirs !== undefined} />
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <FormState version={props.version} back={props.back} />
        <TextAreaField
          ctx={ctx} name="text" label={words.prerequisites} hint={ctx.t("goalsAdmin.prerequisite.textHint", { goal: props.goalName })} value={values.text} rows={3}
          errors={errors} theirs={theirs?.text}
        />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <FormButtons ctx={ctx} submit={isNew ? ctx.t("goalsAdmin.prerequisite.add") : ctx.t("form.save")} cancel={props.back} />
      </PostForm>
    </Layout>
  );
}
