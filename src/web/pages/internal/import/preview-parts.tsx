// The pieces of the import preview: one recognised measure as a card (include it or not, what will happen to it and
// why, its fields as read, where it stood), one written organisation name with its choice, and the lists of repaired
// words and text that was not recognised.
import type { PageContext } from "../../../context.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type { ProposedActivity, WrittenName } from "../../../../import/proposal/action-plan.ts";
import type { Repair, Unrecognised } from "../../../../import/recognise/draft.ts";
import { whereText } from "./where.ts";

export const includeField = (index: number) => `med-${index}`;
export const nameField = (index: number) => `namn-${index}`;
export const goalField = (number: string) => `mal-${number}`;

export interface Names {
  organisation: (id: string) => string;
  term: (id: string) => string;
  goalWord: string;
}

export function MeasureCard(props: { ctx: PageContext; activity: ProposedActivity; names: Names; lang: string | undefined; disabled: boolean }) {
  const { ctx, activity, names, lang } = props;
  const { t } = ctx;
  const { measure, fields } = activity;
  const label = measure.number ? `${measure.number} ${measure.title}` : measure.title;
  const list = (ids: readonly string[], name: (id: string) => string) => (ids.length ? ids.map(name).join(", ") : t("import.empty"));
  const kindTerms = fields.terms.activity_kind ?? [];
  const levelTerms = fields.terms.prevention_level ?? [];
  const field = includeField(activity.index);
  return (
    <li class="card import-measure" id={`atgard-${activity.index}`}>
      <div class="import-measure__include">
        <input type="checkbox" id={field} name={field} value="1" checked={activity.action !== "skip"} disabled={props.disabled} />{" "}
        <label for={field}>
          {t("import.preview.include")}
          <span class="visually-hidden"> {label}</span>
        </label>
      </div>
      <h3 lang={lang}>
        {measure.number && <span class="manage-list__number">{measure.number} </span>}
        {measure.title}
      </h3>
      {measure.description && (
        <p class="import-measure__description" lang={lang}>
          {measure.description}
        </p>
      )}
      <p class={`import-outcome import-outcome--${activity.action}`}>
        <strong>{t(`import.outcome.${activity.action}` as MessageKey)}</strong>
      </p>
      {activity.blockers.length > 0 && activity.action !== "skip" && (
        <ul class="import-blockers">
          {activity.blockers.map((b) => (
            <li>{t(`import.blocker.${b}` as MessageKey, { goal: names.goalWord.toLocaleLowerCase(), number: measure.number ?? "" })}</li>
          ))}
        </ul>
      )}
      {activity.changes.length > 0 && (
        <ul class="import-changes">
          {activity.changes.map((c) => (
            <li lang={lang}>
              {t("import.change", { field: t(`import.field.${c.field}` as MessageKey), before: c.before || t("import.empty"), after: c.after || t("import.empty") })}
            </li>
          ))}
        </ul>
      )}
      <dl class="import-facts">
        <div>
          <dt>{t("import.col.kind")}</dt>
          <dd>{list(kindTerms, names.term)}</dd>
        </div>
        <div>
          <dt>{t("import.col.responsible")}</dt>
          <dd>{list(fields.responsibleIds, names.organisation)}</dd>
        </div>
        <div>
          <dt>{t("import.col.coResponsible")}</dt>
          <dd>{list(fields.coResponsibleIds, names.organisation)}</dd>
        </div>
        <div>
          <dt>{t("import.col.levels")}</dt>
          <dd>{list(levelTerms, names.term)}</dd>
        </div>
        <div>
          <dt>{t("import.col.where")}</dt>
          <dd>{whereText(ctx, measure.where)}</dd>
        </div>
      </dl>
      {measure.status && (
        <p>{t("import.suggestedStatus", { status: t(`import.status.${measure.status}` as MessageKey), phrase: measure.statusPhrase ?? "" })}</p>
      )}
      {measure.figures.map((figure) => (
        <p lang={lang}>{t("import.suggestedFigure", { phrase: figure.phrase })}</p>
      ))}
    </li>
  );
}

export function NameChoice(props: { ctx: PageContext; name: WrittenName; index: number; organisations: ReadonlyArray<{ id: string; name: string }>; lang: string | undefined; disabled: boolean }) {
  const { ctx, name, index } = props;
  const { t } = ctx;
  const field = nameField(index);
  // A name that matched nothing is offered as new; the user may pick the organisation it is, or skip it.
  const value = name.organisationId ?? (name.how === "corrected" ? "ignore" : "new");
  const options = [
    ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
    { value: "new", label: t("import.name.new") },
    { value: "ignore", label: t("import.name.ignore") },
  ];
  return (
    <li class="import-name">
      <input type="hidden" name={`${field}-skrivet`} value={name.written} />
      <label for={field} lang={props.lang}>
        {t("import.preview.nameLabel", { written: name.written })}
      </label>{" "}
      <span class="import-name__how">({t(`import.name.how.${name.how}` as MessageKey)})</span>
      <select id={field} name={field} disabled={props.disabled}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </li>
  );
}

export function RepairList(props: { ctx: PageContext; repairs: readonly Repair[] }) {
  const { ctx, repairs } = props;
  if (repairs.length === 0) return null;
  // One line per distinct repair, with the first place it was made.
  const distinct = [...new Map(repairs.map((r) => [`${r.from}→${r.to}`, r])).values()];
  return (
    <details class="import-details">
      <summary>{ctx.t("import.preview.repairs", { count: distinct.length })}</summary>
      <p>{ctx.t("import.preview.repairsHint")}</p>
      <ul class="import-repairs">
        {distinct.map((r) => (
          <li>
            {ctx.t("import.preview.repair", { from: r.from, to: r.to })} <span class="import-where">({whereText(ctx, r.where)})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function UnrecognisedList(props: { ctx: PageContext; pieces: readonly Unrecognised[]; lang: string | undefined }) {
  const { ctx, pieces } = props;
  if (pieces.length === 0) return null;
  return (
    <details class="import-details">
      <summary>{ctx.t("import.preview.unrecognised", { count: pieces.length })}</summary>
      <p>{ctx.t("import.preview.unrecognisedHint")}</p>
      <ul class="import-unrecognised">
        {pieces.map((piece) => (
          <li>
            <span class="import-where">{whereText(ctx, piece.where)}:</span> <span lang={props.lang}>{piece.text}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
