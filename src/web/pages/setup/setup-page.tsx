// The one-time setup form of an empty install: name, e-mail address and password (twice) of the first system
// administrator, with the error pattern on failure.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { ErrorSummary, NewPasswordFields, PostForm, TextField, type FieldErrors } from "../../components/form.tsx";
import { MIN_PASSWORD_LENGTH } from "../../../domain/password.ts";

export function SetupPage(props: { ctx: PageContext; values?: { name?: string; email?: string }; errors?: FieldErrors }) {
  const { ctx } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const title = ctx.t("setup.title");
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["name", "email", "password", "passwordAgain"]} />
      <p>{ctx.t("setup.intro")}</p>
      <p>{ctx.t("setup.once")}</p>
      <PostForm ctx={ctx} action="/installation" class="form" novalidate>
        <TextField ctx={ctx} name="name" label={ctx.t("setup.name")} value={values.name} autocomplete="name" errors={errors} required />
        <TextField ctx={ctx} name="email" type="email" label={ctx.t("setup.email")} value={values.email} autocomplete="username" errors={errors} required />
        <NewPasswordFields
          ctx={ctx}
          label={ctx.t("setup.password")}
          labelAgain={ctx.t("setup.passwordAgain")}
          hint={ctx.t("setup.passwordHint", { min: MIN_PASSWORD_LENGTH })}
          errors={errors}
        />
        <button type="submit" class="button">
          {ctx.t("setup.submit")}
        </button>
      </PostForm>
    </Layout>
  );
}
