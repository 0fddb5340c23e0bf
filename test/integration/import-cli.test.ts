// `samverka import` as a script would run it: --dry-run --format json prints exactly one JSON document in the published
// shape (with no workspace at all); importing into Exempelby needs --org and --as and writes every åtgärd, and again
// changes nothing; a document with a personnummer and one that is no document are refused with exit 1, nothing written.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exempelbyActionPlanDocx, exempelbyActionPlanPdf } from "../support/import-fixtures.ts";
import { runCli } from "../support/cli.ts";

const root = mkdtempSync(join(process.cwd(), ".tmp", "cli-import-"));
const env = { DATA_DIR: join(root, "data") };
const file = (name: string) => join(root, name);

beforeAll(async () => {
  writeFileSync(file("plan.docx"), await exempelbyActionPlanDocx());
  writeFileSync(file("plan.pdf"), await exempelbyActionPlanPdf());
  writeFileSync(file("pnr.md"), "# Fokusområde 1: Förebygga\n\nÅtgärd 1:9 Samtal med 19121212-1212.\n");
  writeFileSync(file("bild.docx"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("samverka import", () => {
  it("prints exactly one JSON document in the published shape on --dry-run --format json, without any workspace", async () => {
    const run = await runCli(["import", file("plan.pdf"), "--dry-run", "--format", "json"], env);
    expect(run.code, run.stderr).toBe(0);
    const draft = JSON.parse(run.stdout);
    expect(Object.keys(draft).sort()).toEqual(["goals", "kind", "measures", "repairs", "unrecognised", "vision", "warnings"]);
    expect(draft.kind).toBe("action-plan");
    expect(draft.goals.map((g: { number: string }) => g.number)).toEqual(["1", "2", "3"]);
    expect(draft.measures.map((m: { number: string; goal: string }) => `${m.number}/${m.goal}`)).toEqual(["1:3/1", "1:4/1", "2:2/2", "3:2/3"]);
    expect(draft.measures[1]).toMatchObject({ responsible: ["Barn- och utbildningsnämnden", "Fritidsnämnden"], preventionLevels: ["Universell"], status: null, figures: [] });
    expect(Object.keys(draft.measures[0]).sort()).toEqual(["coResponsible", "description", "figures", "followUp", "goal", "kind", "number", "preventionLevels", "responsible", "status", "title"]);
    expect(draft.warnings[0].where).toEqual({ page: 1, line: expect.any(Number) });
  });

  it("asks for what committing needs, and refuses a personnummer or a file that is no document with nothing written", { timeout: 120_000 }, async () => {
    const noWorkspace = await runCli(["import", file("plan.docx")], env);
    expect(noWorkspace.code).toBe(2);
    expect(noWorkspace.stderr).toContain("importing needs --workspace <slug>");
    const noOrg = await runCli(["import", file("plan.docx"), "--workspace", "exempelby"], env);
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain("--org");
    const pnr = await runCli(["import", file("pnr.md"), "--dry-run", "--format", "json"], env);
    expect(pnr.code).toBe(1);
    expect(pnr.stdout).toBe("");
    expect(pnr.stderr).toMatch(/personal identity numbers/);
    expect(pnr.stderr).not.toContain("1212-1212");
    const picture = await runCli(["import", file("bild.docx"), "--dry-run"], env);
    expect(picture.code).toBe(1);
    expect(picture.stderr).toContain("not a document that can be read");
  });

  it("imports every åtgärd into Exempelby as the given account, and importing again changes nothing", { timeout: 300_000 }, async () => {
    expect((await runCli(["seed-demo"], env)).code).toBe(0);
    const admin = await runCli(["user", "create", "--admin", "--email", "it@exempelby.example", "--name", "IT"], env, { input: "ett-langt-losenord-1\n" });
    expect(admin.code, admin.stderr).toBe(0);
    const args = ["import", file("plan.docx"), "--workspace", "exempelby", "--org", "Utbildningsförvaltningen", "--as", "it@exempelby.example"];
    const first = await runCli(args, env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("imported into the action plan of Utbildningsförvaltningen: 4 new, 0 changed, 0 unchanged, 1 organisations added");
    expect(first.stderr).toContain("organisations added as new: Fritidsnämnden");
    const again = await runCli(args, env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("0 new, 0 changed, 4 unchanged, 0 organisations added");
    const stranger = await runCli([...args.slice(0, -1), "nobody@exempelby.example"], env);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('no account "nobody@exempelby.example"');
  });
});
