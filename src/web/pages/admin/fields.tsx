// Building blocks of the admin pages: a select and a date field in the form pattern of components/form.tsx, the
// date-and-time format of the log, and a look-up for messages whose keys come from data (audit actions, types).
import type { PageContext } from "../../context.ts";
import type { FieldErrors } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import { sv } from "../../i18n/sv.ts";

/** The catalog has a message under this key (both catalogs have the same keys, checked by their types). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, key);
}

/** The message under `key`, or `fallback` when the catalog has none (an action or type from newer code or data). */
export function messageOr(ctx: PageContext, key: string, fallback: string): string {
  return hasMessage(key) ? ctx.t(key) : fallback;
}

export function formatDateTime(date: Date, ctx: PageContext): string {
  return new Intl.DateTimeFormat(ctx.locale === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm",
  }).format(date);
}

function describedBy(name: string, hint: string | undefined, error: string | undefined) {
  return [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ") || undefined;
}

function FieldMessages(props: { ctx: PageContext; name: string; hint?: string | undefined; error?: string | undefined }) {
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
  value: string;
  /** The first option, with the value "": no choice. */
  emptyLabel: string;
  options: Array<{ value: string; label: string }>;
  errors: FieldErrors;
}) {
  const error = props.errors[props.name];
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.name}>{props.label}</label>
      <FieldMessages ctx={props.ctx} name={props.name} error={error} />
      <select id={props.name} name={props.name} aria-describedby={describedBy(props.name, undefined, error)} aria-invalid={error ? "true" : undefined}>
        <option value="" selected={props.value === ""}>
          {props.emptyLabel}
        </option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
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
