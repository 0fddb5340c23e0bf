// Figures as a read-only table (last round's, beside this round's form): measure, value with its qualifier, baseline,
// target and year.
import type { PageContext } from "../../../context.ts";
import { formatNumber } from "../../../i18n/index.ts";
import type { Figure } from "../../../../queries/plan-graph.ts";
import { figureValue } from "../../public/labels.ts";

export function FigureTable(props: { ctx: PageContext; figures: Figure[]; caption: string }) {
  const { ctx } = props;
  const number = (n: number | null) => (n === null ? "–" : formatNumber(n, ctx.locale));
  return (
    <table class="data-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{ctx.t("figure.name")}</th>
          <th scope="col">{ctx.t("figure.value")}</th>
          <th scope="col">{ctx.t("figure.baseline")}</th>
          <th scope="col">{ctx.t("figure.target")}</th>
          <th scope="col">{ctx.t("figure.year")}</th>
        </tr>
      </thead>
      <tbody>
        {props.figures.map((f) => (
          <tr key={f.id}>
            <th scope="row">{f.name}</th>
            <td>{figureValue(ctx, f)}</td>
            <td>{number(f.baseline)}</td>
            <td>{number(f.target)}</td>
            <td>{f.year ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
