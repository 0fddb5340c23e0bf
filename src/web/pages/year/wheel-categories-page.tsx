// The wheel's categories: one ring each, in its colour. Rename or recolour one, add one, remove one — a category that
// events use is archived instead (they keep it), and an archived one can be brought back.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../components/form.tsx";
import type { Workspace } from "../../../queries/plan-graph.ts";
import { yearLinks } from "./links.ts";

export interface CategoryRow {
  id: string;
  name: string;
  colour: string;
  archived: boolean;
  events: number;
}

export interface WheelCategoriesPageProps {
  ctx: PageContext;
  workspace: Workspace;
  categories: CategoryRow[];
  /** The form that failed ("new" or a category id) with what was typed. */
  failed: { form: string; name: string; colour: string } | null;
  errors: FieldErrors;
  askConfirm: boolean;
}

function ColourField(props: { ctx: PageContext; id: string; value: string; errors: FieldErrors }) {
  const error = props.errors.colour;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={`${props.id}-colour`}>{props.ctx.t("wheel.category.colour")}</label>
      {error && (
        <p class="field__error" id={`${props.id}-colour-error`}>
          {error}
        </p>
      )}
      <input type="color" id={`${props.id}-colour`} name="colour" value={props.value} aria-describedby={error ? `${props.id}-colour-error` : undefined} />
    </div>
  );
}

export function WheelCategoriesPage(props: WheelCategoriesPageProps) {
  const { ctx, workspace, categories, failed, errors } = props;
  const { t } = ctx;
  const ws = workspace.slug;
  const title = t("wheel.category.title");
  const errorsFor = (form: string) => (failed?.form === form ? errors : {});
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: workspace.name, href: `/#${ws}` }, { label: t("wheel.titleShort"), href: yearLinks.wheel(ws) }, { label: title }]}>
      <p class="eyebrow">{workspace.name}</p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [failed?.form === "new" ? `new-${k}` : `${failed?.form}-${k}`, v]))} />
      <p>{t("wheel.category.intro")}</p>
      <ul class="category-list">
        {categories.map((c) => (
          <li key={c.id} class="category-list__item" id={`kategori-${c.id}`}>
            <h2 class="category-list__name">
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <circle cx="8" cy="8" r="8" fill={c.colour} />
              </svg>{" "}
              {c.name} {c.archived && <span class="badge">{t("wheel.category.archived")}</span>}
            </h2>
            <p class="muted">{t("wheel.category.usedBy", { count: c.events })}</p>
            {c.archived ? (
              <PostForm ctx={ctx} action={yearLinks.categoryRestore(ws, c.id)}>
                <button type="submit" class="button button--secondary">
                  {t("wheel.category.restore")}
                </button>
              </PostForm>
            ) : (
              <>
                <PostForm ctx={ctx} action={yearLinks.category(ws, c.id)} class="form form--inline" novalidate>
                  <FieldsFor ctx={ctx} id={c.id} name={failed?.form === c.id ? failed.name : c.name} colour={failed?.form === c.id ? failed.colour : c.colour} errors={errorsFor(c.id)} />
                  <button type="submit" class="button button--secondary">
                    {t("form.save")}
                  </button>
                </PostForm>
                <PostForm ctx={ctx} action={yearLinks.categoryRemove(ws, c.id)}>
                  <button type="submit" class="link-button">
                    {c.events > 0 ? t("wheel.category.archive") : t("wheel.category.remove")}
                  </button>
                </PostForm>
              </>
            )}
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-category" class="panel">
        <h2 id="new-category">{t("wheel.category.add")}</h2>
        <PostForm ctx={ctx} action={yearLinks.categories(ws)} class="form form--inline" novalidate>
          <FieldsFor ctx={ctx} id="new" name={failed?.form === "new" ? failed.name : ""} colour={failed?.form === "new" ? failed.colour : "#0072b2"} errors={errorsFor("new")} />
          <button type="submit" class="button">
            {t("wheel.category.create")}
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}

function FieldsFor(props: { ctx: PageContext; id: string; name: string; colour: string; errors: FieldErrors }) {
  const errors = props.errors;
  return (
    <>
      <div class={errors.name ? "field field--error" : "field"}>
        <label for={`${props.id}-name`}>{props.ctx.t("wheel.category.name")}</label>
        {errors.name && (
          <p class="field__error" id={`${props.id}-name-error`}>
            {errors.name}
          </p>
        )}
        <input type="text" id={`${props.id}-name`} name="name" value={props.name} aria-describedby={errors.name ? `${props.id}-name-error` : undefined} />
      </div>
      <ColourField ctx={props.ctx} id={props.id} value={props.colour} errors={errors} />
      {/* The personal-data box is not offered here: a category name is a short label. */}
      <input type="hidden" name="confirmPersonalData" value="" />
    </>
  );
}
