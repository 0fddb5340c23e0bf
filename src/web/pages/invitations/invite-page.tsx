// Inviting a person (/:ws/personer/bjud-in): e-mail, role and, for editors and approvers, organisation; then the
// confirmation, which says the mail went out or, when it could not be sent, shows the link to pass on by hand.
import type { PageContext } from "../../context.ts";
import { Layout, type Crumb } from "../../components/layout.tsx";
import { ErrorSummary, PostForm, TextField, type FieldErrors } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import type { Role } from "../../../domain/roles.ts";
import type { OrganisationChoice } from "../../../queries/invitations.ts";
import { CopyField, SelectField } from "../../components/form.tsx";

export interface WorkspaceRef {
  name: string;
  slug: string;
}

export const invitationLinks = {
  invite: (ws: string) => `/${ws}/personer/bjud-in`,
  pending: (ws: string) => `/${ws}/personer/inbjudningar`,
  revoke: (ws: string, id: string) => `/${ws}/personer/inbjudningar/${id}/aterkalla`,
};

export function workspaceCrumbs(ctx: PageContext, workspace: WorkspaceRef, current: string, withPending = true): Crumb[] {
  return [
    { label: workspace.name, href: `/#${workspace.slug}` },
    ...(withPending ? [{ label: ctx.t("invitation.pending.crumb"), href: invitationLinks.pending(workspace.slug) }] : []),
    { label: current },
  ];
}

export interface InviteValues {
  email: string;
  role: string;
  organisationId: string;
}

export function InvitePage(props: {
  ctx: PageContext;
  workspace: WorkspaceRef;
  roles: Role[];
  organisations: OrganisationChoice[];
  values?: InviteValues;
  errors?: FieldErrors;
}) {
  const { ctx, workspace } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? { email: "", role: "", organisationId: "" };
  const hasErrors = Object.keys(errors).length > 0;
  const title = ctx.t("invitation.invite.title");
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={workspaceCrumbs(ctx, workspace, ctx.t("invitation.invite.crumb"))}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["email", "role", "organisationId"]} />
      <p>{ctx.t("invitation.invite.intro")}</p>
      <PostForm ctx={ctx} action={invitationLinks.invite(workspace.slug)} class="form" novalidate>
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={ctx.t("invitation.invite.email")}
          hint={ctx.t("invitation.invite.emailHint")}
          value={values.email}
          autocomplete="off"
          errors={errors}
          required
        />
        <SelectField
          ctx={ctx}
          name="role"
          label={ctx.t("invitation.invite.role")}
          value={values.role}
          errors={errors}
          required
          options={[
            { value: "", label: ctx.t("invitation.invite.roleChoose") },
            ...props.roles.map((role) => ({ value: role, label: ctx.t(`role.${role}` as MessageKey) })),
          ]}
        />
        <SelectField
          ctx={ctx}
          name="organisationId"
          label={ctx.t("invitation.invite.organisation")}
          hint={ctx.t("invitation.invite.organisationHint")}
          value={values.organisationId}
          errors={errors}
          options={[
            { value: "", label: ctx.t("invitation.invite.organisationNone") },
            ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <button type="submit" class="button">
          {ctx.t("invitation.invite.submit")}
        </button>
      </PostForm>
      <p>
        <a href={invitationLinks.pending(workspace.slug)}>{ctx.t("invitation.invite.pendingLink")}</a>
      </p>
    </Layout>
  );
}

/** sent / queued: the mail is out or on its way; notConfigured / failed: the inviter passes the link on. */
export type InviteOutcome = "sent" | "queued" | "notConfigured" | "failed";

export function InviteResultPage(props: { ctx: PageContext; workspace: WorkspaceRef; email: string; expires: string; outcome: InviteOutcome; link: string }) {
  const { ctx, workspace, email, expires, outcome } = props;
  const manual = outcome === "notConfigured" || outcome === "failed";
  const title = manual ? ctx.t("invitation.manual.title") : outcome === "sent" ? ctx.t("invitation.sent.title") : ctx.t("invitation.queued.title");
  return (
    <Layout ctx={ctx} title={title} crumbs={workspaceCrumbs(ctx, workspace, title)}>
      <h1>{title}</h1>
      {manual ? (
        <>
          <p class="notice" role="status">
            {outcome === "failed" ? ctx.t("invitation.manual.failed", { email }) : ctx.t("invitation.manual.notConfigured", { email })}
          </p>
          <CopyField name="link" label={ctx.t("invitation.manual.linkLabel")} value={props.link} hint={ctx.t("invitation.manual.howTo", { expires })} />
        </>
      ) : (
        <p class="notice" role="status">
          {outcome === "sent" ? ctx.t("invitation.sent.body", { email, expires }) : ctx.t("invitation.queued.body", { email, expires })}
        </p>
      )}
      <ul>
        <li>
          <a href={invitationLinks.invite(workspace.slug)}>{ctx.t("invitation.inviteAnother", { workspace: workspace.name })}</a>
        </li>
        <li>
          <a href={invitationLinks.pending(workspace.slug)}>{ctx.t("invitation.invite.pendingLink")}</a>
        </li>
      </ul>
    </Layout>
  );
}
