// Form building blocks with the error pattern of design.md: an error summary (role="alert", right after the h1 so
// headings stay in order) linking to each field,
// the message at the field joined by aria-describedby, and the CSRF token every form carries.
import type { ComponentChildren } from "preact";
import type { PageContext } from "../context.ts";

/** Field name → message, in the user's language. */
export type FieldErrors = Record<string, string>;

export function ErrorSummary(props: { ctx: PageContext; errors: FieldErrors; order?: string[] }) {
  const names = props.order?.filter((n) => props.errors[n]) ?? Object.keys(props.errors);
  if (names.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus>
      <h2 id="error-summary-title">{props.ctx.t("form.errorSummary")}</h2>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <a href={`#${name}`}>{props.errors[name]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TextField(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value?: string;
  type?: "text" | "email" | "password";
  autocomplete?: string;
  hint?: string;
  errors: FieldErrors;
  required?: boolean;
}) {
  const error = props.errors[props.name];
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.name}>{props.label}</label>
      <FieldMessages ctx={props.ctx} name={props.name} hint={props.hint} error={error} />
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        value={props.type === "password" ? "" : (props.value ?? "")}
        autoComplete={props.autocomplete}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? "true" : undefined}
        required={props.required}
      />
    </div>
  );
}

/** A POST form with the CSRF token; `ctx.csrf` is set by routes that render forms. */
export function PostForm(props: { ctx: PageContext; action: string; class?: string; children: ComponentChildren; novalidate?: boolean }) {
  return (
    <form method="post" action={props.action} class={props.class} noValidate={props.novalidate}>
      <input type="hidden" name="_csrf" value={props.ctx.csrf ?? ""} />
      {props.children}
    </form>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function describedBy(name: string, hint: string | undefined, error: string | undefined) {
  return [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ") || undefined;
}

/** The hint and the error message of a field, with the ids that aria-describedby points at. */
export function FieldMessages(props: { ctx: PageContext; name: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {props.hint && (
        <p class="field__hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field__error" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t("form.errorPrefix")}</span> {props.error}
        </p>
      )}
    </>
  );
}

export function SelectField(props: {
  ctx: PageContext;
  name: string;
  label: string;
  options: Option[];
  /** A first option with the value "" (no choice), under this label. */
  emptyLabel?: string;
  value?: string;
  hint?: string;
  errors: FieldErrors;
  required?: boolean;
}) {
  const error = props.errors[props.name];
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.name}>{props.label}</label>
      <FieldMessages ctx={props.ctx} name={props.name} hint={props.hint} error={error} />
      <select id={props.name} name={props.name} aria-describedby={describedBy(props.name, props.hint, error)} aria-invalid={error ? "true" : undefined} required={props.required}>
        {(props.emptyLabel === undefined ? props.options : [{ value: "", label: props.emptyLabel }, ...props.options]).map((option) => (
          <option key={option.value} value={option.value} selected={option.value === (props.value ?? "")}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DateField(props: { ctx: PageContext; name: string; label: string; value: string; hint?: string; errors: FieldErrors }) {
  const error = props.errors[props.name];
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.name}>{props.label}</label>
      <FieldMessages ctx={props.ctx} name={props.name} hint={props.hint} error={error} />
      <input
        id={props.name}
        name={props.name}
        type="date"
        value={props.value}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? "true" : undefined}
      />
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

/** A new password typed twice (accepting an invitation, resetting a password, setting up): names password, passwordAgain. */
export function NewPasswordFields(props: { ctx: PageContext; label: string; labelAgain: string; hint: string; errors: FieldErrors }) {
  return (
    <>
      <TextField ctx={props.ctx} name="password" type="password" label={props.label} hint={props.hint} autocomplete="new-password" errors={props.errors} required />
      <TextField ctx={props.ctx} name="passwordAgain" type="password" label={props.labelAgain} autocomplete="new-password" errors={props.errors} required />
    </>
  );
}
