// Inviting a person to a workspace: policy ("invite" for the chosen role), validation, then in one transaction the
// invitation (only the sha-256 of its single-use token is stored), its audit event and the mail in the outbox.
// Delivering the mail is the caller's job, after the commit (mailer.deliverQueued()).
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { invitations, memberships, organisations, users, type FieldChange } from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired } from "../domain/errors.ts";
import { isRole, ORGANISATION_ROLES, ROLES, type Role, type Viewer } from "../domain/roles.ts";
import type { Mailer, OutboxEntry } from "../mail/mailer.ts";
import { can } from "../policies/can.ts";
import { INVITATION_TTL_MS, invitableRoles, newInvitationToken } from "../queries/invitations.ts";
import { recordAudit } from "./audit.ts";
import { MAX_EMAIL_LENGTH } from "./create-user.ts";
import { normaliseEmail } from "./log-in.ts";

export interface InviteInput {
  email: string;
  role: string;
  /** Empty for roles without an organisation. */
  organisationId: string;
}

/** What the invitation mail says; the caller words it in the workspace's language. */
export interface InvitationMailDetails {
  inviterName: string;
  workspaceName: string;
  organisationName: string | null;
  role: Role;
  link: string;
  expiresAt: Date;
}

export type ComposeMail<D> = (details: D) => { subject: string; text: string };

export interface InvitationCreated {
  invitationId: string;
  email: string;
  /** The link with the raw token: shown to the inviter only when the mail cannot be sent. */
  link: string;
  expiresAt: Date;
  mail: OutboxEntry;
}

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, "")}/inbjudan/${token}`;

type Problem = { key: string; params?: Record<string, string | number> };

const inviteSchema = z.object({
  email: z
    .string()
    .transform(normaliseEmail)
    .pipe(
      z
        .string()
        .min(1, { error: "invitation.invite.emailMissing" })
        .max(MAX_EMAIL_LENGTH, { error: "invitation.invite.emailTooLong" })
        .pipe(z.email({ error: "invitation.invite.emailInvalid" })),
    ),
  role: z.enum(ROLES, { error: "invitation.invite.roleMissing" }),
  organisationId: z.string(),
});

export async function invitePerson(
  db: Db,
  mailer: Mailer,
  viewer: Viewer | null,
  workspace: { id: string; name: string },
  input: InviteInput,
  options: { publicUrl: string; compose: ComposeMail<InvitationMailDetails>; now?: Date },
): Promise<InvitationCreated> {
  if (!viewer) throw new LoginRequired();
  // Someone who may not invite anybody here learns nothing about the form's rules.
  if (invitableRoles(viewer, workspace.id).length === 0) throw new Forbidden();

  const fields: Record<string, Problem> = {};
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "email");
      fields[field] ??= { key: issue.message, ...(field === "email" && issue.code === "too_big" ? { params: { max: MAX_EMAIL_LENGTH } } : {}) };
    }
  }
  const role = isRole(input.role) ? input.role : undefined;
  // The form offers only the roles the viewer may give; anything else was not sent from it.
  if (role && !can(viewer, "invite", { type: "workspace", workspaceId: workspace.id, role })) throw new Forbidden();

  // Checked even when other fields have problems, so the person sees every problem at once.
  let organisation: { id: string; name: string } | null = null;
  if (role && ORGANISATION_ROLES.has(role)) {
    const organisationId = input.organisationId.trim();
    if (!organisationId) {
      fields.organisationId = { key: "invitation.invite.organisationMissing", params: { role } };
    } else {
      const [row] = z.uuid().safeParse(organisationId).success
        ? await db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(and(eq(organisations.id, organisationId), eq(organisations.workspaceId, workspace.id), isNull(organisations.archivedAt)))
        : [];
      if (row) organisation = row;
      else fields.organisationId = { key: "invitation.invite.organisationUnknown" };
    }
  }
  if (!parsed.success || !role || Object.keys(fields).length > 0) throw new Invalid(fields);
  const { email } = parsed.data;

  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(users.email, email),
        eq(memberships.workspaceId, workspace.id),
        eq(memberships.role, role),
        organisation ? eq(memberships.organisationId, organisation.id) : isNull(memberships.organisationId),
      ),
    );
  if (member) throw new Invalid({ email: { key: "invitation.invite.alreadyMember", params: { workspace: workspace.name } } });

  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const { token, tokenHash } = newInvitationToken();
  const link = invitationLink(options.publicUrl, token);
  const message = options.compose({
    inviterName: viewer.name, workspaceName: workspace.name, organisationName: organisation?.name ?? null, role, link, expiresAt,
  });

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [row] = await t
      .insert(invitations)
      .values({
        workspaceId: workspace.id, email, role, organisationId: organisation?.id ?? null, tokenHash, purpose: "invite",
        invitedBy: viewer.userId, expiresAt, createdAt: now,
      })
      .returning({ id: invitations.id });
    const invitationId = row!.id;
    const changes: FieldChange[] = [
      { field: "email", before: null, after: email },
      { field: "role", before: null, after: role },
      { field: "organisation", before: null, after: organisation?.name ?? null },
      { field: "expires_at", before: null, after: expiresAt.toISOString() },
    ];
    await recordAudit(t, {
      workspaceId: workspace.id, actorUserId: viewer.userId, via: "web", action: "invitation.created", subjectType: "invitation",
      subjectId: invitationId, organisationId: organisation?.id ?? null, changes,
    });
    const mail = await mailer.enqueue(
      { workspaceId: workspace.id, to: email, subject: message.subject, text: message.text, dedupeKey: `invitation:${invitationId}` },
      t,
    );
    return { invitationId, email, link, expiresAt, mail };
  });
}
