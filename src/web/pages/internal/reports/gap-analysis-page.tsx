// The gap analysis page: per section a heading with its count, each line a link to the thing, "Inga luckor" when a
// section is empty; a choice of round and the CSV links.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { SelectField } from "../../../components/form.tsx";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import type { GapAnalysis } from "../../../../reports/gap-analysis/collect.ts";
import { contentLang } from "../../public/labels.ts";
import { links } from "../../public/links.ts";

export const gapLinks = {
  page: (ws: string, plan: string) => `/${ws}/planer/${plan}/analys`,
  csv: (ws: string, plan: string) => `/${ws}/planer/${plan}/analys.csv`,
};

export function GapAnalysisPage(props: { ctx: PageContext; analysis: GapAnalysis }) {
  const { ctx, analysis } = props;
  const { t } = ctx;
  const { workspace, plan, round } = analysis;
  const lang = contentLang(ctx, workspace);
  const measures = vocabularyLabel(plan.vocabulary, "measure", ctx.locale, "other").toLocaleLowerCase(ctx.locale === "sv" ? "sv-SE" : "en-GB");
  const page = gapLinks.page(workspace.slug, plan.slug);
  const roundQuery = round ? `?uppfoljning=${encodeURIComponent(round.slug)}` : "";
  const csv = `${gapLinks.csv(workspace.slug, plan.slug)}${roundQuery}`;
  return (
    <Layout
      ctx={ctx}
      title={t("gap.title")}
      crumbs={[
        { label: workspace.name, href: `/#${workspace.slug}` },
        { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang },
        { label: t("gap.title") },
      ]}
    >
      <p class="eyebrow" lang={lang}>
        {plan.name}
      </p>
      <h1>{t("gap.title")}</h1>
      <p>
        {t("gap.intro", { measures })} {analysis.activityRule}
      </p>
      <p>{round ? t("gap.roundShown", { round: round.name }) : t("gap.noRound")}</p>
      {analysis.rounds.length > 1 && (
        <form method="get" action={page} class="board-filter overview-filter">
          <fieldset class="overview-filter__fields">
            <legend class="board-filter__heading">{t("gap.roundLegend")}</legend>
            <SelectField
              ctx={ctx}
              name="uppfoljning"
              label={t("gap.roundLabel")}
              options={analysis.rounds.map((r) => ({ value: r.slug, label: r.name }))}
              value={round?.slug ?? ""}
              errors={{}}
            />
            <button type="submit" class="button button--secondary">
              {t("gap.roundSubmit")}
            </button>
          </fieldset>
        </form>
      )}
      <p class="tools">
        <a href={csv} download>
          {t("gap.csvLink")}
        </a>{" "}
        <a href={`${csv}${roundQuery ? "&" : "?"}avgransare=semikolon`} download>
          {t("gap.csvLinkSemicolon")}
        </a>
      </p>
      <p>{t("gap.total", { count: analysis.total })}</p>
      {analysis.sections.map((section, i) => {
        const id = `gap-${section.key}${section.taxonomyKey ? `-${section.taxonomyKey}` : ""}`;
        return (
          <section key={i} aria-labelledby={id} class="gap-section">
            <h2 id={id}>
              {section.heading}
              {!section.unavailable && <span class="gap-section__count"> ({t("gap.count", { count: section.lines.length })})</span>}
            </h2>
            {section.rule && <p class="muted">{section.rule}</p>}
            {section.unavailable ? (
              <p>{section.unavailable}</p>
            ) : section.lines.length === 0 ? (
              <p>{t("gap.none")}</p>
            ) : (
              <ul class="gap-list">
                {section.lines.map((line, j) => (
                  <li key={j}>
                    <a href={line.href}>
                      {line.kind}
                      {line.number ? ` ${line.number}` : ""}: <span lang={lang}>{line.name}</span>
                    </a>
                    {line.detail && <span class="muted"> – {line.detail}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
