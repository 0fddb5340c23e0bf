// A need (behov av insats): its form (new and edit) with the plan's taxonomies; on an existing need, the way to turn
// it into an activity in an action plan the viewer may write, and the archive button.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, SelectField, type FieldErrors, type Option } from "../../../components/form.tsx";
import { ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import type { NeedFields } from "../../../../commands/support/need-input.ts";
import { termField } from "../../../../commands/support/term-choices.ts";
import type { PlanChoices } from "../../../../queries/activity-form.ts";
import type { Plan } from "../../../../queries/plan-graph.ts";
import { goalOptions, LineField, TaxonomyChoices } from "../activity-form-parts.tsx";

export interface NeedPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  heading: string;
  action: string;
  version: number;
  back: string;
  plan: Plan;
  choices: PlanChoices;
  /** The organisations this viewer may name (editors: their own); "" is "none" when allowed. */
  organisationOptions: Option[];
  values: NeedFields;
  had: { goalId: string; termIds: string[] } | null;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: NeedFields | undefined;
  /** An existing need: what it became, or where it can become an activity; the archive form. */
  existing?: {
    became: { name: string; href: string | null } | null;
    /** Action plans the viewer may write: [organisation slug, title]. */
    actionPlans: Array<{ slug: string; title: string }>;
    newActivityAction: string;
    newActivityHref: (slug: string) => string;
    needId: string;
    archiveAction: string;
  };
}

export function needErrorOrder(choices: PlanChoices): string[] {
  return ["version", "title", "description", "goalId", "organisationId", ...choices.taxonomies.map((t) => termField(t.key)), "boardNote", "confirmPersonalData"];
}

export function NeedPage(props: NeedPageProps) {
  const { ctx, errors, values, plan, choices } = props;
  const title = props.heading;
  const hasErrors = Object.keys(errors).length > 0;
  const goalWord = vocabularyLabel(plan.vocabulary, "goal", ctx.locale);
  const measure = vocabularyLabel(plan.vocabulary, "measure", ctx.locale).toLowerCase();
  const existing = props.existing;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={needErrorOrder(choices)} />
      {props.theirs && <p class="notice">{ctx.t("conflict.explain")}</p>}
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="tillbaka" value={props.back} />
        <LineField ctx={ctx} name="title" label={ctx.t("need.form.titleLabel")} value={values.title} errors={errors} theirs={props.theirs?.title} />
        <TextAreaField
          ctx={ctx} name="description" label={ctx.t("need.form.descriptionLabel")} value={values.description} errors={errors} rows={6}
          hint={ctx.t("form.markdownHint")} theirs={props.theirs?.description}
        />
        <SelectField ctx={ctx} name="goalId" label={goalWord} options={goalOptions(ctx, plan.vocabulary, choices, props.had?.goalId ?? null)} value={values.goalId} errors={errors} />
        <SelectField ctx={ctx} name="organisationId" label={ctx.t("need.form.organisation")} options={props.organisationOptions} value={values.organisationId} errors={errors} />
        <div class="choices-columns">
          <TaxonomyChoices ctx={ctx} choices={choices} values={values.terms} had={props.had?.termIds ?? []} errors={errors} />
        </div>
        <LineField
          ctx={ctx} name="boardNote" label={ctx.t("activity.form.boardNote")} hint={ctx.t("activity.form.boardNoteHint")} value={values.boardNote}
          errors={errors} theirs={props.theirs?.boardNote}
        />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <div class="form-actions">
          <button type="submit" class="button">
            {ctx.t("need.form.save")}
          </button>
          <a href={props.back}>{ctx.t("form.cancel")}</a>
        </div>
      </PostForm>

      {existing && (
        <>
          <section aria-labelledby="become">
            <h2 id="become">{ctx.t("need.become.heading", { measure })}</h2>
            {existing.became ? (
              <p>
                {existing.became.href ? (
                  <a href={existing.became.href}>{ctx.t("need.became", { name: existing.became.name })}</a>
                ) : (
                  ctx.t("need.became", { name: existing.became.name })
                )}
              </p>
            ) : existing.actionPlans.length === 0 ? (
              <p>{ctx.t("need.become.none")}</p>
            ) : (
              <>
                <p>{ctx.t("need.become.explain")}</p>
                {existing.actionPlans.length === 1 ? (
                  <p>
                    <a href={existing.newActivityHref(existing.actionPlans[0]!.slug)}>
                      {ctx.t("need.become.link", { measure, actionPlan: existing.actionPlans[0]!.title })}
                    </a>
                  </p>
                ) : (
                  <form method="get" action={existing.newActivityAction} class="form form--wide">
                    <input type="hidden" name="behov" value={existing.needId} />
                    <SelectField
                      ctx={ctx} name="handlingsplan" label={ctx.t("need.become.choose")} errors={{}}
                      options={existing.actionPlans.map((p) => ({ value: p.slug, label: p.title }))}
                    />
                    <button type="submit" class="button button--secondary">
                      {ctx.t("need.become.submit", { measure })}
                    </button>
                  </form>
                )}
              </>
            )}
          </section>
          <section aria-labelledby="archive">
            <h2 id="archive">{ctx.t("need.archive.heading")}</h2>
            <p>{ctx.t("need.archive.explain")}</p>
            <PostForm ctx={ctx} action={existing.archiveAction}>
              <input type="hidden" name="version" value={String(props.version)} />
              <button type="submit" class="button button--secondary">
                {ctx.t("need.archive.button")}
              </button>
            </PostForm>
          </section>
        </>
      )}
    </Layout>
  );
}
