// The activity's texts as a form: the version it was opened at travels with it, so a save over someone else's
// newer save is caught (409) and shown side by side instead of overwriting.
import type { PageContext } from "../../context.ts";
import { Layout, type Crumb } from "../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../components/form.tsx";
import type { ActivityTexts } from "../../../commands/update-activity.ts";

export interface ActivityEditProps {
  ctx: PageContext;
  crumbs: Crumb[];
  heading: string;
  action: string;
  version: number;
  values: ActivityTexts;
  errors: FieldErrors;
  /** Likely personal data was found: show the confirmation box. */
  askConfirm: boolean;
  /** Set after a conflict: what the other person saved. */
  theirs?: ActivityTexts;
}

function TextArea(props: { ctx: PageContext; name: keyof ActivityTexts; label: string; value: string; errors: FieldErrors; rows: number; theirs?: string }) {
  const error = props.errors[props.name];
  const ids = [props.theirs !== undefined && `${props.name}-theirs`, error && `${props.name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={props.name}>{props.label}</label>
      {props.theirs !== undefined && (
        <div class="conflict-theirs" id={`${props.name}-theirs`}>
          <p class="conflict-theirs__label">{props.ctx.t("conflict.theirs")}</p>
          <p class="conflict-theirs__text">{props.theirs || props.ctx.t("conflict.empty")}</p>
        </div>
      )}
      {error && (
        <p class="field__error" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t("form.errorPrefix")}</span> {error}
        </p>
      )}
      <textarea id={props.name} name={props.name} rows={props.rows} aria-describedby={ids} aria-invalid={error ? "true" : undefined}>
        {props.value}
      </textarea>
    </div>
  );
}

export function ActivityEditPage(props: ActivityEditProps) {
  const { ctx, errors } = props;
  const title = ctx.t("activity.edit.title", { name: props.heading });
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["version", "title", "description", "childRights", "confirmPersonalData"]} />
      {props.theirs && <p class="notice">{ctx.t("conflict.explain")}</p>}
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        <TextArea ctx={ctx} name="title" label={ctx.t("activity.edit.titleLabel")} value={props.values.title} errors={errors} rows={3} theirs={props.theirs?.title} />
        <TextArea ctx={ctx} name="description" label={ctx.t("activity.edit.descriptionLabel")} value={props.values.description} errors={errors} rows={8} theirs={props.theirs?.description} />
        <TextArea ctx={ctx} name="childRights" label={ctx.t("activity.edit.childRightsLabel")} value={props.values.childRights} errors={errors} rows={4} theirs={props.theirs?.childRights} />
        {props.askConfirm && (
          <div class={errors.confirmPersonalData ? "field field--error" : "field"}>
            {errors.confirmPersonalData && (
              <p class="field__error" id="confirmPersonalData-error">
                <span class="visually-hidden">{ctx.t("form.errorPrefix")}</span> {errors.confirmPersonalData}
              </p>
            )}
            <input type="checkbox" id="confirmPersonalData" name="confirmPersonalData" value="1" aria-describedby={errors.confirmPersonalData ? "confirmPersonalData-error" : undefined} />{" "}
            <label for="confirmPersonalData">{ctx.t("personalData.confirm")}</label>
          </div>
        )}
        <button type="submit" class="button">
          {ctx.t("activity.edit.save")}
        </button>
      </PostForm>
    </Layout>
  );
}
