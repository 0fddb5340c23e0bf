// The one-time setup page of an empty install (/installation): creates the first system administrator, logs them
// in and sends them to their account page. Once any account exists the page is gone: GET and POST answer 404.
import type { FastifyInstance, FastifyReply } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { renderDocument, type PageNode } from "../../render.ts";
import type { FieldErrors } from "../../components/form.tsx";
import { sessionCookieOptions } from "../../auth/viewer.ts";
import { SetupPage } from "../../pages/setup/setup-page.tsx";
import { MessagePage } from "../../pages/message-page.tsx";
import { SESSION_COOKIE } from "../../../accounts/sessions.ts";
import { checkNewUser, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, type NewUserIssue } from "../../../commands/create-user.ts";
import { AlreadySetUp, hasAnyUser, setUpFirstAdministrator } from "../../../commands/set-up-installation.ts";
import { MIN_PASSWORD_LENGTH } from "../../../domain/password.ts";
import { NotFound } from "../../../domain/errors.ts";

export const SETUP_PATH = "/installation";

/** Anything that is not one string (a missing field, a repeated one) counts as empty; lengths are checked below. */
const text = z.string().catch("");
const setupForm = z.object({ name: text, email: text, password: text, passwordAgain: text });

function html(reply: FastifyReply, page: PageNode, status = 200) {
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(renderDocument(page));
}

function issueMessage(ctx: PageContext, issue: NewUserIssue): string {
  switch (`${issue.field}.${issue.problem}`) {
    case "email.missing":
      return ctx.t("login.emailMissing");
    case "email.tooLong":
      return ctx.t("setup.emailTooLong", { max: MAX_EMAIL_LENGTH });
    case "name.tooLong":
      return ctx.t("setup.nameTooLong", { max: MAX_NAME_LENGTH });
    case "name.identityNumber":
      return ctx.t("account.nameIdentityNumber");
    case "password.missing":
      return ctx.t("setup.passwordMissing");
    case "password.tooShort":
      return ctx.t("setup.passwordTooShort", { min: MIN_PASSWORD_LENGTH });
    case "password.tooLong":
      return ctx.t("setup.passwordTooLong", { max: MAX_PASSWORD_LENGTH });
    case "email.invalid":
    default:
      return ctx.t("login.emailInvalid");
  }
}

export function registerSetupRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;
  // Before the CSRF check and the handler: once an account exists the page does not exist, whatever is sent.
  const onlyWhileEmpty = async () => {
    if (await hasAnyUser(db())) throw new NotFound("setup page");
  };

  app.get(SETUP_PATH, { onRequest: onlyWhileEmpty }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    return html(reply, h(SetupPage, { ctx }));
  });

  app.post(SETUP_PATH, { onRequest: onlyWhileEmpty }, async (request, reply) => {
    const form = setupForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const errors: FieldErrors = {};
    if (!form.name.trim()) errors.name = ctx.t("setup.nameMissing");
    for (const issue of checkNewUser({ email: form.email, name: form.name, password: form.password, systemAdmin: true })) {
      errors[issue.field] ??= issueMessage(ctx, issue);
    }
    if (!errors.password) {
      if (!form.passwordAgain) errors.passwordAgain = ctx.t("setup.passwordAgainMissing");
      else if (form.passwordAgain !== form.password) errors.passwordAgain = ctx.t("setup.passwordMismatch");
    }
    const values = { name: form.name, email: form.email };
    if (Object.keys(errors).length > 0) return html(reply, h(SetupPage, { ctx, values, errors }), 400);

    try {
      const { token, expiresAt } = await setUpFirstAdministrator(db(), { email: form.email, name: form.name, password: form.password });
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(state, expiresAt));
      return reply.redirect("/konto", 303);
    } catch (error) {
      if (!(error instanceof AlreadySetUp)) throw error;
      // Lost a race with another first administrator: nothing was created by this request.
      const done = pageContext(request);
      return html(
        reply,
        h(MessagePage, { ctx: done, title: done.t("setup.doneTitle"), body: done.t("setup.doneBody"), link: { href: "/logga-in", label: done.t("layout.login") } }),
        409,
      );
    }
  });
}
