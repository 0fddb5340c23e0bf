// Attachments on activity reports over HTTP: real PDF, DOCX, XLSX, PNG and JPEG files uploaded as multipart forms,
// the type decided by the content (not the name, not the browser), programs renamed ".pdf" and files over the limit
// refused with a clear message and nothing stored, the CSRF token required for multipart too, who may upload, remove
// and download, the audit trail, and the bytes surviving a backup and restore.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { render } from "preact-render-to-string";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openFollowUpRound } from "../../src/commands/open-follow-up-round.ts";
import type { Viewer } from "../../src/domain/roles.ts";
import { createBackup, restoreBackup } from "../../src/db/backup.ts";
import { translator } from "../../src/web/i18n/index.ts";
import { AttachmentsSection } from "../../src/web/pages/internal/follow-up/attachments-section.tsx";
import { attachmentDisposition } from "../../src/follow-up/attachment-types.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { docxFile, elfProgram, jpegFile, pdfFile, pngFile, windowsProgram, xlsxFile } from "../support/attachment-files.ts";

const PLAN = "/malmo/planer/fri-fran-vald";
/** Small, so a file over it is quick to make; the real default is 20 MB. */
const LIMIT = 64 * 1024;

let database: Database;
let app: FastifyInstance;
let asf12 = "";
let report = "";
let reportId = "";
let orgReportId = "";
const sessions: Record<string, Session> = {};

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(database.db, query))[0]!;
const attachmentCount = async () => (await one<{ n: number }>(sql`select count(*)::int as n from attachment`)).n;
const auditCount = async (action: string) => (await one<{ n: number }>(sql`select count(*)::int as n from audit_event where action = ${action}`)).n;
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

async function token(session: Session): Promise<string> {
  return Session.tokenIn((await session.get("/konto")).body);
}

/** Uploads one file as the form does: the token and the way back first, then the file. */
async function upload(session: Session, filename: string, content: Uint8Array, options: { type?: string; at?: string; csrf?: string | null } = {}) {
  const at = options.at ?? report;
  const fields: Record<string, string> = {};
  if (options.csrf !== null) fields._csrf = options.csrf ?? (await token(session));
  fields.tillbaka = `${at}#bilagor`;
  return session.postMultipart(`${at}/bilagor`, fields, [{ name: "fil", filename, content, type: options.type ?? "application/octet-stream" }]);
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database, { attachmentMaxBytes: LIMIT }), { logger: false });
  const plan = await one<{ id: string; workspace_id: string }>(sql`select id, workspace_id from plan where slug = 'fri-fran-vald'`);
  asf12 = (await one<{ id: string }>(sql`select id from activity where plan_id = ${plan.id} and number = '1.2'`)).id;
  const asf = (await one<{ id: string }>(sql`select id from organisation where slug = 'asf' and workspace_id = ${plan.workspace_id}`)).id;
  const coordinatorId = (await one<{ id: string }>(sql`select id from app_user where email = 'samordnare@malmo.example'`)).id;
  const coordinator: Viewer = {
    userId: coordinatorId, email: "samordnare@malmo.example", name: "S", systemAdmin: false, memberships: [{ workspaceId: plan.workspace_id, role: "coordinator", organisationId: null }],
  };
  const opened = await openFollowUpRound(database.db, coordinator, {
    planId: plan.id, name: "Uppföljning 2025", slug: "", periodStart: "2025-01-01", periodEnd: "2025-12-31", deadline: "2099-02-15",
    reminderOffsets: "14, 3, -1", approvalMode: "one", requireDifferentApprover: true, asks: [], organisationIds: [asf], confirmedPersonalData: false,
  });
  const row = await one<{ id: string; organisation_report_id: string }>(
    sql`select id, organisation_report_id from activity_report where round_id = ${opened.roundId} and activity_id = ${asf12} and organisation_id = ${asf}`,
  );
  reportId = row.id;
  orgReportId = row.organisation_report_id;
  report = `${PLAN}/uppfoljning/uppfoljning-2025/asf/aktiviteter/${asf12}`;
  for (const [who, email] of Object.entries({
    editor: "asf.redaktor@malmo.example", coordinator: "samordnare@malmo.example", reader: "lasare@malmo.example", approver: "asf.godkannare@malmo.example",
  })) {
    sessions[who] = new Session(app);
    await sessions[who].logIn(email);
  }
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("uploading attachments", () => {
  it("stores a real PDF, DOCX, XLSX, PNG and JPEG with the type read from the content and its SHA-256, and audits each", async () => {
    const files = [
      { filename: "Föräldrakurser 2025.pdf", content: pdfFile("Foraldrakurser 2025"), mediaType: "application/pdf" },
      { filename: "Processplan.docx", content: docxFile(), mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      { filename: "Kurser per månad.xlsx", content: xlsxFile(85), mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      // The browser's word is not taken: a PNG declared as a PDF is stored as what it is.
      { filename: "affisch.png", content: pngFile(), mediaType: "image/png", type: "application/pdf" },
      { filename: "bild.JPEG", content: jpegFile(), mediaType: "image/jpeg" },
    ];
    const before = await auditCount("attachment.added");
    for (const file of files) {
      const res = await upload(sessions.editor!, file.filename, file.content, { type: file.type ?? "application/octet-stream" });
      expect(res.statusCode, file.filename).toBe(303);
      expect(res.headers.location).toBe(`${report}#bilagor`);
    }
    const rows = await queryRows<{ filename: string; media_type: string; size_bytes: number; sha256: string }>(
      database.db, sql`select filename, media_type, size_bytes::int as size_bytes, sha256 from attachment where activity_report_id = ${reportId} order by created_at`,
    );
    expect(rows).toEqual(files.map((f) => ({ filename: f.filename, media_type: f.mediaType, size_bytes: f.content.length, sha256: sha(f.content) })));
    expect(await auditCount("attachment.added")).toBe(before + files.length);
    const audit = await one<{ changes: Array<{ field: string; after: unknown }>; subject_id: string }>(
      sql`select changes, subject_id from audit_event where action = 'attachment.added' order by at desc limit 1`,
    );
    expect(audit.subject_id).toBe(reportId);
    expect(audit.changes).toEqual(expect.arrayContaining([
      { field: "attachment", before: null, after: "bild.JPEG" },
      { field: "sha256", before: null, after: sha(jpegFile()) },
    ]));
    // The first saved thing moves the organisation's report from "not started" to "draft".
    expect((await one<{ state: string }>(sql`select state from organisation_report where id = ${orgReportId}`)).state).toBe("draft");
  });

  it("refuses a program renamed .pdf (Linux and Windows) with a clear Swedish message, and stores nothing", async () => {
    const before = { attachments: await attachmentCount(), audit: await auditCount("attachment.added") };
    for (const [program, type] of [[elfProgram(), "ELF"], [windowsProgram(), "EXE"]] as const) {
      const res = await upload(sessions.editor!, "rapport.pdf", program, { type: "application/pdf" });
      expect(res.statusCode).toBe(400);
      const body = text(res.body);
      expect(body).toContain(`Filen är ett program (${type}), inte ett dokument – oavsett vad filnamnet säger. Program kan inte bifogas.`);
      // The error summary links to the file field, which is on the page again.
      expect(res.body).toContain('href="#fil"');
      expect(res.body).toMatch(/<input id="fil" name="fil" type="file"[^>]*aria-invalid="true"/);
      expect(res.body).toContain('enctype="multipart/form-data"');
    }
    expect(await attachmentCount()).toBe(before.attachments);
    expect(await auditCount("attachment.added")).toBe(before.audit);
  });

  it("refuses a name that disagrees with the content, a file of no allowed type, an empty pick, and an identity number in the name", async () => {
    const before = await attachmentCount();
    const cases: Array<[string, Uint8Array, string]> = [
      ["affisch.pdf", pngFile(), "Filnamnet slutar på .pdf, men innehållet är PNG. Kontrollera att du har valt rätt fil, eller byt namn på den."],
      ["tabell", xlsxFile(), "Filnamnet saknar filändelse. Innehållet är XLSX"],
      ["anteckningar.pdf", Buffer.from("bara text, ingen pdf\n"), "Filens innehåll är inte PDF, DOCX, XLSX, PNG eller JPEG."],
      ["arkiv.pdf", Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]), "Filen är av typen GZ. Bara PDF, DOCX, XLSX, PNG och JPEG kan bifogas."],
      ["", new Uint8Array(), "Välj en fil att bifoga"],
      ["tom.pdf", new Uint8Array(), "Filen tom.pdf är tom."],
      ["intyg 19121212-1212.pdf", pdfFile(), "Texten innehåller ett personnummer"],
    ];
    for (const [filename, content, message] of cases) {
      const res = await upload(sessions.editor!, filename, content);
      expect(res.statusCode, filename).toBe(400);
      expect(text(res.body), filename).toContain(message);
    }
    expect(await attachmentCount()).toBe(before);
  });

  it("refuses a file over the size limit with the limit in the message, and stores nothing", async () => {
    const before = await attachmentCount();
    const big = Buffer.concat([pdfFile(), Buffer.alloc(LIMIT + 10, 0x20)]);
    const res = await upload(sessions.editor!, "stor.pdf", big);
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain("Filen är för stor. En bilaga får vara högst 64 kB. Inget har sparats.");
    expect(await attachmentCount()).toBe(before);
    // Exactly at the limit is still accepted.
    const exact = Buffer.concat([pdfFile(), Buffer.alloc(LIMIT - pdfFile().length, 0x20)]);
    expect((await upload(sessions.editor!, "precis.pdf", exact)).statusCode).toBe(303);
    expect(await attachmentCount()).toBe(before + 1);
  });

  it("requires the CSRF token in a multipart form too: missing or wrong is refused and nothing is stored", async () => {
    const before = await attachmentCount();
    const missing = await upload(sessions.editor!, "utan-token.pdf", pdfFile(), { csrf: null });
    expect(missing.statusCode).toBe(403);
    expect(text(missing.body)).toContain("Formuläret kunde inte tas emot");
    const wrong = await upload(sessions.editor!, "fel-token.pdf", pdfFile(), { csrf: "inte-en-riktig-token" });
    expect(wrong.statusCode).toBe(403);
    expect(await attachmentCount()).toBe(before);
    // Another person's token is no token for this session.
    const stolen = await upload(sessions.editor!, "lånad-token.pdf", pdfFile(), { csrf: await token(sessions.reader!) });
    expect(stolen.statusCode).toBe(403);
    expect(await attachmentCount()).toBe(before);
  });

  it("is for the organisation's editors and coordinators: anonymous visitors log in, readers and approvers are refused", async () => {
    const before = await attachmentCount();
    const anonymous = new Session(app);
    const loginPage = await anonymous.get("/logga-in");
    const res = await anonymous.postMultipart(`${report}/bilagor`, { _csrf: Session.tokenIn(loginPage.body) }, [{ name: "fil", filename: "a.pdf", content: pdfFile() }]);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/logga-in\?tillbaka=/);
    expect((await upload(sessions.reader!, "l.pdf", pdfFile())).statusCode).toBe(403);
    expect((await upload(sessions.approver!, "g.pdf", pdfFile())).statusCode).toBe(403);
    expect(await attachmentCount()).toBe(before);
    expect((await upload(sessions.coordinator!, "samordnarens.pdf", pdfFile())).statusCode).toBe(303);
    expect(await attachmentCount()).toBe(before + 1);
  });

  it("refuses uploads to a submitted report and to a closed round, with the reason", async () => {
    const before = await attachmentCount();
    await database.db.execute(sql`update organisation_report set state = 'submitted' where id = ${orgReportId}`);
    try {
      const res = await upload(sessions.editor!, "sent.pdf", pdfFile());
      expect(res.statusCode).toBe(400);
      expect(text(res.body)).toContain("Rapporten är inlämnad och kan inte ändras nu.");
      // Not writable: no upload form and no remove buttons on the page it answers with.
      expect(res.body).not.toContain('enctype="multipart/form-data"');
      expect(res.body).not.toContain("/ta-bort");
    } finally {
      await database.db.execute(sql`update organisation_report set state = 'draft' where id = ${orgReportId}`);
    }
    const closed = `${PLAN}/uppfoljning/uppfoljning-2024/asf/aktiviteter/${asf12}`;
    const res = await upload(sessions.editor!, "gammal.pdf", pdfFile(), { at: closed });
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain("Uppföljningen Uppföljning 2024 är stängd.");
    expect(await attachmentCount()).toBe(before);
  });

  it("answers 404 for a report that does not exist (another organisation, malformed id)", async () => {
    expect((await upload(sessions.editor!, "x.pdf", pdfFile(), { at: `${PLAN}/uppfoljning/uppfoljning-2025/grf/aktiviteter/${asf12}` })).statusCode).toBe(404);
    expect((await sessions.editor!.get(`${report}/bilagor/inte-ett-id`)).statusCode).toBe(404);
  });
});

describe("downloading and removing", () => {
  const stored = async (filename: string) =>
    one<{ id: string; sha256: string }>(sql`select id, sha256 from attachment where activity_report_id = ${reportId} and filename = ${filename}`);

  it("sends the exact bytes as a download with the stored type, to anyone with a role in the workspace", async () => {
    const { id } = await stored("Föräldrakurser 2025.pdf");
    for (const who of ["reader", "approver", "editor"]) {
      const res = await sessions[who]!.get(`${report}/bilagor/${id}`);
      expect(res.statusCode, who).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toBe(attachmentDisposition("Föräldrakurser 2025.pdf"));
      expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="Foraldrakurser 2025.pdf"; filename\*=UTF-8''F%C3%B6r%C3%A4ldrakurser%202025\.pdf$/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(sha(res.rawPayload)).toBe(sha(pdfFile("Foraldrakurser 2025")));
    }
    const xlsx = await stored("Kurser per månad.xlsx");
    const res = await sessions.reader!.get(`${report}/bilagor/${xlsx.id}`);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.rawPayload.equals(xlsxFile(85))).toBe(true);
    // Anonymous visitors log in first; another report's address does not reach this file.
    const anonymous = await app.inject({ method: "GET", url: `${report}/bilagor/${id}` });
    expect(anonymous.statusCode).toBe(303);
    const elsewhere = `${PLAN}/uppfoljning/uppfoljning-2024/asf/aktiviteter/${asf12}/bilagor/${id}`;
    expect((await sessions.reader!.get(elsewhere)).statusCode).toBe(404);
  });

  it("lets the editor remove a file from a draft (deleted, audited with its name and SHA-256) and refuses readers", async () => {
    const target = await stored("affisch.png");
    const back = `${report}#bilagor`;
    const forbidden = await sessions.reader!.post(`${report}/bilagor/${target.id}/ta-bort`, { _csrf: await token(sessions.reader!), tillbaka: back });
    expect(forbidden.statusCode).toBe(403);
    const noToken = await sessions.editor!.post(`${report}/bilagor/${target.id}/ta-bort`, { tillbaka: back });
    expect(noToken.statusCode).toBe(403);
    expect(await stored("affisch.png")).toBeDefined();

    const res = await sessions.editor!.post(`${report}/bilagor/${target.id}/ta-bort`, { _csrf: await token(sessions.editor!), tillbaka: back });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(back);
    expect(await stored("affisch.png")).toBeUndefined();
    const audit = await one<{ changes: Array<{ field: string; before: unknown }>; subject_id: string }>(
      sql`select changes, subject_id from audit_event where action = 'attachment.removed' order by at desc limit 1`,
    );
    expect(audit.subject_id).toBe(reportId);
    expect(audit.changes).toEqual(expect.arrayContaining([
      { field: "attachment", before: "affisch.png", after: null },
      { field: "sha256", before: target.sha256, after: null },
    ]));
    // Gone: its address is a missing page now.
    expect((await sessions.editor!.get(`${report}/bilagor/${target.id}`)).statusCode).toBe(404);
  });

  it("refuses removal once the report is submitted", async () => {
    const target = await stored("Processplan.docx");
    await database.db.execute(sql`update organisation_report set state = 'submitted' where id = ${orgReportId}`);
    try {
      const res = await sessions.editor!.post(`${report}/bilagor/${target.id}/ta-bort`, { _csrf: await token(sessions.editor!), tillbaka: report });
      expect(res.statusCode).toBe(400);
      expect(text(res.body)).toContain("Rapporten är inlämnad och kan inte ändras nu.");
      expect(await stored("Processplan.docx")).toBeDefined();
    } finally {
      await database.db.execute(sql`update organisation_report set state = 'draft' where id = ${orgReportId}`);
    }
  });
});

describe("the attachments section", () => {
  const t = translator("sv");
  const ctx = { locale: "sv" as const, t, path: report, viewer: null, csrf: "TOKEN" };
  const attachments = [
    { id: "a1", filename: "Rapport.pdf", mediaType: "application/pdf", sizeBytes: 1_468_006, createdAt: new Date() },
    { id: "a2", filename: "Bild.png", mediaType: "image/png", sizeBytes: 12_800, createdAt: new Date() },
  ];

  it("lists each file with its type and size in words, a download link, and — while writable — remove buttons and the upload form", () => {
    const html = render(h(AttachmentsSection, { ctx, basePath: "/r", attachments, writable: true, returnTo: "/r#bilagor", maxBytes: 20 * 1024 * 1024 }));
    expect(text(html)).toContain("Rapport.pdf PDF, 1,4 MB");
    expect(text(html)).toContain("Bild.png PNG, 13 kB");
    expect(html).toContain('href="/r/bilagor/a1"');
    expect(html).toContain('action="/r/bilagor/a2/ta-bort"');
    expect(html).toContain('aria-label="Ta bort Bild.png"');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(text(html)).toContain("PDF, DOCX, XLSX, PNG eller JPEG, högst 20 MB.");
    // The token is the upload form's first field, before the file.
    const form = html.slice(html.indexOf('enctype="multipart/form-data"'));
    expect(form.indexOf('name="_csrf" value="TOKEN"')).toBeGreaterThan(-1);
    expect(form.indexOf('name="_csrf"')).toBeLessThan(form.indexOf('type="file"'));
  });

  it("shows only the list and download links when the report cannot be written", () => {
    const html = render(h(AttachmentsSection, { ctx, basePath: "/r", attachments, writable: false, returnTo: "/r" }));
    expect(html).toContain('href="/r/bilagor/a1"');
    expect(html).not.toContain("ta-bort");
    expect(html).not.toContain('type="file"');
    expect(render(h(AttachmentsSection, { ctx, basePath: "/r", attachments: [], writable: false, returnTo: "/r" }))).toContain("Inga bilagor.");
  });
});

describe("backups", () => {
  it("keep every attachment's bytes: after backup and restore each SHA-256 still matches", async () => {
    const original = await queryRows<{ id: string; sha256: string; content: Uint8Array }>(database.db, sql`select id, sha256, content from attachment order by id`);
    expect(original.length).toBeGreaterThanOrEqual(5);
    const target = await openTestDatabase({ demo: false });
    try {
      const backup = await createBackup(database);
      await restoreBackup(target, JSON.parse(JSON.stringify(backup)));
      const restored = await queryRows<{ id: string; sha256: string; content: Uint8Array }>(target.db, sql`select id, sha256, content from attachment order by id`);
      expect(restored.map((r) => r.id)).toEqual(original.map((r) => r.id));
      for (const [i, row] of restored.entries()) {
        expect(sha(row.content)).toBe(row.sha256);
        expect(row.sha256).toBe(original[i]!.sha256);
      }
    } finally {
      await target.close();
    }
  });
});
