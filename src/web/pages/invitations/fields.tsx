// Form parts the invitations pages need beyond components/form.tsx: a select with the same error pattern as
// TextField (label, hint, message joined by aria-describedby), and a read-only field holding a link to copy.
import type { PageContext } from "../../context.ts";
import type { FieldErrors } from "../../components/form.tsx";

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: {
  ctx: PageContext;
  name: string;
  label: string;
  options: Option[];
  value?: string;
  hint?: string;
  errors: FieldErrors;
  required?: boolean;
}) {
  const error = props.errors[props.name];
  const describedBy = [props.hint && `${props.name}-hint`, error && `${props.name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <p class="field__hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t("form.errorPrefix")}</span> {error}
        </p>
      )}
      <select id={props.name} name={props.name} aria-describedby={describedBy} aria-invalid={error ? "true" : undefined} required={props.required}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === (props.value ?? "")}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A link shown for copying: read-only, selectable, with a visible label. */
export function CopyField(props: { name: string; label: string; value: string; hint?: string }) {
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <p class="field__hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      <input id={props.name} type="text" readOnly value={props.value} aria-describedby={props.hint ? `${props.name}-hint` : undefined} spellcheck={false} />
    </div>
  );
}

/** "8 november 2026 kl. 14:05" / "8 November 2026 at 14:05", in Swedish time: when a link stops working. */
export function formatDateTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "sv-SE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(date);
}
