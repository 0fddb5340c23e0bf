// Password reset: the request form (/glomt-losenord), whose answer never tells whether the address has an account,
// and the form that sets the new password (/aterstall-losenord/:token).
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { ErrorSummary, NewPasswordFields, PostForm, TextField, type FieldErrors } from "../../components/form.tsx";
import { MIN_PASSWORD_LENGTH } from "../../../domain/password.ts";

export const FORGOT_PATH = "/glomt-losenord";

export function ForgotPasswordPage(props: { ctx: PageContext; email?: string; errors?: FieldErrors }) {
  const { ctx } = props;
  const errors = props.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const title = ctx.t("passwordReset.forgot.title");
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={[{ label: ctx.t("login.title"), href: "/logga-in" }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["email"]} />
      <p>{ctx.t("passwordReset.forgot.intro")}</p>
      <PostForm ctx={ctx} action={FORGOT_PATH} class="form" novalidate>
        <TextField ctx={ctx} name="email" type="email" label={ctx.t("passwordReset.forgot.email")} value={props.email} autocomplete="username" errors={errors} required />
        <button type="submit" class="button">
          {ctx.t("passwordReset.forgot.submit")}
        </button>
      </PostForm>
    </Layout>
  );
}

export function ResetPasswordPage(props: { ctx: PageContext; action: string; email: string; errors?: FieldErrors }) {
  const { ctx } = props;
  const errors = props.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const title = ctx.t("passwordReset.reset.title");
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["password", "passwordAgain"]} />
      <p>{ctx.t("passwordReset.reset.intro", { email: props.email })}</p>
      <PostForm ctx={ctx} action={props.action} class="form" novalidate>
        <NewPasswordFields
          ctx={ctx}
          label={ctx.t("passwordReset.reset.password")}
          labelAgain={ctx.t("passwordReset.reset.passwordAgain")}
          hint={ctx.t("invitation.accept.passwordHint", { min: MIN_PASSWORD_LENGTH })}
          errors={errors}
        />
        <button type="submit" class="button">
          {ctx.t("passwordReset.reset.submit")}
        </button>
      </PostForm>
    </Layout>
  );
}
