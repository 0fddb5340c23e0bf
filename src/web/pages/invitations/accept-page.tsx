// Accepting an invitation (/inbjudan/:token): a new person chooses name and password; a person with an account
// enters their password. The address is the invitation's and cannot be changed here.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { ErrorSummary, NewPasswordFields, PostForm, TextField, type FieldErrors } from "../../components/form.tsx";
import { MIN_PASSWORD_LENGTH } from "../../../domain/password.ts";

export function AcceptInvitationPage(props: {
  ctx: PageContext;
  action: string;
  /** "You are invited to … with the role …". */
  summary: string;
  email: string;
  existingAccount: boolean;
  values?: { name?: string };
  errors?: FieldErrors;
}) {
  const { ctx, email } = props;
  const errors = props.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const title = ctx.t("invitation.accept.title");
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["name", "password", "passwordAgain"]} />
      <p>{props.summary}</p>
      {props.existingAccount ? (
        <>
          <p>{ctx.t("invitation.accept.existingIntro", { email })}</p>
          <PostForm ctx={ctx} action={props.action} class="form" novalidate>
            <TextField
              ctx={ctx}
              name="password"
              type="password"
              label={ctx.t("invitation.accept.currentPassword")}
              autocomplete="current-password"
              errors={errors}
              required
            />
            <button type="submit" class="button">
              {ctx.t("invitation.accept.submitExisting")}
            </button>
          </PostForm>
          <p>
            <a href="/glomt-losenord">{ctx.t("invitation.accept.forgot")}</a>
          </p>
        </>
      ) : (
        <>
          <p>{ctx.t("invitation.accept.newIntro", { email })}</p>
          <PostForm ctx={ctx} action={props.action} class="form" novalidate>
            <TextField
              ctx={ctx}
              name="name"
              label={ctx.t("invitation.accept.name")}
              hint={ctx.t("invitation.accept.nameHint")}
              value={props.values?.name}
              autocomplete="name"
              errors={errors}
              required
            />
            <NewPasswordFields
              ctx={ctx}
              label={ctx.t("invitation.accept.password")}
              labelAgain={ctx.t("invitation.accept.passwordAgain")}
              hint={ctx.t("invitation.accept.passwordHint", { min: MIN_PASSWORD_LENGTH })}
              errors={errors}
            />
            <button type="submit" class="button">
              {ctx.t("invitation.accept.submitNew")}
            </button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}
