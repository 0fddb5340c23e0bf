// Invitations and password reset over the web:
//   /:ws/personer/bjud-in                          invite (policy "invite"; admins and coordinators)
//   /:ws/personer/inbjudningar                     pending invitations (policy "administerPeople")
//   /:ws/personer/inbjudningar/:id/aterkalla       revoke one (POST)
//   /inbjudan/:token                               accept (anyone holding the link)
//   /glomt-losenord                                ask for a reset link (same answer whether or not the account exists)
//   /aterstall-losenord/:token                     choose a new password
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { renderDocument, type PageNode } from "../../render.ts";
import type { FieldErrors } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import { sessionCookieOptions } from "../../auth/viewer.ts";
import { MessagePage } from "../../pages/message-page.tsx";
import { links } from "../../pages/public/links.ts";
import { InvitePage, InviteResultPage, invitationLinks, type InviteOutcome, type InviteValues } from "../../pages/invitations/invite-page.tsx";
import { PendingInvitationsPage } from "../../pages/invitations/pending-page.tsx";
import { AcceptInvitationPage } from "../../pages/invitations/accept-page.tsx";
import { FORGOT_PATH, ForgotPasswordPage, ResetPasswordPage } from "../../pages/invitations/password-reset-pages.tsx";
import { formatDateTime } from "../../i18n/index.ts";
import { invitationMail, resetMail } from "./mail.ts";
import { LoginThrottles } from "../../../accounts/login-throttle.ts";
import { SESSION_COOKIE } from "../../../accounts/sessions.ts";
import { invitePerson } from "../../../commands/invite-person.ts";
import { acceptInvitation, InvitationUnusable } from "../../../commands/accept-invitation.ts";
import { revokeInvitation } from "../../../commands/revoke-invitation.ts";
import { requestPasswordReset, ResetRequestLimit } from "../../../commands/request-password-reset.ts";
import { resetPassword } from "../../../commands/reset-password.ts";
import { EmailTaken, MAX_EMAIL_LENGTH } from "../../../commands/create-user.ts";
import type { FieldProblem } from "../../../commands/guard-texts.ts";
import { Forbidden, Invalid, LoginRequired, NotFound } from "../../../domain/errors.ts";
import { isRole, type Role } from "../../../domain/roles.ts";
import { can } from "../../../policies/can.ts";
import { findWorkspace, publishedPlans } from "../../../queries/find-plan.ts";
import {
  findInvitationByToken, invitableRoles, organisationChoices, pendingInvitations, type FoundInvitation, type InvitationPurpose,
} from "../../../queries/invitations.ts";
import type { Workspace } from "../../../queries/plan-graph.ts";
import { mailOutbox, workspaces } from "../../../db/schema/index.ts";
import type { Mailer } from "../../../mail/mailer.ts";
import { deliverAfterCommit, mailerOf } from "../../mail-delivery.ts";

/** How long the invite confirmation waits for the SMTP server before saying "on its way" instead of "sent". */
const DELIVERY_WAIT_MS = 15_000;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
const wsParams = z.object({ ws: slug });
const revokeParams = z.object({ ws: slug, id: z.uuid() });
const tokenParams = z.object({ token: z.string().max(200) });
/** Anything that is not one string (a missing field, a repeated one) counts as empty. */
const text = z.string().catch("");
const inviteForm = z.object({ email: text, role: text, organisationId: text });
const acceptForm = z.object({ name: text, password: text, passwordAgain: text });
const forgotForm = z.object({ email: text });
const resetForm = z.object({ password: text, passwordAgain: text });

function html(reply: FastifyReply, page: PageNode, status = 200) {
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(renderDocument(page));
}

/** A problem from a command in the viewer's language; a role parameter is shown as its name. */
function message(ctx: PageContext, problem: FieldProblem): string {
  const params = { ...problem.params };
  if (typeof params.role === "string" && isRole(params.role)) {
    params.role = ctx.t(`role.${params.role}` as MessageKey).toLocaleLowerCase(ctx.locale === "sv" ? "sv-SE" : "en-GB");
  }
  return ctx.t(problem.key as MessageKey, params);
}

function fieldErrors(ctx: PageContext, error: Invalid): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, problem] of Object.entries(error.fields)) errors[field] = message(ctx, problem);
  return errors;
}

const roleLabel = (ctx: PageContext, role: string) =>
  (isRole(role) ? ctx.t(`role.${role}` as MessageKey) : role).toLocaleLowerCase(ctx.locale === "sv" ? "sv-SE" : "en-GB");

/** The page for a link that cannot be used, with what to do next; unknown is 404, the others 410. */
function linkProblemPage(request: FastifyRequest, reply: FastifyReply, purpose: InvitationPurpose, reason: InvitationUnusable["reason"]) {
  const ctx = pageContext(request, reply);
  const prefix = purpose === "invite" ? "invitation.link" : "passwordReset.link";
  // A revoked link reads like an unknown one: it simply does not work.
  const which = reason === "used" ? "used" : reason === "expired" ? "expired" : "unknown";
  const link =
    purpose === "reset" && which !== "used"
      ? { href: FORGOT_PATH, label: ctx.t("passwordReset.link.again") }
      : which === "used"
        ? { href: "/logga-in", label: ctx.t("invitation.link.toLogin") }
        : { href: "/", label: ctx.t("notFound.back") };
  return html(
    reply,
    h(MessagePage, { ctx, title: ctx.t(`${prefix}.${which}Title` as MessageKey), body: ctx.t(`${prefix}.${which}Body` as MessageKey), link }),
    reason === "unknown" ? 404 : 410,
  );
}

export function registerInvitationsRoutes(
  app: FastifyInstance,
  state: AppState,
  options: { throttles?: LoginThrottles; resetLimit?: ResetRequestLimit } = {},
) {
  const db = () => state.database.db;
  const throttles = options.throttles ?? new LoginThrottles();
  const resetLimit = options.resetLimit ?? new ResetRequestLimit();

  const mailer = async (): Promise<Mailer> => mailerOf(state);
  const deliver = (request: FastifyRequest, m: Mailer, waitMs: number) => deliverAfterCommit(request, m, waitMs);

  /** The workspace of a /:ws/personer/… page, for a logged-in viewer. */
  async function workspaceOf(request: FastifyRequest): Promise<Workspace> {
    const p = wsParams.safeParse(request.params);
    if (!p.success) throw new NotFound("page");
    if (!request.viewer) throw new LoginRequired();
    return findWorkspace(db(), p.data.ws);
  }

  async function invitePage(request: FastifyRequest, reply: FastifyReply, workspace: Workspace, values?: InviteValues, errors?: FieldErrors) {
    const ctx = pageContext(request, reply);
    const roles = invitableRoles(request.viewer, workspace.id);
    const organisations = await organisationChoices(db(), workspace.id);
    return html(reply, h(InvitePage, { ctx, workspace, roles, organisations, values, errors }), errors ? 400 : 200);
  }

  app.get("/:ws/personer/bjud-in", async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (invitableRoles(request.viewer, workspace.id).length === 0) throw new Forbidden();
    return invitePage(request, reply, workspace);
  });

  app.post("/:ws/personer/bjud-in", async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (invitableRoles(request.viewer, workspace.id).length === 0) throw new Forbidden();
    const form = inviteForm.parse(request.body ?? {});
    const m = await mailer();
    let created;
    try {
      created = await invitePerson(db(), m, request.viewer, workspace, form, { publicUrl: state.publicUrl, compose: invitationMail(workspace.defaultLocale) });
    } catch (error) {
      if (error instanceof Invalid) return invitePage(request, reply, workspace, form, fieldErrors(pageContext(request), error));
      throw error;
    }
    await deliver(request, m, DELIVERY_WAIT_MS);
    const [row] = await db().select({ state: mailOutbox.state }).from(mailOutbox).where(eq(mailOutbox.id, created.mail.id));
    const mailState = row?.state ?? created.mail.state;
    const outcome: InviteOutcome =
      mailState === "sent" ? "sent" : mailState === "queued" ? "queued" : mailState === "failed" ? "failed" : "notConfigured";
    const ctx = pageContext(request, reply);
    return html(
      reply,
      h(InviteResultPage, {
        ctx, workspace, email: created.email, expires: formatDateTime(created.expiresAt, ctx.locale), outcome, link: created.link,
      }),
    );
  });

  app.get("/:ws/personer/inbjudningar", async (request, reply) => {
    const workspace = await workspaceOf(request);
    const viewer = request.viewer;
    if (!can(viewer, "administerPeople", { type: "workspace", workspaceId: workspace.id })) throw new Forbidden();
    const ctx = pageContext(request, reply);
    const query = request.query as Record<string, unknown>;
    const notice =
      query.aterkallad === "1" ? ctx.t("invitation.pending.revoked") : query.aterkallad === "0" ? ctx.t("invitation.pending.notPending") : undefined;
    const mayRevoke = (role: string) => isRole(role) && can(viewer, "invite", { type: "workspace", workspaceId: workspace.id, role: role as Role });
    return html(
      reply,
      h(PendingInvitationsPage, {
        ctx, workspace, invitations: await pendingInvitations(db(), workspace.id), mayRevoke,
        mayInvite: invitableRoles(viewer, workspace.id).length > 0, notice,
      }),
    );
  });

  app.post("/:ws/personer/inbjudningar/:id/aterkalla", async (request, reply) => {
    const p = revokeParams.safeParse(request.params);
    if (!p.success) throw new NotFound("page");
    if (!request.viewer) throw new LoginRequired();
    const workspace = await findWorkspace(db(), p.data.ws);
    const result = await revokeInvitation(db(), request.viewer, workspace.id, p.data.id);
    return reply.redirect(`${invitationLinks.pending(workspace.slug)}?aterkallad=${result.revoked ? "1" : "0"}`, 303);
  });

  // --- accepting an invitation ---

  function summaryOf(ctx: PageContext, found: FoundInvitation): string {
    const params = { workspace: found.workspace.name, role: roleLabel(ctx, found.invitation.role) };
    return found.organisationName
      ? ctx.t("invitation.accept.summaryOrganisation", { ...params, organisation: found.organisationName })
      : ctx.t("invitation.accept.summary", params);
  }

  /** The invitation behind the URL's token, or the reason it cannot be used. */
  async function lookUp(request: FastifyRequest, purpose: InvitationPurpose): Promise<{ token: string; found: FoundInvitation } | { problem: InvitationUnusable["reason"] }> {
    const p = tokenParams.safeParse(request.params);
    const found = p.success ? await findInvitationByToken(db(), p.data.token, purpose) : null;
    if (!p.success || !found) return { problem: "unknown" };
    if (found.state !== "ok") return { problem: found.state };
    if (purpose === "reset" && !found.existingUser) return { problem: "revoked" };
    if (found.existingUser?.disabled) return { problem: "revoked" };
    return { token: p.data.token, found };
  }

  function acceptPage(request: FastifyRequest, reply: FastifyReply, token: string, found: FoundInvitation, extra: { name?: string; errors?: FieldErrors; status?: number } = {}) {
    const ctx = pageContext(request, reply);
    return html(
      reply,
      h(AcceptInvitationPage, {
        ctx, action: `/inbjudan/${token}`, summary: summaryOf(ctx, found), email: found.invitation.email, existingAccount: found.existingUser !== null,
        values: { name: extra.name ?? "" }, errors: extra.errors,
      }),
      extra.status ?? 200,
    );
  }

  /** After logging in through a link: the workspace's first published plan, else the account page. */
  async function landingOf(workspaceId: string): Promise<string> {
    const [workspace] = await db().select().from(workspaces).where(eq(workspaces.id, workspaceId));
    if (!workspace) return "/konto";
    const [plan] = await publishedPlans(db(), workspace);
    return plan ? links.plan(workspace.slug, plan.slug) : "/konto";
  }

  app.get("/inbjudan/:token", async (request, reply) => {
    const looked = await lookUp(request, "invite");
    if ("problem" in looked) return linkProblemPage(request, reply, "invite", looked.problem);
    return acceptPage(request, reply, looked.token, looked.found);
  });

  app.post("/inbjudan/:token", async (request, reply) => {
    const looked = await lookUp(request, "invite");
    if ("problem" in looked) return linkProblemPage(request, reply, "invite", looked.problem);
    const form = acceptForm.parse(request.body ?? {});
    try {
      const accepted = await acceptInvitation(db(), throttles, looked.token, { ...form, address: request.ip });
      reply.setCookie(SESSION_COOKIE, accepted.token, sessionCookieOptions(state, accepted.expiresAt));
      return reply.redirect(await landingOf(accepted.workspaceId), 303);
    } catch (error) {
      if (error instanceof InvitationUnusable) return linkProblemPage(request, reply, "invite", error.reason);
      if (error instanceof Invalid) {
        return acceptPage(request, reply, looked.token, looked.found, { name: form.name, errors: fieldErrors(pageContext(request), error), status: 400 });
      }
      if (error instanceof EmailTaken) {
        // Someone created an account for the address since the form was shown: ask for that account's password.
        const again = await lookUp(request, "invite");
        if ("problem" in again) return linkProblemPage(request, reply, "invite", again.problem);
        const ctx = pageContext(request);
        return acceptPage(request, reply, again.token, again.found, { errors: { password: ctx.t("invitation.accept.accountCreatedMeanwhile") }, status: 409 });
      }
      throw error;
    }
  });

  // --- password reset ---

  app.get(FORGOT_PATH, async (request, reply) => {
    return html(reply, h(ForgotPasswordPage, { ctx: pageContext(request, reply) }));
  });

  app.post(FORGOT_PATH, async (request, reply) => {
    const form = forgotForm.parse(request.body ?? {});
    const email = form.email.trim();
    const ctx = pageContext(request, reply);
    let problem: string | undefined;
    if (!email) problem = ctx.t("passwordReset.forgot.emailMissing");
    else if (email.length > MAX_EMAIL_LENGTH || !z.email().safeParse(email).success) problem = ctx.t("passwordReset.forgot.emailInvalid");
    if (problem) return html(reply, h(ForgotPasswordPage, { ctx, email, errors: { email: problem } }), 400);

    const m = await mailer();
    const result = await requestPasswordReset(db(), m, resetLimit, { email, address: request.ip }, { publicUrl: state.publicUrl, compose: resetMail });
    if (result.outcome === "queued") {
      // Not awaited: the answer must not take longer for an address with an account than for one without.
      void deliver(request, m, 0);
    } else if (result.outcome === "noWorkspace") {
      request.log.warn("password reset asked for an account, but there is no workspace to file the link under; nothing sent");
    } else if (result.outcome === "limited") {
      request.log.info("password reset request over the limit; nothing sent");
    }
    return html(
      reply,
      h(MessagePage, {
        ctx, title: ctx.t("passwordReset.requested.title"), body: ctx.t("passwordReset.requested.body"),
        link: { href: "/logga-in", label: ctx.t("invitation.link.toLogin") },
      }),
    );
  });

  function resetPage(request: FastifyRequest, reply: FastifyReply, token: string, found: FoundInvitation, errors?: FieldErrors) {
    const ctx = pageContext(request, reply);
    return html(reply, h(ResetPasswordPage, { ctx, action: `/aterstall-losenord/${token}`, email: found.invitation.email, errors }), errors ? 400 : 200);
  }

  app.get("/aterstall-losenord/:token", async (request, reply) => {
    const looked = await lookUp(request, "reset");
    if ("problem" in looked) return linkProblemPage(request, reply, "reset", looked.problem);
    return resetPage(request, reply, looked.token, looked.found);
  });

  app.post("/aterstall-losenord/:token", async (request, reply) => {
    const looked = await lookUp(request, "reset");
    if ("problem" in looked) return linkProblemPage(request, reply, "reset", looked.problem);
    const form = resetForm.parse(request.body ?? {});
    try {
      const done = await resetPassword(db(), looked.token, form);
      reply.setCookie(SESSION_COOKIE, done.token, sessionCookieOptions(state, done.expiresAt));
      return reply.redirect("/konto", 303);
    } catch (error) {
      if (error instanceof InvitationUnusable) return linkProblemPage(request, reply, "reset", error.reason);
      if (error instanceof Invalid) return resetPage(request, reply, looked.token, looked.found, fieldErrors(pageContext(request), error));
      throw error;
    }
  });
}
