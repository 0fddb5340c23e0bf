// One goal: its number, title and text as a form (new or edit), and on an existing goal its strategies ("Genom att")
// and what needs to be in place, each list with add, edit, move, archive and restore.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../../components/form.tsx";
import { ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import type { GoalFields } from "../../../../commands/create-goal.ts";
import type { PrerequisiteRow, StrategyRow } from "../../../../queries/goals-taxonomies.ts";
import { ArchivedList, ConflictNotice, FormButtons, FormState, LineField, ManageList, type ManagedItem } from "./parts.tsx";
import type { PlanWords } from "./words.ts";

export interface GoalPartsProps {
  strategies: StrategyRow[];
  prerequisites: PrerequisiteRow[];
  /** The goal's address: strategies live under `${base}/strategier`, prerequisites under `${base}/forutsattningar`. */
  base: string;
  /** This page's address (the buttons come back here). */
  self: string;
  history: string;
}

export interface GoalPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  words: PlanWords;
  /** "Lägg till fokusområde" or "Fokusområde 1: Förebygga våld …" */
  heading: string;
  action: string;
  back: string;
  version?: number;
  values: GoalFields;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: GoalFields | undefined;
  /** An existing goal: its strategies and prerequisites. */
  parts?: GoalPartsProps;
  lang?: string | undefined;
}

export const GOAL_FORM_ORDER = ["version", "number", "title", "text", "confirmPersonalData"];

function excerpt(text: string, max = 80) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function Parts(props: { ctx: PageContext; words: PlanWords; parts: GoalPartsProps; lang?: string | undefined }) {
  const { ctx, words, parts, lang } = props;
  const strategy = (s: StrategyRow): ManagedItem => ({
    id: s.id, name: s.title, href: s.archivedAt ? undefined : `${parts.base}/strategier/${s.id}`,
    label: <span lang={lang}>{s.title}</span>, meta: s.text ? <span lang={lang}>{excerpt(s.text)}</span> : undefined, actions: `${parts.base}/strategier/${s.id}`,
  });
  const prerequisite = (p: PrerequisiteRow): ManagedItem => ({
    id: p.id, name: excerpt(p.text, 60), href: p.archivedAt ? undefined : `${parts.base}/forutsattningar/${p.id}`,
    label: <span lang={lang}>{excerpt(p.text, 200)}</span>, actions: `${parts.base}/forutsattningar/${p.id}`,
  });
  return (
    <>
      <section aria-labelledby="strategies-heading">
        <h2 id="strategies-heading">{words.strategyIntro}</h2>
        <ManageList ctx={ctx} items={parts.strategies.filter((s) => !s.archivedAt).map(strategy)} back={parts.self} empty={ctx.t("goalsAdmin.strategies.empty")} />
        <p>
          <a class="button button--secondary" href={`${parts.base}/strategier/ny`}>
            {ctx.t("goalsAdmin.strategy.add")}
          </a>
        </p>
        <ArchivedList
          ctx={ctx} items={parts.strategies.filter((s) => s.archivedAt).map(strategy)} back={parts.self} headingLevel={3}
          heading={ctx.t("goalsAdmin.strategies.archived", { heading: words.strategyIntro })}
        />
      </section>
      <section aria-labelledby="prerequisites-heading">
        <h2 id="prerequisites-heading">{words.prerequisites}</h2>
        <ManageList
          ctx={ctx} items={parts.prerequisites.filter((p) => !p.archivedAt).map(prerequisite)} back={parts.self} empty={ctx.t("goalsAdmin.prerequisites.empty")}
        />
        <p>
          <a class="button button--secondary" href={`${parts.base}/forutsattningar/ny`}>
            {ctx.t("goalsAdmin.prerequisite.add")}
          </a>
        </p>
        <ArchivedList
          ctx={ctx} items={parts.prerequisites.filter((p) => p.archivedAt).map(prerequisite)} back={parts.self} headingLevel={3}
          heading={ctx.t("goalsAdmin.prerequisites.archived", { heading: words.prerequisites })}
        />
      </section>
      <p class="tools">
        <a href={parts.history}>{ctx.t("goalsAdmin.historyLink")}</a>
      </p>
    </>
  );
}

export function GoalPage(props: GoalPageProps) {
  const { ctx, words, errors, values, theirs } = props;
  const hasErrors = Object.keys(errors).length > 0;
  const isNew = props.version === undefined;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title: props.heading }) : props.heading} crumbs={props.crumbs}>
      <h1>{props.heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={GOAL_FORM_ORDER} />
      <ConflictNotice ctx={ctx} show={theirs !== undefined} />
      {!isNew && <h2>{ctx.t("goalsAdmin.edit.formHeading")}</h2>}
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <FormState version={props.version} back={props.back} />
        <LineField
          ctx={ctx} name="number" label={ctx.t("goalsAdmin.field.number")} hint={ctx.t("goalsAdmin.field.numberHint", { goal: words.goalLower })}
          value={values.number} errors={errors} theirs={theirs?.number}
        />
        <TextAreaField ctx={ctx} name="title" label={ctx.t("goalsAdmin.field.title")} value={values.title} rows={2} errors={errors} theirs={theirs?.title} />
        <TextAreaField
          ctx={ctx} name="text" label={ctx.t("goalsAdmin.field.text")} hint={ctx.t("form.markdownHint")} value={values.text} rows={6} errors={errors}
          theirs={theirs?.text}
        />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <FormButtons ctx={ctx} submit={isNew ? ctx.t("goalsAdmin.add", { goal: words.goalLower }) : ctx.t("form.save")} cancel={props.back} />
      </PostForm>
      {props.parts && <Parts ctx={ctx} words={words} parts={props.parts} lang={props.lang} />}
    </Layout>
  );
}
