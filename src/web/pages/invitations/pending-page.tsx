// The workspace's pending invitations (/:ws/personer/inbjudningar): who was invited, as what, by whom, until when;
// each with a button to revoke it (shown where the viewer may).
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { PostForm } from "../../components/form.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import type { PendingInvitation } from "../../../queries/invitations.ts";
import { formatDateTime } from "../../i18n/index.ts";
import { invitationLinks, workspaceCrumbs, type WorkspaceRef } from "./invite-page.tsx";

export function PendingInvitationsPage(props: {
  ctx: PageContext;
  workspace: WorkspaceRef;
  invitations: PendingInvitation[];
  /** Whether the viewer may revoke an invitation to this role. */
  mayRevoke: (role: string) => boolean;
  mayInvite: boolean;
  notice?: string;
}) {
  const { ctx, workspace } = props;
  const title = ctx.t("invitation.pending.title");
  return (
    <Layout ctx={ctx} title={title} crumbs={workspaceCrumbs(ctx, workspace, title, false)}>
      <h1 id="pending-title">{title}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <p>{ctx.t("invitation.pending.intro")}</p>
      {props.mayInvite && (
        <p>
          <a href={invitationLinks.invite(workspace.slug)}>{ctx.t("invitation.pending.inviteLink")}</a>
        </p>
      )}
      {props.invitations.length === 0 ? (
        <p>{ctx.t("invitation.pending.empty")}</p>
      ) : (
        <TableWrap labelledBy="pending-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.t("invitation.pending.email")}</th>
                <th scope="col">{ctx.t("invitation.pending.role")}</th>
                <th scope="col">{ctx.t("invitation.pending.organisation")}</th>
                <th scope="col">{ctx.t("invitation.pending.invitedBy")}</th>
                <th scope="col">{ctx.t("invitation.pending.expires")}</th>
                <th scope="col">{ctx.t("invitation.pending.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {props.invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row" id={`invitee-${invitation.id}`}>
                    {invitation.email}
                  </th>
                  <td>{ctx.t(`role.${invitation.role}` as MessageKey)}</td>
                  <td>{invitation.organisationName ?? "–"}</td>
                  <td>{invitation.invitedByName ?? "–"}</td>
                  <td>{formatDateTime(invitation.expiresAt, ctx.locale)}</td>
                  <td>
                    {props.mayRevoke(invitation.role) ? (
                      <PostForm ctx={ctx} action={invitationLinks.revoke(workspace.slug, invitation.id)}>
                        {/* Named "Återkalla <address>" from the visible words: no visually hidden text, which would escape the sideways scroller. */}
                        <button
                          type="submit"
                          class="button button--secondary"
                          id={`revoke-${invitation.id}`}
                          aria-labelledby={`revoke-${invitation.id} invitee-${invitation.id}`}
                        >
                          {ctx.t("invitation.pending.revoke")}
                        </button>
                      </PostForm>
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}
