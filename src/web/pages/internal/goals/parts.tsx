// Pieces the goal and taxonomy pages share: an ordered list with move, archive and restore buttons (small POST forms,
// each named after its row so a screen reader's list of buttons says which row), a one-line field that shows the
// other person's value after a conflict, and the conflict notice the error summary links to.
import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../context.ts";
import { describedBy, FieldMessages, PostForm, type FieldErrors } from "../../../components/form.tsx";

export interface ManagedItem {
  id: string;
  /** Plain text naming the row, for the buttons' accessible names ("Flytta upp: 1 Förebygga våld"). */
  name: string;
  /** What the row shows (may carry a lang attribute). */
  label: ComponentChildren;
  /** Where its edit page is (the label links there). */
  href?: string;
  /** One line under the label: counts, a flag. */
  meta?: ComponentChildren;
  /** The row's address; "/flytta", "/arkivera", "/aterstall" are added. */
  actions: string;
  /** For an archived row: where its history is read. */
  history?: string | undefined;
}

function HiddenBack(props: { back: string }) {
  return <input type="hidden" name="tillbaka" value={props.back} />;
}

/** A small POST button whose accessible name starts with its visible words and names the row. */
export function RowButton(props: { ctx: PageContext; action: string; text: string; name: string; back: string; fields?: Record<string, string>; secondary?: boolean }) {
  return (
    <PostForm ctx={props.ctx} action={props.action}>
      <HiddenBack back={props.back} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.secondary === false ? "button button--small" : "button button--secondary button--small"} aria-label={props.name}>
        {props.text}
      </button>
    </PostForm>
  );
}

/** The live rows in order, with move up/down (where there is room) and archive. */
export function ManageList(props: { ctx: PageContext; items: ManagedItem[]; back: string; empty: string; id?: string }) {
  const { ctx, items } = props;
  if (items.length === 0) return <p id={props.id}>{props.empty}</p>;
  return (
    <ol class="manage-list" id={props.id}>
      {items.map((item, index) => (
        <li key={item.id}>
          <div class="manage-list__item">
            {item.href ? <a href={item.href}>{item.label}</a> : <span>{item.label}</span>}
            {item.meta && <p class="manage-list__meta">{item.meta}</p>}
          </div>
          <div class="manage-list__actions">
            {index > 0 && (
              <RowButton ctx={ctx} action={`${item.actions}/flytta`} fields={{ direction: "up" }} back={props.back} text={ctx.t("form.moveUp")} name={ctx.t("form.moveUpNamed", { name: item.name })} />
            )}
            {index < items.length - 1 && (
              <RowButton
                ctx={ctx} action={`${item.actions}/flytta`} fields={{ direction: "down" }} back={props.back} text={ctx.t("form.moveDown")}
                name={ctx.t("form.moveDownNamed", { name: item.name })}
              />
            )}
            <RowButton ctx={ctx} action={`${item.actions}/arkivera`} back={props.back} text={ctx.t("form.archive")} name={ctx.t("form.archiveNamed", { name: item.name })} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Archived rows under their own heading, each with "restore". Nothing when there are none. */
export function ArchivedList(props: { ctx: PageContext; items: ManagedItem[]; back: string; heading: string; headingLevel?: 2 | 3 }) {
  const { ctx, items } = props;
  if (items.length === 0) return null;
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <>
      <Heading>{props.heading}</Heading>
      <ul class="manage-list manage-list--archived">
        {items.map((item) => (
          <li key={item.id}>
            <div class="manage-list__item">
              <span>{item.label}</span> <span class="tag">{ctx.t("form.archivedTag")}</span>
              {item.meta && <p class="manage-list__meta">{item.meta}</p>}
            </div>
            <div class="manage-list__actions">
              {item.history && (
                <a href={item.history} aria-label={ctx.t("goalsAdmin.historyNamed", { name: item.name })}>
                  {ctx.t("history.crumb")}
                </a>
              )}
              <RowButton ctx={ctx} action={`${item.actions}/aterstall`} back={props.back} text={ctx.t("goalsAdmin.restore")} name={ctx.t("goalsAdmin.restoreNamed", { name: item.name })} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** After a conflict: what the other person saved, shown above the field that still holds this person's value. */
export function Theirs(props: { ctx: PageContext; name: string; value: string }) {
  return (
    <div class="conflict-theirs" id={`${props.name}-theirs`}>
      <p class="conflict-theirs__label">{props.ctx.t("conflict.theirs")}</p>
      <p class="conflict-theirs__text">{props.value || props.ctx.t("conflict.empty")}</p>
    </div>
  );
}

/** A one-line text field; after a conflict it shows the other person's value too. */
export function LineField(props: { ctx: PageContext; name: string; label: string; value: string; errors: FieldErrors; hint?: string | undefined; theirs?: string | undefined; lang?: string }) {
  const error = props.errors[props.name];
  const ids = [props.theirs !== undefined && `${props.name}-theirs`, describedBy(props.name, props.hint, error)].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.name}>{props.label}</label>
      {props.theirs !== undefined && <Theirs ctx={props.ctx} name={props.name} value={props.theirs} />}
      <FieldMessages ctx={props.ctx} name={props.name} hint={props.hint} error={error} />
      <input id={props.name} name={props.name} type="text" value={props.value} lang={props.lang} aria-describedby={ids} aria-invalid={error ? "true" : undefined} />
    </div>
  );
}

/** Shown after a conflict; the error summary's "version" link lands here. */
export function ConflictNotice(props: { ctx: PageContext; show: boolean }) {
  if (!props.show) return null;
  return (
    <p class="notice" id="version" tabIndex={-1}>
      {props.ctx.t("conflict.explain")}
    </p>
  );
}

/** Save and cancel. */
export function FormButtons(props: { ctx: PageContext; submit: string; cancel: string }) {
  return (
    <div class="form-buttons">
      <button type="submit" class="button">
        {props.submit}
      </button>{" "}
      <a href={props.cancel}>{props.ctx.t("form.cancel")}</a>
    </div>
  );
}

/** Hidden fields every edit form carries. */
export function FormState(props: { version?: number; back: string }) {
  return (
    <>
      {props.version !== undefined && <input type="hidden" name="version" value={String(props.version)} />}
      <input type="hidden" name="tillbaka" value={props.back} />
    </>
  );
}
