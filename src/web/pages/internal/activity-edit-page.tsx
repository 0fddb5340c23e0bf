// The activity form, for a new activity and for editing one: every field, grouped under headings so the long form
// reads in parts. The version it was opened at travels with it, so a save over someone else's newer save is caught
// (409) and their texts are shown beside yours instead of being overwritten. On edit, the activity's financing and
// the archive button follow the form.
import type { PageContext } from "../../context.ts";
import { Layout, type Crumb } from "../../components/layout.tsx";
import { DateField, ErrorSummary, PostForm, type FieldErrors } from "../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData, TextAreaField } from "../../components/form-choices.tsx";
import { formatDate, formatNumber, type MessageKey } from "../../i18n/index.ts";
import { vocabularyLabel } from "../../../domain/vocabulary.ts";
import type { ActivityFields } from "../../../commands/support/activity-input.ts";
import { PHASES } from "../../../commands/support/activity-input.ts";
import { termField } from "../../../commands/support/term-choices.ts";
import type { FinancingRow, PlanChoices } from "../../../queries/activity-form.ts";
import type { Plan } from "../../../queries/plan-graph.ts";
import { goalOptions, LineField, organisationOptions, StrategyChoices, TaxonomyChoices } from "./activity-form-parts.tsx";
import { SelectField } from "../../components/form.tsx";

export interface ActivityFormProps {
  ctx: PageContext;
  crumbs: Crumb[];
  mode: "create" | "edit";
  /** The h1. */
  heading: string;
  action: string;
  version: number;
  /** Where to return after saving. */
  back: string;
  plan: Plan;
  choices: PlanChoices;
  actionPlanTitle: string;
  values: ActivityFields;
  /** What the activity links to now (edit): archived choices it already has stay on the form. */
  had: { goalId: string; strategyIds: string[]; termIds: string[]; responsibleIds: string[]; coResponsibleIds: string[]; partnerIds: string[] } | null;
  errors: FieldErrors;
  /** Likely personal data was found: show the confirmation box. */
  askConfirm: boolean;
  /** Set after a conflict: what the other person saved. */
  theirs?: ActivityFields | undefined;
  /** Creating from a need. */
  fromNeed?: { id: string; title: string } | undefined;
  /** Edit only: the financing list and the archive form. */
  edit?: {
    financing: FinancingRow[];
    financingNew: string;
    financingEdit: (id: string) => string;
    financingRemove: (id: string) => string;
    archiveAction: string;
    archiveName: string;
  };
}

export function activityErrorOrder(choices: PlanChoices): string[] {
  return [
    "version", "fromNeedId", "number", "title", "description", "childRights", "goalId", "strategyIds", "responsibleIds", "coResponsibleIds",
    "partnerIds", ...choices.taxonomies.map((t) => termField(t.key)), "plannedStart", "plannedEnd", "phase", "boardNote", "confirmPersonalData",
  ];
}

export function kronor(ctx: PageContext, amount: number) {
  return ctx.t("financing.amount", { amount: formatNumber(amount, ctx.locale) });
}

/** "Beviljad, 3 mars 2024 · sökt 250 000 kr · beviljat 200 000 kr" */
function financingSummary(ctx: PageContext, f: FinancingRow) {
  const decision = ctx.t(`financing.${f.decision}` as MessageKey);
  const parts = [f.decidedOn ? ctx.t("activity.financingDecidedOn", { decision, date: formatDate(f.decidedOn, ctx.locale) }) : decision];
  if (f.amountApplied !== null) parts.push(`${ctx.t("activity.financingApplied")} ${kronor(ctx, f.amountApplied)}`);
  if (f.amountGranted !== null) parts.push(`${ctx.t("activity.financingGranted")} ${kronor(ctx, f.amountGranted)}`);
  return parts.join(" · ");
}

export function ActivityEditPage(props: ActivityFormProps) {
  const { ctx, errors, choices, plan, values } = props;
  const title = props.heading;
  const hasErrors = Object.keys(errors).length > 0;
  const goalWord = vocabularyLabel(plan.vocabulary, "goal", ctx.locale);
  const pattern = plan.vocabulary.numbering;
  const had = props.had;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={activityErrorOrder(choices)} />
      {props.theirs && <p class="notice">{ctx.t("conflict.explain")}</p>}
      {props.fromNeed && (
        <p class={errors.fromNeedId ? "notice field--error" : "notice"} id="fromNeedId" tabIndex={-1}>
          {errors.fromNeedId ? <strong>{errors.fromNeedId} </strong> : null}
          {ctx.t("activity.form.fromNeed", { title: props.fromNeed.title })}
        </p>
      )}
      <PostForm ctx={ctx} action={props.action} class="form form--wide activity-form" novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="tillbaka" value={props.back} />
        {props.fromNeed && <input type="hidden" name="behov" value={props.fromNeed.id} />}

        <section class="form-section" aria-labelledby="section-basics">
          <h2 id="section-basics">{ctx.t("activity.form.sectionBasics")}</h2>
          <dl class="form-facts">
            <dt>{ctx.t("activity.form.actionPlan")}</dt>
            <dd>{props.actionPlanTitle}</dd>
          </dl>
          <LineField
            ctx={ctx} name="number" label={ctx.t("activity.form.number")} value={values.number} errors={errors} theirs={props.theirs?.number} class="field--short"
            hint={pattern.includes("{n}") ? ctx.t("activity.form.numberHint", { pattern: pattern.replaceAll("{goal}", "1").replaceAll("{n}", "2") }) : ctx.t("activity.form.numberHintFree")}
          />
          <LineField ctx={ctx} name="title" label={ctx.t("activity.edit.titleLabel")} value={values.title} errors={errors} theirs={props.theirs?.title} />
          <TextAreaField
            ctx={ctx} name="description" label={ctx.t("activity.edit.descriptionLabel")} value={values.description} errors={errors} rows={8}
            hint={ctx.t("form.markdownHint")} theirs={props.theirs?.description}
          />
          <TextAreaField
            ctx={ctx} name="childRights" label={ctx.t("activity.edit.childRightsLabel")} value={values.childRights} errors={errors} rows={4}
            hint={ctx.t("activity.form.childRightsHint")} theirs={props.theirs?.childRights}
          />
        </section>

        <section class="form-section" aria-labelledby="section-goal">
          <h2 id="section-goal">{ctx.t("activity.form.sectionGoal", { goal: goalWord })}</h2>
          <SelectField
            ctx={ctx} name="goalId" label={goalWord} options={goalOptions(ctx, plan.vocabulary, choices, had?.goalId ?? null)}
            emptyLabel={values.goalId ? undefined : ctx.t("activity.form.choose")} value={values.goalId} errors={errors}
          />
          <StrategyChoices ctx={ctx} vocabulary={plan.vocabulary} choices={choices} values={values.strategyIds} had={had?.strategyIds ?? []} errors={errors} />
        </section>

        <section class="form-section" aria-labelledby="section-organisations">
          <h2 id="section-organisations">{ctx.t("activity.form.sectionOrganisations")}</h2>
          <div class="choices-columns">
            <ChoiceGroup
              ctx={ctx} name="responsibleIds" legend={ctx.t("activity.form.responsible")} hint={ctx.t("activity.form.responsibleHint")}
              options={organisationOptions(ctx, choices.organisations, "own", had?.responsibleIds ?? [])} values={values.responsibleIds} errors={errors}
            />
            <ChoiceGroup
              ctx={ctx} name="coResponsibleIds" legend={ctx.t("activity.form.coResponsible")} hint={ctx.t("activity.form.coResponsibleHint")}
              options={organisationOptions(ctx, choices.organisations, "own", had?.coResponsibleIds ?? [])} values={values.coResponsibleIds} errors={errors}
            />
            <ChoiceGroup
              ctx={ctx} name="partnerIds" legend={ctx.t("activity.form.partners")}
              options={organisationOptions(ctx, choices.organisations, "external", had?.partnerIds ?? [])} values={values.partnerIds} errors={errors}
            />
          </div>
        </section>

        {choices.taxonomies.length > 0 && (
          <section class="form-section" aria-labelledby="section-classification">
            <h2 id="section-classification">{ctx.t("activity.form.sectionClassification")}</h2>
            <div class="choices-columns">
              <TaxonomyChoices ctx={ctx} choices={choices} values={values.terms} had={had?.termIds ?? []} errors={errors} />
            </div>
          </section>
        )}

        <section class="form-section" aria-labelledby="section-time">
          <h2 id="section-time">{ctx.t("activity.form.sectionTime")}</h2>
          <div class="field-row">
            <DateField ctx={ctx} name="plannedStart" label={ctx.t("activity.form.plannedStart")} value={values.plannedStart} hint={ctx.t("activity.form.dateHint")} errors={errors} />
            <DateField ctx={ctx} name="plannedEnd" label={ctx.t("activity.form.plannedEnd")} value={values.plannedEnd} hint={ctx.t("activity.form.dateHint")} errors={errors} />
          </div>
          <ChoiceGroup
            ctx={ctx} name="phase" type="radio" legend={ctx.t("activity.form.phase")} values={[values.phase]} errors={errors}
            options={PHASES.map((p) => ({ value: p, label: ctx.t(`phase.${p}` as MessageKey) }))}
          />
          <LineField
            ctx={ctx} name="boardNote" label={ctx.t("activity.form.boardNote")} hint={ctx.t("activity.form.boardNoteHint")} value={values.boardNote}
            errors={errors} theirs={props.theirs?.boardNote}
          />
        </section>

        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <div class="form-actions">
          <button type="submit" class="button">
            {ctx.t("activity.edit.save")}
          </button>
          <a href={props.back}>{ctx.t("form.cancel")}</a>
        </div>
      </PostForm>

      {props.edit && (
        <>
          <section aria-labelledby="financing">
            <h2 id="financing">{ctx.t("financing.heading")}</h2>
            {props.edit.financing.length === 0 ? (
              <p>{ctx.t("financing.none")}</p>
            ) : (
              <ul class="manage-list">
                {props.edit.financing.map((f) => (
                  <li key={f.id}>
                    <div>
                      <strong>{f.source}</strong>
                      <br />
                      <span class="muted">{financingSummary(ctx, f)}</span>
                    </div>
                    <div class="manage-list__actions">
                      <a href={props.edit!.financingEdit(f.id)} aria-label={ctx.t("form.editNamed", { name: f.source })}>
                        {ctx.t("form.edit")}
                      </a>
                      <PostForm ctx={ctx} action={props.edit!.financingRemove(f.id)}>
                        <input type="hidden" name="version" value={String(f.version)} />
                        <button type="submit" class="button button--secondary button--small" aria-label={ctx.t("financing.removeNamed", { name: f.source })}>
                          {ctx.t("financing.removeShort")}
                        </button>
                      </PostForm>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href={props.edit.financingNew}>{ctx.t("financing.add")}</a>
            </p>
          </section>
          <section aria-labelledby="archive">
            <h2 id="archive">{ctx.t("activity.archive.heading")}</h2>
            <p>{ctx.t("activity.archive.explain")}</p>
            <PostForm ctx={ctx} action={props.edit.archiveAction}>
              <input type="hidden" name="version" value={String(props.version)} />
              <button type="submit" class="button button--secondary">
                {ctx.t("activity.archive.button", { name: props.edit.archiveName })}
              </button>
            </PostForm>
          </section>
        </>
      )}
    </Layout>
  );
}
