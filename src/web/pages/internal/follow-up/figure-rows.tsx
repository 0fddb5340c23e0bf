// The figure rows of an activity report as a table of inputs: name, value, qualifier, unit, as-of date, baseline,
// target and year, with a "remove" box per row and blank rows to add more (no script needed). Every input has its
// own label (visually in the column header, read out per row), and its error under it.
import type { PageContext } from "../../../context.ts";
import type { FieldErrors } from "../../../components/form.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import { QUALIFIERS, type FigureFields } from "../../../../commands/support/figure-input.ts";

const COLUMNS = ["name", "value", "qualifier", "qualifierText", "unit", "asOf", "baseline", "target", "year"] as const;
type Column = (typeof COLUMNS)[number];
const SIZE: Record<Column, number> = { name: 22, value: 7, qualifier: 0, qualifierText: 9, unit: 8, asOf: 0, baseline: 7, target: 7, year: 5 };

export function FigureRows(props: { ctx: PageContext; rows: FigureFields[]; errors: FieldErrors }) {
  const { ctx, rows, errors } = props;
  const label = (c: Column) => ctx.t(`figure.col.${c}` as MessageKey);
  return (
    <fieldset class="figure-rows" id="figures">
      <legend>{ctx.t("figure.legend")}</legend>
      <p class="field__hint">{ctx.t("figure.hint")}</p>
      {errors.figures && (
        <p class="field__error" id="figures-error">
          {errors.figures}
        </p>
      )}
      <div class="table-scroll">
        <table class="data-table figure-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th scope="col" key={c}>
                  {label(c)}
                </th>
              ))}
              <th scope="col">{ctx.t("figure.col.remove")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {COLUMNS.map((c) => {
                  const name = `figures.${i}.${c}`;
                  const error = errors[name];
                  const rowLabel = `${label(c)}, ${ctx.t("figure.row", { n: i + 1 })}`;
                  return (
                    <td key={c} class={error ? "field--error" : undefined}>
                      {c === "qualifier" ? (
                        <select id={name} name={name} aria-label={rowLabel}>
                          {QUALIFIERS.map((q) => (
                            <option key={q} value={q} selected={row.qualifier === q}>
                              {ctx.t(`figure.qualifier.${q}` as MessageKey)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          id={name} name={name} type={c === "asOf" ? "date" : "text"} value={row[c]} size={SIZE[c] || undefined} aria-label={rowLabel}
                          inputMode={c === "value" || c === "baseline" || c === "target" ? "decimal" : c === "year" ? "numeric" : undefined}
                          aria-invalid={error ? "true" : undefined} aria-describedby={error ? `${name}-error` : undefined}
                        />
                      )}
                      {error && (
                        <span class="field__error" id={`${name}-error`}>
                          {error}
                        </span>
                      )}
                    </td>
                  );
                })}
                <td>
                  <input type="hidden" name={`figures.${i}.id`} value={row.id} />
                  {row.id || row.name ? (
                    <input type="checkbox" id={`figures.${i}.remove`} name={`figures.${i}.remove`} value="1" aria-label={ctx.t("figure.removeRow", { n: i + 1, name: row.name })} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
