// Links from the plan page's internal tools to the gap analysis and the CSV/Excel exports.
import type { PageContext } from "../../../context.ts";
import { gapLinks } from "./gap-analysis-page.tsx";

export function ExportLinks(props: { ctx: PageContext; ws: string; plan: string }) {
  const { ctx, ws, plan } = props;
  const { t } = ctx;
  const base = `/${ws}/planer/${plan}/export`;
  return (
    <>
      {" "}
      <a href={gapLinks.page(ws, plan)}>{t("gap.linkFromPlan")}</a>{" "}
      <span class="export-links">
        {t("export.linksLabel")} <a href={`${base}/aktiviteter.csv`}>{t("export.link.activities")}</a>,{" "}
        <a href={`${base}/rapporter.csv`}>{t("export.link.reports")}</a>, <a href={`${base}/siffror.csv`}>{t("export.link.figures")}</a>,{" "}
        <a href={`${base}/organisationer.csv`}>{t("export.link.organisations")}</a>, <a href={`${base}/samverka.xlsx`}>{t("export.link.xlsx")}</a>
      </span>
    </>
  );
}
