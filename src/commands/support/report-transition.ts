// The steps every transition of an organisation's report shares: check the version the page was opened at, move the
// state (and the fields that go with it), record the audit event with the state before and after, and tell the next
// people by e-mail (outbox, same transaction).
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import type { FieldChange } from "../../db/schema/index.ts";
import { Invalid } from "../../domain/errors.ts";
import type { Viewer } from "../../domain/roles.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { enqueueReportNotice, type NoticeKind } from "../../follow-up/report-notices.ts";
import { recordAudit } from "../audit.ts";
import type { Recipient } from "./recipients.ts";
import type { OrganisationReport } from "./report-access.ts";
import { bumpContentVersion } from "./rows.ts";

/** What a transition needs besides the database: where mail goes out and what links in it point at. */
export interface NoticeChannel {
  mailer: Mailer;
  publicUrl: string;
}

/** The report's state must be one of `from`; else a clear message under `field` saying what state it is in. */
export function requireState(report: OrganisationReport, from: readonly string[], field: string): void {
  if (!from.includes(report.state)) throw new Invalid({ [field]: { key: "report.wrongState", params: { state: report.state } } });
}

/** A stale page (someone moved the report meanwhile) gets a message, not a second transition. */
export function requireVersion(report: OrganisationReport, version: number, field: string): void {
  if (report.version !== version) throw new Invalid({ [field]: { key: "report.changedMeanwhile" } });
}

export interface Transition {
  report: OrganisationReport;
  viewer: Viewer;
  action: string;
  to: string;
  set?: Partial<typeof s.organisationReports.$inferInsert>;
  changes?: FieldChange[];
  notice?: { kind: NoticeKind; recipients: Recipient[]; comment?: string };
}

/** Moves the report and returns its new version. */
export async function moveReport(t: Db, channel: NoticeChannel, move: Transition): Promise<number> {
  const version = move.report.version + 1;
  await t.update(s.organisationReports).set({ ...move.set, state: move.to, version, updatedAt: new Date() }).where(eq(s.organisationReports.id, move.report.id));
  await bumpContentVersion(t, move.report.workspaceId);
  await recordAudit(t, {
    workspaceId: move.report.workspaceId, actorUserId: move.viewer.userId, via: "web", action: move.action, subjectType: "organisation_report",
    subjectId: move.report.id, organisationId: move.report.organisationId,
    changes: [...(move.report.state !== move.to ? [{ field: "state", before: move.report.state, after: move.to }] : []), ...(move.changes ?? [])],
  });
  if (move.notice) {
    await enqueueReportNotice(t, channel.mailer, {
      kind: move.notice.kind, organisationReportId: move.report.id, version, recipients: move.notice.recipients, actorName: move.viewer.name,
      comment: move.notice.comment, publicUrl: channel.publicUrl,
    });
  }
  return version;
}
