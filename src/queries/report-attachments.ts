// An activity report's attachments as a list shows them (never the bytes), and one attachment with its bytes for download.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";

export interface AttachmentListItem {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: Date;
}

const listColumns = {
  id: s.attachments.id, filename: s.attachments.filename, mediaType: s.attachments.mediaType, sizeBytes: s.attachments.sizeBytes,
  createdAt: s.attachments.createdAt,
};

/** The report's attachments, oldest first. */
export function attachmentsOfReport(db: Db, activityReportId: string): Promise<AttachmentListItem[]> {
  return db.select(listColumns).from(s.attachments).where(eq(s.attachments.activityReportId, activityReportId))
    .orderBy(asc(s.attachments.createdAt), asc(s.attachments.filename));
}

/** Attachments of several reports at once, by report id (for pages that list many reports). */
export async function attachmentsOfReports(db: Db, activityReportIds: string[]): Promise<Map<string, AttachmentListItem[]>> {
  const byReport = new Map<string, AttachmentListItem[]>();
  if (activityReportIds.length === 0) return byReport;
  const rows = await db.select({ ...listColumns, activityReportId: s.attachments.activityReportId }).from(s.attachments)
    .where(inArray(s.attachments.activityReportId, activityReportIds)).orderBy(asc(s.attachments.createdAt), asc(s.attachments.filename));
  for (const { activityReportId, ...item } of rows) {
    if (!activityReportId) continue;
    const list = byReport.get(activityReportId);
    if (list) list.push(item);
    else byReport.set(activityReportId, [item]);
  }
  return byReport;
}

/** One attachment of the report, with its bytes; undefined when it is not this report's. */
export async function attachmentForDownload(db: Db, activityReportId: string, attachmentId: string) {
  const [row] = await db.select().from(s.attachments)
    .where(and(eq(s.attachments.id, attachmentId), eq(s.attachments.activityReportId, activityReportId)));
  return row;
}
