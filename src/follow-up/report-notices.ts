// The e-mail that tells the next person a report moved on: submitted (to approvers), approved (to coordinators),
// returned, declined, accepted and reopened (to the organisation's editors). Each in the recipient's language, with
// an absolute link to the report; recorded in the outbox in the caller's transaction, delivered after the commit.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { Recipient } from "../commands/support/recipients.ts";
import { formatDate, translator, type MessageKey } from "../web/i18n/index.ts";

export type NoticeKind = "submitted" | "awaitingDecision" | "approved" | "returned" | "declined" | "accepted" | "reopened";

export interface ReportNotice {
  kind: NoticeKind;
  organisationReportId: string;
  /** The report's version after the transition: part of the dedupe key, so a retried request sends once. */
  version: number;
  recipients: Recipient[];
  actorName: string;
  comment?: string;
  publicUrl: string;
}

/** Where the report lives and what it is called, for the mail's words and link. */
async function reportPlace(t: Db, organisationReportId: string) {
  const [row] = await t
    .select({
      workspaceId: s.organisationReports.workspaceId, ws: s.workspaces.slug, plan: s.plans.slug, round: s.followUpRounds.slug, roundName: s.followUpRounds.name,
      deadline: s.followUpRounds.deadline, org: s.organisations.slug, orgName: s.organisations.name,
    })
    .from(s.organisationReports)
    .innerJoin(s.followUpRounds, eq(s.followUpRounds.id, s.organisationReports.roundId))
    .innerJoin(s.plans, eq(s.plans.id, s.followUpRounds.planId))
    .innerJoin(s.workspaces, eq(s.workspaces.id, s.plans.workspaceId))
    .innerJoin(s.organisations, eq(s.organisations.id, s.organisationReports.organisationId))
    .where(eq(s.organisationReports.id, organisationReportId));
  if (!row) throw new Error(`report notice: no report ${organisationReportId}`);
  return row;
}

export async function enqueueReportNotice(t: Db, mailer: Mailer, notice: ReportNotice): Promise<number> {
  if (notice.recipients.length === 0) return 0;
  const place = await reportPlace(t, notice.organisationReportId);
  const link = `${notice.publicUrl}/${place.ws}/planer/${place.plan}/uppfoljning/${place.round}/${place.org}`;
  for (const person of notice.recipients) {
    const tr = translator(person.locale);
    const params = {
      round: place.roundName, organisation: place.orgName, actor: notice.actorName, link, name: person.name,
      deadline: formatDate(place.deadline, person.locale), comment: notice.comment ?? "",
    };
    const body = [
      tr("notice.greeting", params),
      "",
      tr(`notice.${notice.kind}.body` as MessageKey, params),
      ...(notice.comment ? ["", tr("notice.comment", params), notice.comment] : []),
      "",
      tr("notice.link", params),
      link,
      "",
      tr("notice.signature"),
    ].join("\n");
    await mailer.enqueue({
      workspaceId: place.workspaceId, to: person.email, subject: tr(`notice.${notice.kind}.subject` as MessageKey, params), text: body,
      dedupeKey: `notice:${notice.kind}:${notice.organisationReportId}:${notice.version}:${person.userId}`,
    }, t);
  }
  return notice.recipients.length;
}
