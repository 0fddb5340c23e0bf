// The import preview: what was recognised and what committing would do, with every choice the user can correct (which
// goal a heading is, which organisation a name is, which measures to take), the words that were repaired and the text
// that was not recognised. "Uppdatera" shows the preview again with the choices; "Importera" writes it all at once.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, SelectField, type FieldErrors } from "../../../components/form.tsx";
import { ConfirmPersonalData } from "../../../components/form-choices.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import type { ActionPlanProposal } from "../../../../import/proposal/action-plan.ts";
import type { StoredImport } from "../../../../import/stored.ts";
import type { Goal, Plan, Term, Workspace } from "../../../../queries/plan-graph.ts";
import { contentLang } from "../../public/labels.ts";
import { links } from "../../public/links.ts";
import { goalField, MeasureCard, NameChoice, RepairList, UnrecognisedList } from "./preview-parts.tsx";
import { importLinks } from "./upload-page.tsx";
import { whereText } from "./where.ts";

export interface ImportPreviewProps {
  ctx: PageContext;
  workspace: Workspace;
  plan: Plan;
  importId: string;
  fileName: string;
  organisationName: string;
  stored: StoredImport;
  proposal: ActionPlanProposal;
  goals: readonly Goal[];
  terms: readonly Term[];
  organisations: ReadonlyArray<{ id: string; name: string }>;
  committed: boolean;
  version: number;
  errors: FieldErrors;
}

export function ImportPreviewPage(props: ImportPreviewProps) {
  const { ctx, workspace, plan, stored, proposal, errors } = props;
  const { t } = ctx;
  const { draft } = stored;
  const lang = contentLang(ctx, workspace);
  const lower = (s: string) => s.toLocaleLowerCase(ctx.locale === "sv" ? "sv-SE" : "en-GB");
  const goalWord = vocabularyLabel(plan.vocabulary, "goal", ctx.locale, "one");
  const measureWords = vocabularyLabel(plan.vocabulary, "measure", ctx.locale, "other");
  const orgName = new Map(props.organisations.map((o) => [o.id, o.name]));
  const termName = new Map(props.terms.map((x) => [x.id, ctx.locale === "en" ? x.nameEn ?? x.name : x.name]));
  const names = { organisation: (id: string) => orgName.get(id) ?? "", term: (id: string) => termName.get(id) ?? "", goalWord };
  const count = (action: string) => proposal.activities.filter((a) => a.action === action).length;
  const title = t("import.preview.title", { file: props.fileName });
  const page = importLinks.preview(workspace.slug, plan.slug, props.importId);
  const goalOptions = props.goals.filter((g) => !g.archivedAt).map((g) => ({ value: g.id, label: `${goalWord} ${g.number}: ${g.title}` }));
  // The measures under each goal of the document, in the document's order; those under no goal last.
  const groups = [
    ...proposal.goals.map((g) => ({ goal: g, activities: proposal.activities.filter((a) => a.measure.goal === g.number) })),
    { goal: null, activities: proposal.activities.filter((a) => !proposal.goals.some((g) => g.number === a.measure.goal)) },
  ].filter((group) => group.goal !== null || group.activities.length > 0);

  return (
    <Layout
      ctx={ctx}
      title={Object.keys(errors).length ? t("form.errorTitle", { title }) : title}
      crumbs={[
        { label: workspace.name, href: `/#${workspace.slug}` },
        { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang },
        { label: t("import.title"), href: importLinks.upload(workspace.slug, plan.slug) },
        { label: t("import.preview.crumb") },
      ]}
    >
      <p class="eyebrow" lang={lang}>
        {plan.name}
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {t("import.preview.for", { organisation: props.organisationName })} {t("import.preview.kind", { kind: t(`import.kind.${draft.kind}` as MessageKey) })}
      </p>
      {draft.kind !== "action-plan" && <p class="notice">{t("import.preview.notActionPlan", { measures: lower(measureWords) })}</p>}
      {props.committed && <p class="notice">{t("import.preview.committed")}</p>}
      <p class="import-summary">
        {proposal.activities.length === 0
          ? t("import.preview.nothing", { measures: lower(measureWords) })
          : t("import.preview.summary", { created: count("create"), updated: count("update"), unchanged: count("unchanged") })}
      </p>
      {draft.warnings.length > 0 && (
        <section aria-labelledby="import-warnings">
          <h2 id="import-warnings">{t("import.preview.warnings")}</h2>
          <ul>
            {draft.warnings.map((w) => (
              <li>
                {w.message} <span class="import-where">({whereText(ctx, w.where)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <PostForm ctx={ctx} action={page} class="form import-form" novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        {groups.map((group, i) => (
          <section class="import-goal" aria-labelledby={`import-goal-${i}`}>
            <h2 id={`import-goal-${i}`} lang={lang}>
              {group.goal ? `${goalWord} ${group.goal.number}: ${group.goal.title}` : t("import.preview.measures", { measures: measureWords })}
            </h2>
            {group.goal && (
              <SelectField
                ctx={ctx}
                name={goalField(group.goal.number)}
                label={t("import.preview.goalHint", { goal: lower(goalWord) })}
                options={goalOptions}
                emptyLabel={t("import.preview.goalNone")}
                value={group.goal.goalId ?? ""}
                errors={errors}
              />
            )}
            {group.activities.length > 0 && (
              <ul class="card-list import-measures">
                {group.activities.map((activity) => (
                  <MeasureCard ctx={ctx} activity={activity} names={names} lang={lang} disabled={props.committed} />
                ))}
              </ul>
            )}
          </section>
        ))}
        {proposal.names.length > 0 && (
          <fieldset class="import-names">
            <legend>{t("import.preview.names")}</legend>
            <p>{t("import.preview.namesHint")}</p>
            <ul class="manage-list">
              {proposal.names.map((name, i) => (
                <NameChoice ctx={ctx} name={name} index={i} organisations={props.organisations} lang={lang} disabled={props.committed} />
              ))}
            </ul>
          </fieldset>
        )}
        {proposal.unknownTerms.length > 0 && <p>{t("import.preview.unknownTerms", { terms: proposal.unknownTerms.map((u) => u.written).join(", ") })}</p>}
        {stored.flagged.length > 0 && (
          <section aria-labelledby="import-flagged">
            <h2 id="import-flagged">{t("import.preview.flagged")}</h2>
            <ul>
              {stored.flagged.map((line) => (
                <li>
                  <strong>{whereText(ctx, line.where)}</strong>: {t(line.messageKey as MessageKey, line.params as never)} <q lang={lang}>{line.excerpt}</q>
                </li>
              ))}
            </ul>
            {!props.committed && <ConfirmPersonalData ctx={ctx} errors={errors} />}
          </section>
        )}
        {!props.committed && (
          <div class="form-actions">
            <button type="submit" id="atgard" name="atgard" value="importera" class="button">
              {t("import.preview.commit")}
            </button>
            <button type="submit" name="atgard" value="uppdatera" class="button button--secondary">
              {t("import.preview.update")}
            </button>
          </div>
        )}
      </PostForm>
      <RepairList ctx={ctx} repairs={draft.repairs} />
      <UnrecognisedList ctx={ctx} pieces={draft.unrecognised} lang={lang} />
    </Layout>
  );
}
