// Attaches a file to an activity report while the organisation may still write it: the content decides the type (PDF,
// DOCX, XLSX, PNG, JPEG; the name's extension must agree), the size limit is the installation's, and the bytes are
// stored in the database with their SHA-256 — so backups hold them. Every problem with the file at once; audited with
// the name and checksum; one transaction.
import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { cleanFilename, sniffAttachment } from "../follow-up/attachment-types.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems, type Problems } from "./support/checks.ts";
import { markStarted, writableActivityReport } from "./support/report-access.ts";
import { bumpContentVersion } from "./support/rows.ts";

/** The field the upload form's file input has (the error summary links to it). */
export const FILE_FIELD = "fil";
/** Problems with the report itself (closed round, submitted report) point at the attachments section. */
export const SECTION_FIELD = "bilagor";
export const FILENAME_MAX = 255;

export interface AddAttachmentInput {
  activityReportId: string;
  /** The name the browser sent (cleaned here). */
  filename: string;
  content: Uint8Array;
  /** The upload stopped at the size limit: the file is larger than `maxBytes`, and the rest was never read. */
  truncated: boolean;
  maxBytes: number;
}

/** "20 MB", "512 kB": whole numbers, so the message reads the same in every language. */
export function sizeLimitWords(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** What is wrong with the file, or nothing. Checked before the transaction; thrown after the right to write is known. */
export async function fileProblems(input: Pick<AddAttachmentInput, "filename" | "content" | "truncated" | "maxBytes">): Promise<{ problems: Problems; filename: string; mediaType: string }> {
  const filename = cleanFilename(input.filename);
  const problems: Problems = {};
  let mediaType = "";
  if (!filename && input.content.length === 0) problems[FILE_FIELD] = { key: "attachment.fileRequired" };
  else if (input.truncated || input.content.length > input.maxBytes) problems[FILE_FIELD] = { key: "attachment.tooLarge", params: { max: sizeLimitWords(input.maxBytes) } };
  else if (input.content.length === 0) problems[FILE_FIELD] = { key: "attachment.empty", params: { name: filename } };
  else {
    // The name is text people wrote: not longer than a file system allows, and never an identity number.
    Object.assign(problems, checkTexts([{ field: FILE_FIELD, value: filename, max: FILENAME_MAX, required: true, requiredKey: "attachment.nameRequired" }], true));
    if (!problems[FILE_FIELD]) {
      const sniffed = await sniffAttachment(filename, input.content);
      if (sniffed.ok) mediaType = sniffed.type.mediaType;
      else problems[FILE_FIELD] = "params" in sniffed ? { key: sniffed.key, params: sniffed.params } : { key: sniffed.key };
    }
  }
  return { problems, filename, mediaType };
}

export async function addAttachment(db: Db, viewer: Viewer | null, input: AddAttachmentInput): Promise<{ attachmentId: string }> {
  if (!viewer) throw new LoginRequired();
  const { problems, filename, mediaType } = await fileProblems(input);

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { activityReport: ar, report } = await writableActivityReport(t, viewer, input.activityReportId, SECTION_FIELD);
    throwIfProblems(problems);
    const content = input.content;
    const sha256 = createHash("sha256").update(content).digest("hex");
    const [row] = await t.insert(s.attachments).values({
      workspaceId: ar.workspaceId, activityReportId: ar.id, filename, mediaType, sizeBytes: content.length, sha256, content, createdBy: viewer.userId,
    }).returning({ id: s.attachments.id });
    await markStarted(t, report);
    await bumpContentVersion(t, ar.workspaceId);
    await recordAudit(t, {
      workspaceId: ar.workspaceId, actorUserId: viewer.userId, via: "web", action: "attachment.added", subjectType: "activity_report", subjectId: ar.id,
      organisationId: ar.organisationId,
      changes: [
        { field: "attachment", before: null, after: filename },
        { field: "mediaType", before: null, after: mediaType },
        { field: "sizeBytes", before: null, after: content.length },
        { field: "sha256", before: null, after: sha256 },
      ],
    });
    return { attachmentId: row!.id };
  });
}
