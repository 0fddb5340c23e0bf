// Pieces the activity and need forms share: one ChoiceGroup per taxonomy (radios where a taxonomy allows one term),
// strategies grouped under their goals, organisation checkboxes, a one-line field that can show the other person's
// text after a conflict, and the links of these forms.
import type { PageContext } from "../../context.ts";
import { ChoiceGroup } from "../../components/form-choices.tsx";
import { describedBy, FieldMessages, type FieldErrors, type Option } from "../../components/form.tsx";
import { termName } from "../../../queries/plan-stats.ts";
import type { PlanChoices } from "../../../queries/activity-form.ts";
import type { Goal, Organisation } from "../../../queries/plan-graph.ts";
import { vocabularyLabel, type PlanVocabulary } from "../../../domain/vocabulary.ts";
import { termField } from "../../../commands/support/term-choices.ts";

/** URLs of the activity, need and financing forms. */
export const formLinks = {
  newActivity: (ws: string, plan: string, query: { handlingsplan: string; mal?: string; behov?: string }) => {
    const q = new URLSearchParams({ handlingsplan: query.handlingsplan });
    if (query.mal) q.set("mal", query.mal);
    if (query.behov) q.set("behov", query.behov);
    return `/${ws}/planer/${plan}/aktiviteter/ny?${q.toString()}`;
  },
  activityArchive: (ws: string, plan: string, id: string) => `/${ws}/planer/${plan}/aktiviteter/${id}/arkivera`,
  financingNew: (ws: string, plan: string, id: string) => `/${ws}/planer/${plan}/aktiviteter/${id}/finansiering/ny`,
  financing: (ws: string, plan: string, id: string, fid: string) => `/${ws}/planer/${plan}/aktiviteter/${id}/finansiering/${fid}`,
  financingRemove: (ws: string, plan: string, id: string, fid: string) => `/${ws}/planer/${plan}/aktiviteter/${id}/finansiering/${fid}/ta-bort`,
  newNeed: (ws: string, plan: string, goalId?: string) => `/${ws}/planer/${plan}/behov/ny${goalId ? `?mal=${goalId}` : ""}`,
  need: (ws: string, plan: string, id: string) => `/${ws}/planer/${plan}/behov/${id}`,
  needArchive: (ws: string, plan: string, id: string) => `/${ws}/planer/${plan}/behov/${id}/arkivera`,
  actionPlan: (ws: string, plan: string, org: string) => `/${ws}/planer/${plan}/handlingsplaner/${org}`,
};

export function goalOptionLabel(ctx: PageContext, vocabulary: PlanVocabulary, goal: Goal): string {
  return `${vocabularyLabel(vocabulary, "goal", ctx.locale)} ${goal.number}: ${goal.title}`;
}

/** The goals one may choose: those in use, and the current one even when archived. */
export function goalOptions(ctx: PageContext, vocabulary: PlanVocabulary, choices: PlanChoices, currentGoalId: string | null): Option[] {
  return choices.goals
    .filter((g) => !g.archivedAt || g.id === currentGoalId)
    .map((g) => ({ value: g.id, label: g.archivedAt ? ctx.t("activity.form.archivedChoice", { name: goalOptionLabel(ctx, vocabulary, g) }) : goalOptionLabel(ctx, vocabulary, g) }));
}

/** Organisations of one kind ("own": not external) in use, plus those already chosen (even archived). */
export function organisationOptions(ctx: PageContext, organisations: Organisation[], kind: "own" | "external", had: readonly string[]): Option[] {
  return organisations
    .filter((o) => had.includes(o.id) || (!o.archivedAt && (kind === "external" ? o.type === "external" : o.type !== "external")))
    .map((o) => ({ value: o.id, label: o.archivedAt ? ctx.t("activity.form.archivedChoice", { name: o.name }) : o.name }));
}

/** One group per taxonomy in use: radios (with "not specified") where only one term may be chosen, else checkboxes. */
export function TaxonomyChoices(props: { ctx: PageContext; choices: PlanChoices; values: Record<string, string[]>; had: readonly string[]; errors: FieldErrors }) {
  const { ctx, choices } = props;
  return (
    <>
      {choices.taxonomies.map((taxonomy) => {
        const name = termField(taxonomy.key);
        const chosen = props.values[taxonomy.key] ?? [];
        const options: Option[] = choices.terms
          .filter((term) => term.taxonomyId === taxonomy.id && (!term.archivedAt || props.had.includes(term.id) || chosen.includes(term.id)))
          .map((term) => ({ value: term.id, label: term.archivedAt ? ctx.t("activity.form.archivedChoice", { name: termName(term, ctx.locale) }) : termName(term, ctx.locale) }));
        const legend = ctx.locale === "en" ? taxonomy.nameEn ?? taxonomy.name : taxonomy.name;
        return taxonomy.multiple ? (
          <ChoiceGroup key={taxonomy.id} ctx={ctx} name={name} legend={legend} options={options} values={chosen} errors={props.errors} />
        ) : (
          <ChoiceGroup
            key={taxonomy.id}
            ctx={ctx}
            name={name}
            legend={legend}
            type="radio"
            options={[{ value: "", label: ctx.t("activity.form.notSpecified") }, ...options]}
            values={chosen.length ? chosen : [""]}
            errors={props.errors}
          />
        );
      })}
    </>
  );
}

/** Strategies grouped by goal: a fieldset per goal inside one fieldset named `strategyIds` (the error summary's target). */
export function StrategyChoices(props: { ctx: PageContext; vocabulary: PlanVocabulary; choices: PlanChoices; values: string[]; had: readonly string[]; errors: FieldErrors }) {
  const { ctx, choices, vocabulary } = props;
  const error = props.errors.strategyIds;
  const goalWord = vocabularyLabel(vocabulary, "goal", ctx.locale).toLowerCase();
  const intro = (ctx.locale === "en" ? vocabulary.strategyIntro.en : undefined) ?? vocabulary.strategyIntro.sv;
  const hint = ctx.t("activity.form.strategiesHint", { goal: goalWord, intro });
  const chosen = new Set(props.values);
  const groups = choices.goals
    .map((goal) => ({
      goal,
      strategies: choices.strategies.filter((s) => s.goalId === goal.id && (!s.archivedAt || props.had.includes(s.id) || chosen.has(s.id))),
    }))
    .filter((g) => g.strategies.length > 0 && (!g.goal.archivedAt || g.strategies.some((s) => chosen.has(s.id))));
  return (
    <fieldset class={error ? "choices choices--grouped field--error" : "choices choices--grouped"} id="strategyIds" tabIndex={-1} aria-describedby={describedBy("strategyIds", hint, error)}>
      <legend>{ctx.t("activity.form.strategies")}</legend>
      <FieldMessages ctx={ctx} name="strategyIds" hint={hint} error={error} />
      {groups.length === 0 && <p class="muted">{ctx.t("form.noChoices")}</p>}
      {groups.map(({ goal, strategies }, gi) => (
        <fieldset class="choices choices--sub" key={goal.id}>
          <legend>{goalOptionLabel(ctx, vocabulary, goal)}</legend>
          {strategies.map((strategy, si) => (
            <div class="choices__item" key={strategy.id}>
              <input type="checkbox" id={`strategyIds-${gi}-${si}`} name="strategyIds" value={strategy.id} checked={chosen.has(strategy.id)} />
              <label for={`strategyIds-${gi}-${si}`}>{strategy.archivedAt ? ctx.t("activity.form.archivedChoice", { name: strategy.title }) : strategy.title}</label>
            </div>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** A one-line text field that, after a conflict, shows what the other person saved above it. */
export function LineField(props: { ctx: PageContext; name: string; label: string; value: string; hint?: string; errors: FieldErrors; theirs?: string | undefined; class?: string }) {
  const error = props.errors[props.name];
  const ids = [props.theirs !== undefined && `${props.name}-theirs`, describedBy(props.name, props.hint, error)].filter(Boolean).join(" ") || undefined;
  return (
    <div class={[error ? "field field--error" : "field", props.class].filter(Boolean).join(" ")}>
      <label for={props.name}>{props.label}</label>
      {props.theirs !== undefined && (
        <div class="conflict-theirs" id={`${props.name}-theirs`}>
          <p class="conflict-theirs__label">{props.ctx.t("conflict.theirs")}</p>
          <p class="conflict-theirs__text">{props.theirs || props.ctx.t("conflict.empty")}</p>
        </div>
      )}
      <FieldMessages ctx={props.ctx} name={props.name} hint={props.hint} error={error} />
      <input id={props.name} name={props.name} type="text" value={props.value} aria-describedby={ids} aria-invalid={error ? "true" : undefined} />
    </div>
  );
}
