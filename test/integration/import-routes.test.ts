// The import routes through a cookie session, as a browser posts them: an upload read and kept for its preview; a
// follow-up's preview says what is not saved yet; a file past the size limit, a missing organisation and a file that
// is no document each answer the form again with the message at its field, and nothing is kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { MAX_IMPORT_BYTES } from "../../src/import/readers/read-document.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let app: FastifyInstance;
let editor: Session;
let asf: string;
const UPLOAD = "/malmo/planer/fri-fran-vald/importera";
const drafts = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from import_draft`))[0]!.n;

const FOLLOW_UP = [
  "Uppföljning 2025 av handlingsplanen",
  "",
  "Inriktningsmål 1 - Staden bedriver ett verkningsfullt våldsförebyggande arbete",
  "",
  "Aktivitet 1.2 Förvaltningen ska vidareutveckla det tidiga föräldrastödet.",
  "",
  "Uppföljning: Arbetet pågår. Antalet föräldrakurser ökade från 85 till 97 under året.",
].join("\n");

async function upload(fields: Record<string, string>, file?: { filename: string; content: Uint8Array }) {
  const page = await editor.get(UPLOAD);
  return editor.postMultipart(UPLOAD, { _csrf: Session.tokenIn(page.body), ...fields }, file ? [{ name: "fil", ...file }] : []);
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database));
  editor = new Session(app);
  await editor.logIn("asf.redaktor@malmo.example");
  asf = (await queryRows<{ id: string }>(database.db, sql`select id from organisation where slug = 'asf'`))[0]!.id;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("the import routes", () => {
  it("keeps an upload for its preview, which says that a follow-up's statuses and figures are not saved yet", async () => {
    const res = await upload({ organisation: asf }, { filename: "uppfoljning.txt", content: new TextEncoder().encode(FOLLOW_UP) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const preview = await editor.get(res.headers.location as string);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Dokumentet ser ut som en uppföljning.");
    expect(preview.body).toContain("Än så länge sparas bara aktiviteter i en handlingsplan.");
    expect(preview.body).toContain("från 85 till 97");
  });

  it("answers a file past the limit, a missing organisation and a file that is no document at their fields, keeping nothing", async () => {
    const before = await drafts();
    const tooLarge = await upload({ organisation: asf }, { filename: "stor.pdf", content: new Uint8Array(MAX_IMPORT_BYTES + 10) });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.body).toContain("Filen är större än 15 MB");
    const noOrganisation = await upload({ organisation: "" }, { filename: "plan.txt", content: new TextEncoder().encode(FOLLOW_UP) });
    expect(noOrganisation.statusCode).toBe(400);
    expect(noOrganisation.body).toContain("Välj vems handlingsplan det är");
    const picture = await upload({ organisation: asf }, { filename: "bild.docx", content: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1]) });
    expect(picture.statusCode).toBe(400);
    expect(picture.body).toContain("Filen är inte ett dokument som kan läsas.");
    expect(await drafts()).toBe(before);
  });
});
