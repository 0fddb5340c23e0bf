// Importing an action plan into the Malmö demo, from a recognised draft: what it proposes, the commit in one transaction
// through the ordinary commands, importing the same document again (no duplicates: unchanged, or updates field by
// field), a new organisation chosen in the preview, and a refusal that leaves everything as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { viewerOfUser } from "../../src/accounts/sessions.ts";
import type { Viewer } from "../../src/domain/roles.ts";
import { commitActionPlanImport, ImportRefused, proposalFor } from "../../src/import/commit/action-plan.ts";
import type { Block } from "../../src/import/recognise/blocks.ts";
import { recognise } from "../../src/import/recognise/recognise.ts";
import { findReadablePlan, findWorkspace } from "../../src/queries/find-plan.ts";
import type { Plan, Workspace } from "../../src/queries/plan-graph.ts";
import { openTestDatabase } from "../support/db.ts";

let database: Database;
let coordinator: Viewer;
let workspace: Workspace;
let plan: Plan;
let kultur: string;
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const messages = { contents: "c", readOnce: "r", goalFromNumber: "g" };

let line = 0;
const p = (text: string): Block => ({ kind: "paragraph", text, where: { line: ++line } });
const h = (text: string): Block => ({ kind: "heading", level: 2, text, where: { line: ++line } });

function draftOf(extra: { description?: string; partner?: string; personnummer?: boolean } = {}) {
  return recognise(
    [
      h("Handlingsplan för Kulturförvaltningen"),
      h("Inriktningsmål 1 - Staden bedriver ett verkningsfullt våldsförebyggande arbete"),
      h("Verksamhetsspecifika aktiviteter"),
      p("Aktivitet 1.91: Biblioteken ordnar samtalskvällar om normer för unga."),
      p(`Beskrivning: ${extra.description ?? "Samtalen leds av bibliotekarier med stöd av fritidsledare."}`),
      p("Preventionsnivå: Universell"),
      h("Aktiviteter i samverkan"),
      p("Aktivitet 1.92: Kulturskolan tar fram en föreställning om gränser."),
      p(`Medansvarig: ${extra.partner ?? "Fritidsnämnden"}`),
      ...(extra.personnummer ? [p("Uppföljning: Kontaktperson 19121212-1212.")] : []),
    ],
    { messages },
  );
}

const count = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from activity a join action_plan ap on ap.id = a.action_plan_id where ap.organisation_id = ${kultur}`))[0]!.n;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  const [user] = await rows<{ id: string; email: string; name: string; system_admin: boolean }>(sql`select id, email, name, system_admin from app_user where email = 'samordnare@malmo.example'`);
  coordinator = await viewerOfUser(database.db, { id: user!.id, email: user!.email, name: user!.name, systemAdmin: user!.system_admin });
  workspace = await findWorkspace(database.db, "malmo");
  plan = await findReadablePlan(database.db, workspace, "fri-fran-vald", coordinator);
  kultur = (await rows<{ id: string }>(sql`select id from organisation where slug = 'kulturforvaltningen'`))[0]!.id;
});

afterAll(async () => {
  await database?.close();
});

describe("importing an action plan", () => {
  it("proposes every measure as new, with its goal, kind, prevention level and partners matched", async () => {
    const proposal = await proposalFor(database.db, { workspace, plan, organisationId: kultur, draft: draftOf(), corrections: {} });
    expect(proposal.activities.map((a) => [a.measure.number, a.action, a.blockers])).toEqual([["1.91", "create", []], ["1.92", "create", []]]);
    expect(proposal.goals[0]!.goalId).not.toBeNull();
    const [first, second] = proposal.activities;
    expect(Object.keys(first!.fields.terms).sort()).toEqual(["activity_kind", "prevention_level"]);
    expect(first!.fields.responsibleIds).toEqual([kultur]);
    expect(proposal.names).toEqual([expect.objectContaining({ written: "Fritidsnämnden", how: "exact" })]);
    expect(second!.fields.coResponsibleIds).toHaveLength(1);
  });

  it("commits in one go, and importing the same document again changes nothing", async () => {
    const before = await count();
    const result = await commitActionPlanImport(database.db, coordinator, { workspace, plan, organisationId: kultur, draft: draftOf(), corrections: {}, confirmedPersonalData: false, via: "web", fileName: "kultur.docx" });
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await count()).toBe(before + 2);
    const terms = await rows<{ key: string }>(sql`select t.key from activity a join activity_term at on at.activity_id = a.id join term t on t.id = at.term_id where a.number = '1.91' order by t.key`);
    expect(terms.map((t) => t.key)).toEqual(["universell", "verksamhetsspecifik"]);
    const audit = await rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'import.committed' and organisation_id = ${kultur}`);
    expect(audit[0]!.n).toBe(1);

    const again = await commitActionPlanImport(database.db, coordinator, { workspace, plan, organisationId: kultur, draft: draftOf(), corrections: {}, confirmedPersonalData: false, via: "web", fileName: "kultur.docx" });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await count()).toBe(before + 2);
  });

  it("shows a revised document's changes field by field, as an update", async () => {
    const proposal = await proposalFor(database.db, { workspace, plan, organisationId: kultur, draft: draftOf({ description: "Samtalen leds nu av kulturskolans pedagoger." }), corrections: {} });
    expect(proposal.activities.map((a) => a.action)).toEqual(["update", "unchanged"]);
    expect(proposal.activities[0]!.changes).toEqual([
      { field: "description", before: "Samtalen leds av bibliotekarier med stöd av fritidsledare.", after: "Samtalen leds nu av kulturskolans pedagoger." },
    ]);
  });

  it("adds an organisation the user chose to add as new", async () => {
    const draft = draftOf({ partner: "Kvinnojouren Exempel" });
    const proposal = await proposalFor(database.db, { workspace, plan, organisationId: kultur, draft, corrections: {} });
    expect(proposal.names).toEqual([{ written: "Kvinnojouren Exempel", organisationId: null, how: "none" }]);
    await commitActionPlanImport(database.db, coordinator, { workspace, plan, organisationId: kultur, draft, corrections: { organisations: { "Kvinnojouren Exempel": "new" } }, confirmedPersonalData: false, via: "web", fileName: "kultur.docx" });
    const created = await rows<{ id: string }>(sql`select id from organisation where name = 'Kvinnojouren Exempel'`);
    expect(created).toHaveLength(1);
    const linked = await rows<{ n: number }>(sql`select count(*)::int as n from activity_organisation where organisation_id = ${created[0]!.id}`);
    expect(linked[0]!.n).toBe(1);
  });

  it("refuses the whole import when one measure cannot be written, and writes nothing", async () => {
    const before = await count();
    const organisationsBefore = (await rows<{ n: number }>(sql`select count(*)::int as n from organisation`))[0]!.n;
    const draft = draftOf({ description: `Kontakt: 19121212-1212`, partner: "Ny förening" });
    const error = await commitActionPlanImport(database.db, coordinator, { workspace, plan, organisationId: kultur, draft, corrections: { organisations: { "Ny förening": "new" } }, confirmedPersonalData: false, via: "web", fileName: "x.docx" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as ImportRefused).measure?.label).toMatch(/^1\.91 /);
    expect(await count()).toBe(before);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from organisation`))[0]!.n).toBe(organisationsBefore);
  });

  it("will not write a measure whose goal it could not find", async () => {
    const draft = draftOf();
    draft.goals[0]!.number = "9";
    draft.goals[0]!.title = "Ett mål som planen inte har";
    for (const m of draft.measures) m.goal = "9";
    const proposal = await proposalFor(database.db, { workspace, plan, organisationId: kultur, draft, corrections: {} });
    expect(proposal.activities.every((a) => a.blockers.includes("goal"))).toBe(true);
    const goalId = (await rows<{ id: string }>(sql`select g.id from goal g where g.plan_id = ${plan.id} order by position limit 1`))[0]!.id;
    const corrected = await proposalFor(database.db, { workspace, plan, organisationId: kultur, draft, corrections: { goals: { "9": goalId } } });
    expect(corrected.activities.every((a) => a.blockers.length === 0)).toBe(true);
  });
});
