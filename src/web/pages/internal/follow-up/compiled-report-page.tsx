// The compiled report of a round as a web page: a small GET form to choose goals, organisations, drafts and language,
// links to download it as Word and PDF with the same choice, then the report itself (src/reports/compiled).
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { ChoiceGroup } from "../../../components/form-choices.tsx";
import type { Plan, Round, Workspace } from "../../../../queries/plan-graph.ts";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import type { CompiledReport } from "../../../../reports/compiled/collect.ts";
import { CompiledReportContent } from "../../../../reports/compiled/render-html.tsx";
import { contentLang } from "../../public/labels.ts";
import { links } from "../../public/links.ts";
import { followUpLinks } from "./overview-links.ts";

export interface CompiledChoice {
  goalIds: string[];
  organisationIds: string[];
  includeDrafts: boolean;
  language: "sv" | "en";
}

/** The query string of a choice (for the download links), with `format` when given. */
export function compiledQuery(choice: CompiledChoice, format?: "docx" | "pdf"): string {
  const params = new URLSearchParams();
  for (const id of choice.goalIds) params.append("mal", id);
  for (const id of choice.organisationIds) params.append("organisation", id);
  if (choice.includeDrafts) params.set("utkast", "1");
  params.set("sprak", choice.language);
  if (format) params.set("format", format);
  return params.toString();
}

export function CompiledReportPage(props: { ctx: PageContext; workspace: Workspace; plan: Plan; round: Round; report: CompiledReport; choice: CompiledChoice; path: string }) {
  const { ctx, workspace, plan, round, report, choice, path } = props;
  const { t } = ctx;
  const lang = contentLang(ctx, workspace);
  const title = `${t("compiled.title")}: ${round.name}`;
  const goalsWord = vocabularyLabel(plan.vocabulary, "goal", ctx.locale, "other");
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: workspace.name, href: `/#${workspace.slug}` },
        { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang },
        { label: t("overview.crumbRounds"), href: followUpLinks.rounds(workspace.slug, plan.slug) },
        { label: round.name, href: followUpLinks.overview(workspace.slug, plan.slug, round.slug), lang },
        { label: t("compiled.crumb") },
      ]}
    >
      <h1>{title}</h1>
      <form method="get" action={path} class="cr-form">
        <details open={choice.goalIds.length > 0 || choice.organisationIds.length > 0 || undefined}>
          <summary>{t("compiled.form.legend")}</summary>
          <div class="cr-form__row">
            <ChoiceGroup
              ctx={ctx}
              name="mal"
              legend={t("compiled.form.goals", { goals: goalsWord })}
              hint={t("compiled.form.goalsHint")}
              options={report.choices.goals.map((g) => ({ value: g.id, label: g.label }))}
              values={choice.goalIds}
              errors={{}}
            />
            <ChoiceGroup
              ctx={ctx}
              name="organisation"
              legend={t("compiled.form.organisations")}
              hint={t("compiled.form.goalsHint")}
              options={report.choices.organisations.map((o) => ({ value: o.id, label: o.name }))}
              values={choice.organisationIds}
              errors={{}}
            />
          </div>
        </details>
        <div class="cr-form__row">
          <ChoiceGroup
            ctx={ctx}
            name="utkast"
            legend={t("compiled.form.drafts")}
            options={[{ value: "1", label: t("compiled.form.includeDrafts") }]}
            values={choice.includeDrafts ? ["1"] : []}
            errors={{}}
          />
          <ChoiceGroup
            ctx={ctx}
            name="sprak"
            type="radio"
            legend={t("compiled.form.language")}
            options={[{ value: "sv", label: t("compiled.lang.sv") }, { value: "en", label: t("compiled.lang.en") }]}
            values={[choice.language]}
            errors={{}}
          />
        </div>
        <button type="submit" class="button">
          {t("compiled.form.show")}
        </button>
      </form>
      <p class="cr-downloads">
        <span>{t("compiled.download")}:</span>
        <a href={`${path}?${compiledQuery(choice, "docx")}`} download>
          {t("compiled.downloadDocx")}
        </a>
        <a href={`${path}?${compiledQuery(choice, "pdf")}`} download>
          {t("compiled.downloadPdf")}
        </a>
      </p>
      <div lang={report.locale !== ctx.locale ? report.locale : undefined}>
        <CompiledReportContent report={report} standalone={false} />
      </div>
    </Layout>
  );
}
