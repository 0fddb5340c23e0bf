import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client.ts";
import { openTestDatabase } from "../../../test/support/db.ts";
import { removeDemo, seedDemo } from "./index.ts";

let database: Database;
const count = async (query: string) => (await queryRows<{ n: number }>(database.db, sql.raw(query)))[0]!.n;

beforeAll(async () => {
  // A migrated, empty database on the test engine (PGlite, or PostgreSQL with TEST_DATABASE_URL).
  database = await openTestDatabase({ demo: false });
});
afterAll(async () => database?.close());

describe("demo data", () => {
  it("loads Malmö with the plan's six goals and ASF's 27 activities, once", async () => {
    expect(await seedDemo(database.db)).toEqual({ loaded: true });
    expect(await seedDemo(database.db)).toEqual({ loaded: false });
    const titles = await queryRows<{ title: string }>(database.db, sql`
      select g.title from goal g join plan p on p.id = g.plan_id join workspace w on w.id = p.workspace_id
      where w.slug = 'malmo' order by g.position`);
    expect(titles.map((t) => t.title)).toEqual([
      "Staden bedriver ett verkningsfullt våldsförebyggande arbete",
      "Staden arbetar aktivt med att förhindra att våld upprepas",
      "Verksamma i staden ska upptäcka våld och kunna agera",
      "Staden erbjuder stöd utifrån den enskildes behov",
      "Stadens arbete bygger på aktuell kunskap och forskning",
      "Stadens arbete sker i samverkan med myndigheter, civilsamhälle och andra relevanta aktörer",
    ]);
    const asf = `from activity a join action_plan ap on ap.id = a.action_plan_id join organisation o on o.id = ap.organisation_id
      where o.slug = 'asf'`;
    expect(await count(`select count(*)::int n ${asf}`)).toBe(27);
    expect(await count(`select count(*)::int n ${asf} and a.number is null`)).toBe(7);
    const numbers = await queryRows<{ number: string }>(database.db, sql.raw(`select a.number ${asf} and a.number is not null`));
    expect(numbers).toHaveLength(20);
    expect(numbers.every((n) => /^[1-6]\.[1-9]$/.test(n.number))).toBe(true);
  });

  it("records the 2024 follow-up figures of the parenting courses (68 → 85) and the ca 20 perpetrators", async () => {
    const rows = await queryRows<{ name: string; value: number; baseline: number | null; qualifier: string }>(database.db, sql`
      select f.name, f.value::float as value, f.baseline::float as baseline, f.qualifier from figure f
      join activity_report r on r.id = f.activity_report_id join follow_up_round fr on fr.id = r.round_id
      where fr.slug = 'uppfoljning-2024'`);
    expect(rows).toContainEqual(expect.objectContaining({ value: 85, baseline: 68 }));
    expect(rows).toContainEqual(expect.objectContaining({ value: 83 }));
    expect(rows).toContainEqual(expect.objectContaining({ value: 20, qualifier: "about" }));
  });

  it("gives Exempelby its own vocabulary and colon numbering", async () => {
    const [plan] = await queryRows<{ vocabulary: { goal: { sv: { one: string } }; numbering: string } }>(database.db, sql`
      select p.vocabulary from plan p join workspace w on w.id = p.workspace_id where w.slug = 'exempelby'`);
    expect(plan?.vocabulary.goal.sv.one).toBe("Fokusområde");
    expect(plan?.vocabulary.numbering).toBe("{goal}:{n}");
  });

  it("removes every demo row and can load again", async () => {
    await removeDemo(database.db);
    expect(await count("select count(*)::int n from workspace")).toBe(0);
    expect(await count("select count(*)::int n from activity")).toBe(0);
    expect(await seedDemo(database.db)).toEqual({ loaded: true });
    expect(await count("select count(*)::int n from workspace")).toBe(2);
  });
});
