// "Skapa en arbetsyta": name, address and the language of the content, for system administrators.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, TextField, type FieldErrors } from "../../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData } from "../../../components/form-choices.tsx";
import { pageTitle } from "./parts.tsx";
import { psLinks } from "./links.ts";

export interface WorkspaceFormValues {
  name: string;
  slug: string;
  defaultLocale: string;
}

export const WORKSPACE_FORM_ORDER = ["name", "slug", "defaultLocale", "confirmPersonalData"];

export function WorkspaceNewPage(props: { ctx: PageContext; values: WorkspaceFormValues; errors: FieldErrors; askConfirm: boolean }) {
  const { ctx, values, errors } = props;
  const title = ctx.t("ps.workspaceNew.title");
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} crumbs={[{ label: ctx.t("account.title"), href: "/konto" }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={WORKSPACE_FORM_ORDER} />
      <p class="lead">{ctx.t("ps.workspaceNew.intro")}</p>
      <PostForm ctx={ctx} action={psLinks.newWorkspace()} class="form" novalidate>
        <TextField ctx={ctx} name="name" label={ctx.t("ps.workspace.name")} hint={ctx.t("ps.workspace.nameHint")} value={values.name} errors={errors} required />
        <TextField ctx={ctx} name="slug" label={ctx.t("ps.workspace.slug")} hint={ctx.t("ps.workspace.slugHint")} value={values.slug} errors={errors} />
        <ChoiceGroup
          ctx={ctx}
          name="defaultLocale"
          type="radio"
          legend={ctx.t("ps.workspace.defaultLocale")}
          hint={ctx.t("ps.workspace.defaultLocaleHint")}
          options={[{ value: "sv", label: ctx.t("ps.locale.sv") }, { value: "en", label: ctx.t("ps.locale.en") }]}
          values={[values.defaultLocale]}
          errors={errors}
        />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <button type="submit" class="button">
          {ctx.t("ps.workspaceNew.submit")}
        </button>
      </PostForm>
    </Layout>
  );
}
