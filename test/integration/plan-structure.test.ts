// Plan structure over HTTP: a system administrator creates a workspace, a plan gets its defaults, its details,
// words and statuses are shaped — and every bad input gets its field error with nothing half-saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { createUser } from "../../src/commands/create-user.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let app: FastifyInstance;
let system: Session;
let coordinator: Session;

const SYSTEM_EMAIL = "drift@samverka.example";
const SYSTEM_PASSWORD = "ett-langt-losenord-2025";
const PERSONNUMMER = "19121212-1212";
const HUGE = "a".repeat(200_000);

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0];
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, " ");
/** The message shown at a field (its `<name>-error` paragraph), without the hidden "Fel:". */
function fieldError(html: string, name: string): string | null {
  const match = new RegExp(`id="${name}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return match ? text(match[1]!).replace(/^\s*Fel:\s*/, "").trim() : null;
}
const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const count = async (query: ReturnType<typeof sql>) => Number((await one<{ n: number }>(query))!.n);

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  await createUser(database.db, { email: SYSTEM_EMAIL, name: "Drift", password: SYSTEM_PASSWORD, systemAdmin: true }, { via: "cli" });
  system = new Session(app);
  await system.logIn(SYSTEM_EMAIL, SYSTEM_PASSWORD);
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("creating a workspace", () => {
  it("is for system administrators only: anonymous visitors log in, everyone else gets 403", async () => {
    const anonymous = await app.inject({ method: "GET", url: "/arbetsytor/ny" });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/logga-in?tillbaka=${encodeURIComponent("/arbetsytor/ny")}`);
    const admin = new Session(app);
    await admin.logIn("admin@malmo.example");
    expect((await admin.get("/arbetsytor/ny")).statusCode).toBe(403);
    expect((await coordinator.get("/arbetsytor/ny")).statusCode).toBe(403);
    const crafted = await coordinator.post("/arbetsytor/ny", { _csrf: Session.tokenIn((await coordinator.get("/konto")).body), name: "Kapad", slug: "kapad", defaultLocale: "sv" });
    expect(crafted.statusCode).toBe(403);
    expect(await count(sql`select count(*) as n from workspace where slug = 'kapad'`)).toBe(0);
    expect((await system.get("/arbetsytor/ny")).statusCode).toBe(200);
  });

  it("is offered on the system administrator's account page, and each managed workspace is linked there", async () => {
    const page = (await system.get("/konto")).body;
    expect(page).toContain('href="/arbetsytor/ny"');
    expect(text(page)).toContain("Skapa en arbetsyta");
    expect(page).toContain('href="/malmo/hantera"');
    const own = (await coordinator.get("/konto")).body;
    expect(own).toContain('href="/malmo/hantera"');
    expect(text(own)).toContain("Hantera Malmö stad");
    expect(own).not.toContain('href="/arbetsytor/ny"');
    const reader = new Session(app);
    await reader.logIn("lasare@malmo.example");
    expect((await reader.get("/konto")).body).not.toContain("/hantera");
  });

  it("refuses an empty name, a bad, reserved or taken address, a personnummer and 200 000 characters, creating nothing", async () => {
    const before = await count(sql`select count(*) as n from workspace`);
    const post = (form: Record<string, string>) => system.submit("/arbetsytor/ny", "/arbetsytor/ny", { defaultLocale: "sv", ...form });
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ name: "", slug: "nyby" }, "name", /Skriv ett namn/],
      [{ name: "Nyby", slug: "Ny By" }, "slug", /små bokstäver/],
      [{ name: "Nyby", slug: "konto" }, "slug", /används av webbplatsen/],
      [{ name: "Nyby", slug: "malmo" }, "slug", /malmo används redan/],
      // An empty address is made from the name: "Exempelby" is the demo's.
      [{ name: "Exempelby", slug: "" }, "slug", /exempelby används redan/],
      [{ name: `Nyby ${PERSONNUMMER}`, slug: "nyby" }, "name", /personnummer/],
      [{ name: HUGE, slug: "nyby" }, "name", /för lång \(högst 200 tecken\)/],
      [{ name: "Nyby", slug: "nyby", defaultLocale: "fi" }, "defaultLocale", /Välj ett av alternativen/],
    ];
    // Every problem at once, the taken address among them.
    const both = await post({ name: `Malmö ${PERSONNUMMER}`, slug: "malmo" });
    expect(fieldError(both.body, "name")).toMatch(/personnummer/);
    expect(fieldError(both.body, "slug")).toMatch(/malmo används redan/);
    for (const [form, field, message] of cases) {
      const res = await post(form);
      expect(res.statusCode, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect(fieldError(res.body, field)).toMatch(message);
      expect(res.body).toContain(`href="#${field}"`);
      expect(res.body).toMatch(/<title>Fel: /);
    }
    expect(await count(sql`select count(*) as n from workspace`)).toBe(before);
  });

  it("creates the workspace, audits it and lands on its management page with a confirmation", async () => {
    const res = await system.submit("/arbetsytor/ny", "/arbetsytor/ny", { name: "Nyby kommun", slug: "", defaultLocale: "sv" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/nyby-kommun/hantera");
    const ws = await one<{ id: string; name: string; default_locale: string }>(sql`select id, name, default_locale from workspace where slug = 'nyby-kommun'`);
    expect(ws).toMatchObject({ name: "Nyby kommun", default_locale: "sv" });
    const audit = await one<{ action: string; changes: Array<{ field: string; after: unknown }> }>(
      sql`select action, changes from audit_event where subject_type = 'workspace' and subject_id = ${ws!.id}`,
    );
    expect(audit?.action).toBe("workspace.created");
    expect(audit?.changes).toContainEqual({ field: "slug", before: null, after: "nyby-kommun" });
    const page = await system.get("/nyby-kommun/hantera");
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain("Arbetsytan är skapad");
    expect(page.body).toContain('href="/nyby-kommun/planer/ny"');
    expect(page.body).toContain('href="/nyby-kommun/organisationer/hantera"');
    expect(page.body).toContain('href="/nyby-kommun/personer"');
    expect(page.body).toContain('href="/nyby-kommun/logg"');
  });

  it("keeps the management page to the workspace's administrators and coordinators", async () => {
    expect((await coordinator.get("/malmo/hantera")).statusCode).toBe(200);
    expect((await coordinator.get("/nyby-kommun/hantera")).statusCode).toBe(404);
    const editor = new Session(app);
    await editor.logIn("asf.redaktor@malmo.example");
    expect((await editor.get("/malmo/hantera")).statusCode).toBe(403);
    const malmo = (await coordinator.get("/malmo/hantera")).body;
    expect(malmo).toContain('href="/malmo/planer/fri-fran-vald/hantera"');
    expect(malmo).toContain('href="/malmo/planer/fri-fran-vald"');
  });
});

describe("a plan from nothing", () => {
  const WS = "/nyby-kommun";
  const PLAN = `${WS}/planer/tryggare-nyby`;
  let workspaceId: string;
  let nybyOrg: string;
  let malmoOrg: string;
  let planId: string;
  const planForm = (extra: Record<string, string> = {}) => ({
    name: "Tryggare Nyby 2025–2028", slug: "tryggare-nyby", periodStart: "2025-01-01", periodEnd: "2028-12-31",
    vision: "Ingen i Nyby ska utsättas för våld.", introduction: "Planen samlar kommunens arbete.\n\n- skola\n- socialtjänst",
    adoptedBy: "Kommunfullmäktige", adoptedOn: "2024-11-25", coordinatingOrganisationId: "", followUpEveryMonths: "24", dialogueEveryMonths: "24", ...extra,
  });

  beforeAll(async () => {
    workspaceId = (await one<{ id: string }>(sql`select id from workspace where slug = 'nyby-kommun'`))!.id;
    nybyOrg = (await one<{ id: string }>(sql`insert into organisation (workspace_id, type, slug, name, position) values (${workspaceId}, 'administration', 'socialforvaltningen', 'Socialförvaltningen', 1) returning id`))!.id;
    malmoOrg = (await one<{ id: string }>(sql`select o.id from organisation o join workspace w on w.id = o.workspace_id where w.slug = 'malmo' and o.slug = 'asf'`))!.id;
  });

  const nothingInNyby = async () => {
    expect(await count(sql`select count(*) as n from plan where workspace_id = ${workspaceId}`)).toBe(0);
    expect(await count(sql`select count(*) as n from follow_up_status where workspace_id = ${workspaceId}`)).toBe(0);
    expect(await count(sql`select count(*) as n from taxonomy where workspace_id = ${workspaceId}`)).toBe(0);
    expect(await count(sql`select count(*) as n from term where workspace_id = ${workspaceId}`)).toBe(0);
  };

  it("shows every problem of a bad new plan at once and saves nothing", async () => {
    const res = await system.submit(`${WS}/planer/ny`, `${WS}/planer/ny`, planForm({
      name: "", periodStart: "2028-01-01", periodEnd: "2025-12-31", coordinatingOrganisationId: malmoOrg, vision: `Kontakta ${PERSONNUMMER}`,
      introduction: HUGE, followUpEveryMonths: "7",
    }));
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, "name")).toBe("Skriv ett namn");
    expect(fieldError(res.body, "periodEnd")).toBe("Slutdatumet kan inte vara före startdatumet");
    expect(fieldError(res.body, "coordinatingOrganisationId")).toBe("Välj ett av alternativen i listan");
    expect(fieldError(res.body, "vision")).toMatch(/personnummer/);
    expect(fieldError(res.body, "introduction")).toBe("Texten är för lång (högst 20000 tecken)");
    expect(fieldError(res.body, "followUpEveryMonths")).toBe("Välj ett av alternativen i listan");
    // The summary lists them in the order of the form, after the h1.
    const summary = res.body.slice(res.body.indexOf("error-summary"));
    const order = ["#name", "#periodEnd", "#vision", "#introduction", "#coordinatingOrganisationId", "#followUpEveryMonths"].map((a) => summary.indexOf(`href="${a}"`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(res.body.indexOf("<h1")).toBeLessThan(res.body.indexOf("error-summary"));
    await nothingInNyby();
  });

  it("refuses an address with capitals and a date that does not exist", async () => {
    const res = await system.submit(`${WS}/planer/ny`, `${WS}/planer/ny`, planForm({ slug: "Tryggare", periodStart: "2025-02-30" }));
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, "slug")).toMatch(/små bokstäver/);
    expect(fieldError(res.body, "periodStart")).toMatch(/datum som finns/);
    await nothingInNyby();
  });

  it("creates the plan with the default words, statuses and taxonomies in one go", async () => {
    const res = await system.submit(`${WS}/planer/ny`, `${WS}/planer/ny`, planForm({ coordinatingOrganisationId: nybyOrg }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${PLAN}/hantera`);
    expect(text((await system.get(`${PLAN}/hantera`)).body)).toContain("Planen är skapad med förval");
    const plan = await one<{ id: string; name: string; published: boolean; vocabulary: { goal: { sv: { one: string } }; numbering: string }; coordinating_organisation_id: string; follow_up_every_months: number; version: number }>(
      sql`select * from plan where workspace_id = ${workspaceId} and slug = 'tryggare-nyby'`,
    );
    planId = plan!.id;
    expect(plan).toMatchObject({ name: "Tryggare Nyby 2025–2028", published: false, coordinating_organisation_id: nybyOrg, follow_up_every_months: 24, version: 1 });
    expect(plan!.vocabulary.goal.sv.one).toBe("Inriktningsmål");
    expect(plan!.vocabulary.numbering).toBe("{goal}.{n}");
    const statuses = await rows<{ name: string; colour: string; meaning: string; phase: string; position: number }>(
      sql`select name, colour, meaning, phase, position from follow_up_status where plan_id = ${planId} order by position`,
    );
    expect(statuses.map((s) => s.name)).toEqual([
      "Ej påbörjad", "Påbörjad – planering/kartläggning", "Pågående – testas operativt", "Slutförd – del av ordinarie verksamhet", "Avbruten",
    ]);
    expect(statuses.map((s) => s.phase)).toEqual(["planned", "under_development", "ongoing", "completed", "cancelled"]);
    expect(new Set(statuses.map((s) => s.colour)).size).toBe(5);
    const taxonomies = await rows<{ key: string; terms: number }>(
      sql`select t.key, (select count(*) from term x where x.taxonomy_id = t.id)::int as terms from taxonomy t where t.plan_id = ${planId} order by t.position`,
    );
    expect(taxonomies.map((t) => t.key)).toEqual(expect.arrayContaining(["activity_kind", "prevention_level", "target_group", "focus_area"]));
    expect(taxonomies.every((t) => t.terms > 1)).toBe(true);
    const audit = await one<{ action: string; actor: string }>(
      sql`select e.action, u.email as actor from audit_event e join app_user u on u.id = e.actor_user_id where e.subject_type = 'plan' and e.subject_id = ${planId}`,
    );
    expect(audit).toEqual({ action: "plan.created", actor: SYSTEM_EMAIL });
  });

  it("refuses a second plan with the same address", async () => {
    const res = await system.submit(`${WS}/planer/ny`, `${WS}/planer/ny`, planForm({ name: "En till" }));
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, "slug")).toMatch(/tryggare-nyby används redan/);
    expect(await count(sql`select count(*) as n from plan where workspace_id = ${workspaceId}`)).toBe(1);
  });

  it("shows the hub with a checklist and the next step, and links it from the plan page for those who may shape it", async () => {
    const hub = await system.get(`${PLAN}/hantera`);
    expect(hub.statusCode).toBe(200);
    const body = text(hub.body);
    expect(body).toContain("Inriktningsmål: 0");
    expect(body).toContain("5 statusar för uppföljning");
    expect(body).toContain("6 taxonomier");
    expect(body).toContain("1 organisation i arbetsytan");
    expect(body).toMatch(/Nästa steg: Lägg in planens Inriktningsmål/);
    for (const href of ["/hantera/uppgifter", "/hantera/ordval", "/hantera/statusar", "/hantera/mal", "/hantera/taxonomier", "/handlingsplaner", "/historik"]) {
      expect(hub.body).toContain(`href="${PLAN}${href}"`);
    }
    expect((await system.get(PLAN)).body).toContain(`href="${PLAN}/hantera"`);
    // Malmö's published plan: its coordinator sees the link, a reader and an anonymous visitor do not.
    const MALMO = "/malmo/planer/fri-fran-vald";
    expect((await coordinator.get(MALMO)).body).toContain(`href="${MALMO}/hantera"`);
    const reader = new Session(app);
    await reader.logIn("lasare@malmo.example");
    expect((await reader.get(MALMO)).body).not.toContain(`${MALMO}/hantera`);
    expect((await app.inject({ method: "GET", url: MALMO })).body).not.toContain(`${MALMO}/hantera`);
    expect((await reader.get(`${MALMO}/hantera`)).statusCode).toBe(403);
  });

  describe("details", () => {
    const details = `${PLAN}/hantera/uppgifter`;
    const detailsForm = (version: string, extra: Record<string, string | string[]> = {}) => ({ ...planForm(), version, coordinatingOrganisationId: nybyOrg, ...extra });

    it("refuses end before start, a taxonomy of another plan and an organisation of another workspace, changing nothing", async () => {
      const malmoTaxonomy = (await one<{ id: string }>(sql`select t.id from taxonomy t join plan p on p.id = t.plan_id where p.slug = 'fri-fran-vald' limit 1`))!.id;
      const res = await system.submit(details, details, detailsForm("1", { periodEnd: "2024-12-31", boardSplitTaxonomyId: malmoTaxonomy, coordinatingOrganisationId: malmoOrg, published: "1" }));
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "periodEnd")).toBe("Slutdatumet kan inte vara före startdatumet");
      expect(fieldError(res.body, "boardSplitTaxonomyId")).toBe("Välj ett av alternativen i listan");
      expect(fieldError(res.body, "coordinatingOrganisationId")).toBe("Välj ett av alternativen i listan");
      expect(await one(sql`select version, published, period_end::text as end from plan where id = ${planId}`)).toEqual({ version: 1, published: false, end: "2028-12-31" });
    });

    it("saves the details, publishes, splits the board, and records before and after", async () => {
      const page = await system.get(`${details}?tillbaka=${encodeURIComponent(`${PLAN}/hantera`)}`);
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).toContain("kan läsas av alla, utan inloggning");
      const audience = (await one<{ id: string }>(sql`select id from taxonomy where plan_id = ${planId} and key = 'audience'`))!.id;
      const res = await system.submit(details, details, detailsForm(versionIn(page.body), {
        name: "Tryggare Nyby 2025–2029", periodEnd: "2029-12-31", published: "1", boardSplitTaxonomyId: audience, tillbaka: `${PLAN}/hantera`,
      }));
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${PLAN}/hantera`);
      expect(text((await system.get(`${PLAN}/hantera`)).body)).toContain("Ändringarna är sparade");
      expect(await one(sql`select version, published, name, board_split_taxonomy_id as split from plan where id = ${planId}`)).toEqual({
        version: 2, published: true, name: "Tryggare Nyby 2025–2029", split: audience,
      });
      const audit = await one<{ changes: Array<{ field: string; before: unknown; after: unknown }> }>(
        sql`select changes from audit_event where subject_id = ${planId} and action = 'plan.updated' order by at desc limit 1`,
      );
      expect(audit!.changes).toEqual(expect.arrayContaining([
        { field: "name", before: "Tryggare Nyby 2025–2028", after: "Tryggare Nyby 2025–2029" },
        { field: "periodEnd", before: "2028-12-31", after: "2029-12-31" },
        { field: "published", before: false, after: true },
        { field: "boardSplitTaxonomy", before: null, after: "Riktas till" },
      ]));
      // Published: the plan page opens without logging in.
      expect((await app.inject({ method: "GET", url: PLAN })).statusCode).toBe(200);
    });

    it("answers a save over someone else's newer save with 409, showing what they saved, and overwrites nothing", async () => {
      const res = await system.submit(details, details, detailsForm("1", { name: "Gammal flik", published: "1" }));
      expect(res.statusCode).toBe(409);
      expect(text(res.body)).toContain("Det här sparade den andra personen");
      expect(text(res.body)).toContain("Tryggare Nyby 2025–2029");
      expect(res.body).toContain('href="#version"');
      expect(res.body).toContain('id="version"');
      expect(versionIn(res.body)).toBe("2");
      expect((await one<{ name: string }>(sql`select name from plan where id = ${planId}`))!.name).toBe("Tryggare Nyby 2025–2029");
    });
  });

  describe("vocabulary", () => {
    const vocabulary = `${PLAN}/hantera/ordval`;
    const words = (version: string, extra: Record<string, string> = {}) => ({
      version, goalOne: "Fokusområde", goalOther: "Fokusområden", goalOneEn: "Focus area", goalOtherEn: "Focus areas",
      measureOne: "Åtgärd", measureOther: "Åtgärder", measureOneEn: "", measureOtherEn: "", numbering: "{goal}:{n}", numberingOther: "",
      strategyIntro: "Så här arbetar vi", strategyIntroEn: "", prerequisites: "Detta behöver finnas på plats", prerequisitesEn: "", ...extra,
    });
    const saved = async () => (await one<{ vocabulary: Record<string, unknown>; version: number }>(sql`select vocabulary, version from plan where id = ${planId}`))!;

    it("refuses a pattern without {n}, an empty word, half an English pair and a personnummer, changing nothing", async () => {
      const before = await saved();
      const page = await system.get(vocabulary);
      const res = await system.submit(vocabulary, vocabulary, words(versionIn(page.body), {
        numbering: "other", numberingOther: "{goal}-x", goalOne: "", measureOneEn: "Measure", strategyIntro: `Ring ${PERSONNUMMER}`,
      }));
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "numberingOther")).toBe("Mönstret måste innehålla {n} där löpnumret ska stå");
      expect(fieldError(res.body, "goalOne")).toBe("Fyll i fältet");
      expect(fieldError(res.body, "measureOtherEn")).toMatch(/både ental och flertal/);
      expect(fieldError(res.body, "strategyIntro")).toMatch(/personnummer/);
      const tooLong = await system.submit(vocabulary, vocabulary, words(versionIn(page.body), { goalOne: HUGE }));
      expect(fieldError(tooLong.body, "goalOne")).toBe("Texten är för lång (högst 60 tecken)");
      expect(await saved()).toEqual(before);
    });

    it("saves Fokusområde / Åtgärd numbered {goal}:{n} and shows it as Åtgärd 2:3", async () => {
      const page = await system.get(vocabulary);
      expect(text(page.body)).toContain("Så numreras nu: Aktivitet 2.3");
      const res = await system.submit(vocabulary, vocabulary, words(versionIn(page.body)));
      expect(res.statusCode).toBe(303);
      const after = await saved();
      expect(after.vocabulary).toMatchObject({ goal: { sv: { one: "Fokusområde", other: "Fokusområden" } }, measure: { sv: { one: "Åtgärd" } }, numbering: "{goal}:{n}" });
      expect(after.vocabulary.measure).not.toHaveProperty("en");
      expect(text((await system.get(vocabulary)).body)).toContain("Så numreras nu: Åtgärd 2:3");
      expect(text((await system.get(`${PLAN}/hantera`)).body)).toContain("Fokusområden: 0");
      const audit = await one<{ changes: Array<{ field: string; before: unknown; after: unknown }> }>(
        sql`select changes from audit_event where subject_id = ${planId} and action = 'plan.vocabularyUpdated' order by at desc limit 1`,
      );
      expect(audit!.changes).toEqual(expect.arrayContaining([
        { field: "vocabulary.goal.sv.one", before: "Inriktningsmål", after: "Fokusområde" },
        { field: "vocabulary.numbering", before: "{goal}.{n}", after: "{goal}:{n}" },
        { field: "vocabulary.measure.en.one", before: "Activity", after: null },
      ]));
    });

    it("takes a pattern of the plan's own, and answers a stale form with 409", async () => {
      const page = await system.get(vocabulary);
      const version = versionIn(page.body);
      const res = await system.submit(vocabulary, vocabulary, words(version, { numbering: "other", numberingOther: "FO{goal}-{n}" }));
      expect(res.statusCode).toBe(303);
      const again = await system.get(vocabulary);
      expect(text(again.body)).toContain("Så numreras nu: Åtgärd FO2-3");
      expect(again.body).toMatch(/value="other"[^>]*checked/);
      const stale = await system.submit(vocabulary, vocabulary, words(version, { goalOne: "Mål" }));
      expect(stale.statusCode).toBe(409);
      expect(text(stale.body)).toContain("FO{goal}-{n}");
      expect(((await saved()).vocabulary as { goal: { sv: { one: string } } }).goal.sv.one).toBe("Fokusområde");
      // Back to the colon for the rest of the journey.
      expect((await system.submit(vocabulary, vocabulary, words(versionIn(again.body)))).statusCode).toBe(303);
    });
  });

  describe("statuses", () => {
    const STATUSES = `${PLAN}/hantera/statusar`;
    const statuses = () => rows<{ id: string; key: string; name: string; position: number; archived: boolean; version: number }>(
      sql`select id, key, name, position, archived_at is not null as archived, version from follow_up_status where plan_id = ${planId} order by archived_at nulls first, position`,
    );
    const add = (form: Record<string, string>) =>
      system.submit(`${STATUSES}/ny`, `${STATUSES}/ny`, { nameEn: "", colour: "#0072b2", meaning: "started", phase: "under_development", ...form });

    it("lists the statuses in order with colour, meaning and phase", async () => {
      const page = await system.get(STATUSES);
      expect(page.statusCode).toBe(200);
      const body = text(page.body);
      expect(body.indexOf("Ej påbörjad")).toBeLessThan(body.indexOf("Avbruten"));
      expect(body).toContain("Räknas som klar. Fas på tavlan: Slutförd.");
      expect(page.body).toContain('fill="#e69f00"');
      expect(page.body).toContain("Flytta upp<span class=\"visually-hidden\">: Avbruten</span>");
    });

    it("refuses an empty name, a colour that is not #rrggbb, an unknown meaning and 200 000 characters, adding nothing", async () => {
      const before = (await statuses()).length;
      const res = await add({ name: "", colour: "red", meaning: "maybe", phase: "later" });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "name")).toBe("Skriv ett namn");
      expect(fieldError(res.body, "colour")).toMatch(/# och sex tecken/);
      expect(fieldError(res.body, "meaning")).toBe("Välj ett av alternativen i listan");
      expect(fieldError(res.body, "phase")).toBe("Välj ett av alternativen i listan");
      expect(fieldError((await add({ name: HUGE })).body, "name")).toBe("Texten är för lång (högst 120 tecken)");
      expect(fieldError((await add({ name: `Pausad ${PERSONNUMMER}` })).body, "name")).toMatch(/personnummer/);
      expect((await statuses()).length).toBe(before);
    });

    it("adds statuses last with keys made from their names, unique within the plan", async () => {
      const res = await add({ name: "Pausad", nameEn: "Paused", colour: "#D55E00" });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^${STATUSES}#status-`));
      expect((await add({ name: "Pausad!" })).statusCode).toBe(303);
      const all = await statuses();
      expect(all.map((s) => s.key).slice(-2)).toEqual(["pausad", "pausad-2"]);
      expect(all.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect((await one<{ colour: string }>(sql`select colour from follow_up_status where plan_id = ${planId} and key = 'pausad'`))!.colour).toBe("#d55e00");
    });

    it("moves a status up and down among those in use", async () => {
      const pausad = (await statuses()).find((s) => s.key === "pausad")!;
      const res = await system.submit(STATUSES, `${STATUSES}/${pausad.id}/flytta`, { direction: "up" });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${STATUSES}#status-${pausad.id}`);
      expect(text((await system.get(STATUSES)).body)).toContain("Ordningen är ändrad");
      let names = (await statuses()).map((s) => s.key);
      expect(names.slice(-3)).toEqual(["pausad", "cancelled", "pausad-2"]);
      await system.submit(STATUSES, `${STATUSES}/${pausad.id}/flytta`, { direction: "down" });
      names = (await statuses()).map((s) => s.key);
      expect(names.slice(-3)).toEqual(["cancelled", "pausad", "pausad-2"]);
      const bad = await system.submit(STATUSES, `${STATUSES}/${pausad.id}/flytta`, { direction: "sideways" });
      expect(bad.statusCode).toBe(400);
      expect((await statuses()).map((s) => s.key)).toEqual(names);
      const audit = await count(sql`select count(*) as n from audit_event where subject_id = ${pausad.id} and action = 'follow_up_status.moved'`);
      expect(audit).toBe(2);
    });

    it("edits a status, keeping its key, and answers a stale form with 409", async () => {
      const pausad = (await statuses()).find((s) => s.key === "pausad")!;
      const url = `${STATUSES}/${pausad.id}`;
      const page = await system.get(url);
      expect(text(page.body)).toContain("Nyckel: pausad");
      const form = { version: versionIn(page.body), name: "Vilande", nameEn: "Dormant", colour: "#cc79a7", meaning: "not_started", phase: "planned" };
      expect((await system.submit(url, url, form)).statusCode).toBe(303);
      expect(await one(sql`select key, name, colour, meaning, phase from follow_up_status where id = ${pausad.id}`)).toEqual({
        key: "pausad", name: "Vilande", colour: "#cc79a7", meaning: "not_started", phase: "planned",
      });
      const stale = await system.submit(url, url, { ...form, name: "Gammal" });
      expect(stale.statusCode).toBe(409);
      expect(text(stale.body)).toContain("Vilande");
      expect((await one<{ name: string }>(sql`select name from follow_up_status where id = ${pausad.id}`))!.name).toBe("Vilande");
      const colour = await system.submit(url, url, { ...form, version: versionIn((await system.get(url)).body), colour: "#12345" });
      expect(fieldError(colour.body, "colour")).toMatch(/# och sex tecken/);
    });

    it("archives a status, lists it apart, and brings it back last", async () => {
      const second = (await statuses()).find((s) => s.key === "pausad-2")!;
      const res = await system.submit(STATUSES, `${STATUSES}/${second.id}/arkivera`, { version: String(second.version) });
      expect(res.statusCode).toBe(303);
      const page = await system.get(STATUSES);
      expect(text(page.body)).toContain("Det är arkiverat");
      const archivedPart = text(page.body.slice(page.body.indexOf("Arkiverade statusar")));
      expect(archivedPart).toContain("Pausad!");
      expect((await statuses()).find((s) => s.id === second.id)!.archived).toBe(true);
      expect(await count(sql`select count(*) as n from audit_event where subject_id = ${second.id} and action = 'follow_up_status.archived'`)).toBe(1);
      // A stale archive button (the version the list showed before) is refused.
      const stale = await system.submit(STATUSES, `${STATUSES}/${second.id}/aterstall`, { version: String(second.version) });
      expect(stale.statusCode).toBe(409);
      expect(fieldError(stale.body, `status-${second.id}`)).toMatch(/Någon annan har ändrat statusen/);
      const now = (await statuses()).find((s) => s.id === second.id)!;
      expect((await system.submit(STATUSES, `${STATUSES}/${second.id}/aterstall`, { version: String(now.version) })).statusCode).toBe(303);
      const after = await statuses();
      expect(after.find((s) => s.id === second.id)).toMatchObject({ archived: false, position: Math.max(...after.map((s) => s.position)) });
    });

    it("keeps at least one status in use", async () => {
      for (const s of (await statuses()).slice(1)) {
        expect((await system.submit(STATUSES, `${STATUSES}/${s.id}/arkivera`, { version: String(s.version) })).statusCode).toBe(303);
      }
      const [last] = await statuses();
      const res = await system.submit(STATUSES, `${STATUSES}/${last!.id}/arkivera`, { version: String(last!.version) });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, `status-${last!.id}`)).toMatch(/minst en status i bruk/);
      expect((await statuses()).filter((s) => !s.archived).length).toBe(1);
    });

    it("does not find another plan's status under this plan's address", async () => {
      const malmoStatus = (await one<{ id: string }>(sql`select s.id from follow_up_status s join plan p on p.id = s.plan_id where p.slug = 'fri-fran-vald' limit 1`))!.id;
      expect((await system.get(`${STATUSES}/${malmoStatus}`)).statusCode).toBe(404);
      expect((await system.submit(STATUSES, `${STATUSES}/${malmoStatus}/arkivera`, { version: "1" })).statusCode).toBe(404);
      expect((await system.get(`${STATUSES}/inte-ett-id`)).statusCode).toBe(404);
    });
  });
});
