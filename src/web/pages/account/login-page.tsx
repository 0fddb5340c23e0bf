// The login form: e-mail and password, the error pattern on failure, and where to go back to afterwards.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { ErrorSummary, PostForm, TextField, type FieldErrors } from "../../components/form.tsx";

export function LoginPage(props: { ctx: PageContext; back: string; email?: string; errors?: FieldErrors; notice?: string; needed?: boolean }) {
  const { ctx } = props;
  const errors = props.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const title = ctx.t("login.title");
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["email", "password"]} />
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      {props.needed && <p>{ctx.t("login.needed")}</p>}
      <p>{ctx.t("login.intro")}</p>
      <PostForm ctx={ctx} action="/logga-in" class="form" novalidate>
        <input type="hidden" name="tillbaka" value={props.back} />
        <TextField ctx={ctx} name="email" type="email" label={ctx.t("login.email")} value={props.email} autocomplete="username" errors={errors} required />
        <TextField ctx={ctx} name="password" type="password" label={ctx.t("login.password")} autocomplete="current-password" errors={errors} required />
        <button type="submit" class="button">
          {ctx.t("login.submit")}
        </button>
      </PostForm>
      <p><a href="/glomt-losenord">{ctx.t("login.forgot")}</a></p>
    </Layout>
  );
}
