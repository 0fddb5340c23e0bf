// How an organisation approves its report, by the round's rules: "all" approvers must approve before it moves on,
// and whoever submitted may not approve their own submission when the round asks for a different approver. Commands
// directly, on the demo; mail stays in the outbox (no SMTP), which is checked for the next person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "../../src/db/client.ts";
import * as s from "../../src/db/schema/index.ts";
import { Invalid } from "../../src/domain/errors.ts";
import type { Viewer } from "../../src/domain/roles.ts";
import { addDays, localDate } from "../../src/domain/local-date.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { openFollowUpRound } from "../../src/commands/open-follow-up-round.ts";
import { saveReportSummary } from "../../src/commands/save-report-summary.ts";
import { submitOrganisationReport } from "../../src/commands/submit-organisation-report.ts";
import { approveOrganisationReport } from "../../src/commands/approve-organisation-report.ts";
import { acceptOrganisationReport } from "../../src/commands/decide-organisation-report.ts";
import { openTestDatabase } from "../support/db.ts";

let database: Database;
let db: Db;
let workspaceId = "";
let orgId = "";
let reportId = "";
const people: Record<string, Viewer> = {};
const channel = () => ({ mailer: createMailer({ from: "Samverka <noreply@samverka.invalid>", db }), publicUrl: "https://samverka.example" });
const one = async <T,>(query: ReturnType<typeof sql>) => (await queryRows<T>(db, query))[0]!;
const report = () => one<{ state: string; version: number }>(sql`select state, version from organisation_report where id = ${reportId}`);

async function person(key: string, roles: Array<"editor" | "approver" | "coordinator">) {
  const [user] = await db.insert(s.users).values({ email: `${key}@kultur.example`, name: `Person ${key}` }).returning({ id: s.users.id });
  for (const role of roles) {
    await db.insert(s.memberships).values({ workspaceId, userId: user!.id, role, organisationId: role === "coordinator" ? null : orgId });
  }
  people[key] = {
    userId: user!.id, email: `${key}@kultur.example`, name: `Person ${key}`, systemAdmin: false,
    memberships: roles.map((role) => ({ workspaceId, role, organisationId: role === "coordinator" ? null : orgId })),
  };
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  db = database.db;
  const plan = await one<{ id: string; workspace_id: string }>(sql`select id, workspace_id from plan where slug = 'fri-fran-vald'`);
  workspaceId = plan.workspace_id;
  orgId = (await one<{ id: string }>(sql`select id from organisation where slug = 'kulturforvaltningen'`)).id;
  await person("chef", ["editor", "approver"]);
  await person("hr", ["approver"]);
  await person("samordnare", ["coordinator"]);
  const opened = await openFollowUpRound(db, people.samordnare!, {
    planId: plan.id, name: "Uppföljning 2025", slug: "", periodStart: "2025-01-01", periodEnd: "2025-12-31", deadline: addDays(localDate(), 20),
    organisationIds: [orgId], approvalMode: "all", confirmedPersonalData: false,
  });
  reportId = (await one<{ id: string }>(sql`select id from organisation_report where round_id = ${opened.roundId}`)).id;
  const { version } = await report();
  await saveReportSummary(db, people.chef!, { organisationReportId: reportId, version, summary: "Biblioteken har haft samtalsgrupper.", introduction: "", howMade: "", confirmedPersonalData: false });
  await submitOrganisationReport(db, people.chef!, channel(), { organisationReportId: reportId, version: (await report()).version, confirmNotStarted: true });
});
afterAll(async () => {
  await database?.close();
});

const approve = async (who: string) =>
  approveOrganisationReport(db, people[who]!, channel(), {
    organisationReportId: reportId, version: (await report()).version, anchoredIn: "Ledningsgrupp", anchoredOn: localDate(), comment: "", confirmedPersonalData: false,
  });

describe("approval by the round's rules", () => {
  it("tells the approvers, not the coordinator, when the report is submitted", async () => {
    const rows = await queryRows<{ to_address: string }>(db, sql`select to_address from mail_outbox where subject like '%lämnat in sin rapport%' order by to_address`);
    expect(rows.map((r) => r.to_address)).toEqual(["chef@kultur.example", "hr@kultur.example"]);
  });

  it("refuses the submitter's own approval, and changes nothing", async () => {
    const before = await report();
    const error = await approve("chef").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fields.approve?.key).toBe("approval.ownSubmission");
    expect(await report()).toEqual(before);
    expect(Number((await one<{ n: number }>(sql`select count(*)::int as n from report_approval where organisation_report_id = ${reportId}`)).n)).toBe(0);
  });

  it("with all approvers required, moves on once every other approver has approved", async () => {
    await person("ledning", ["approver"]);
    expect((await approve("hr")).state).toBe("submitted");
    expect((await report()).state).toBe("submitted");
    const early = await acceptOrganisationReport(db, people.samordnare!, channel(), { organisationReportId: reportId, version: (await report()).version }).catch((e: unknown) => e);
    expect((early as Invalid).fields.accept?.key).toBe("report.awaitingApproval");
    expect((await approve("ledning")).state).toBe("approved");
    const row = await one<{ anchored_in: string; state: string }>(sql`select anchored_in, state from organisation_report where id = ${reportId}`);
    expect(row).toEqual({ anchored_in: "Ledningsgrupp", state: "approved" });
    const told = await queryRows<{ to_address: string }>(db, sql`select to_address from mail_outbox where subject like '%är godkänd%'`);
    expect(told.map((r) => r.to_address)).toContain("samordnare@kultur.example");
  });
});
