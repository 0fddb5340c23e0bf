// Fields beyond one line of text: a long text (with the other person's saved text after a conflict), a group of
// checkboxes or radios in a fieldset, and the box that confirms a text was checked for personal data.
import type { PageContext } from "../context.ts";
import { describedBy, FieldMessages, type FieldErrors, type Option } from "./form.tsx";

/** After a conflict: what the other person saved, above the field that still holds this person's text. */
function Theirs(props: { ctx: PageContext; name: string; value: string }) {
  return (
    <div class="conflict-theirs" id={`${props.name}-theirs`}>
      <p class="conflict-theirs__label">{props.ctx.t("conflict.theirs")}</p>
      <p class="conflict-theirs__text">{props.value || props.ctx.t("conflict.empty")}</p>
    </div>
  );
}

export function TextAreaField(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  rows?: number;
  hint?: string;
  /** Set after a conflict: the text saved by someone else. */
  theirs?: string | undefined;
}) {
  const error = props.errors[props.name];
  const ids = [props.theirs !== undefined && `${props.name}-theirs`, describedBy(props.name, props.hint, error)].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.name}>{props.label}</label>
      {props.theirs !== undefined && <Theirs ctx={props.ctx} name={props.name} value={props.theirs} />}
      <FieldMessages ctx={props.ctx} name={props.name} hint={props.hint} error={error} />
      <textarea id={props.name} name={props.name} rows={props.rows ?? 5} aria-describedby={ids} aria-invalid={error ? "true" : undefined}>
        {props.value}
      </textarea>
    </div>
  );
}

/**
 * Checkboxes (several may be chosen) or radios (one), grouped under a legend. The group's id is `name` so the
 * error summary can link to it; the first input gets `name` as id only when there is no group id clash.
 */
export function ChoiceGroup(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  options: Option[];
  /** The chosen values. */
  values: readonly string[];
  type?: "checkbox" | "radio";
  hint?: string;
  errors: FieldErrors;
  /** The fieldset's id for the error summary link (default: the name). */
  id?: string;
}) {
  const error = props.errors[props.name];
  const id = props.id ?? props.name;
  const chosen = new Set(props.values);
  return (
    <fieldset class={error ? "choices field--error" : "choices"} id={id} tabIndex={-1} aria-describedby={describedBy(id, props.hint, error)}>
      <legend>{props.legend}</legend>
      <FieldMessages ctx={props.ctx} name={id} hint={props.hint} error={error} />
      {props.options.length === 0 && <p class="muted">{props.ctx.t("form.noChoices")}</p>}
      {props.options.map((option, index) => (
        <div class="choices__item" key={option.value}>
          <input type={props.type ?? "checkbox"} id={`${id}-${index}`} name={props.name} value={option.value} checked={chosen.has(option.value)} />
          <label for={`${id}-${index}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Shown when a text looks like it holds personal data: the person confirms having checked it. */
export function ConfirmPersonalData(props: { ctx: PageContext; errors: FieldErrors }) {
  const error = props.errors.confirmPersonalData;
  return (
    <div class={error ? "field field--error" : "field"}>
      {error && (
        <p class="field__error" id="confirmPersonalData-error">
          <span class="visually-hidden">{props.ctx.t("form.errorPrefix")}</span> {error}
        </p>
      )}
      <input type="checkbox" id="confirmPersonalData" name="confirmPersonalData" value="1" aria-describedby={error ? "confirmPersonalData-error" : undefined} />{" "}
      <label for="confirmPersonalData">{props.ctx.t("personalData.confirm")}</label>
    </div>
  );
}
