// The public pages over HTTP (Fastify inject) on the demo database: content, publishing rule, language, errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { createAppState, type AppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";

let database: Database;
let state: AppState;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  state = createAppState(database);
  app = await buildApp(state, { logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const PLAN = "/malmo/planer/fri-fran-vald";
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&nbsp;|\s+/g, " ");

describe("start page", () => {
  it("lists both demo workspaces and their published plans", async () => {
    const res = await get("/");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("Malmö stad");
    expect(res.body).toContain(`href="${PLAN}"`);
    expect(res.body).toContain('href="/exempelby/planer/tryggare-exempelby"');
    expect(res.body).toMatch(/<html lang="sv"/);
  });
});

describe("plan overview", () => {
  it("shows vision, period, adoption and the six goals with their activity counts", async () => {
    const res = await get(PLAN);
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain("I Malmö blir ingen utsatt för våld");
    expect(body).toContain("Kommunfullmäktige");
    for (const title of [
      "Staden bedriver ett verkningsfullt våldsförebyggande arbete",
      "Staden arbetar aktivt med att förhindra att våld upprepas",
      "Verksamma i staden ska upptäcka våld och kunna agera",
      "Staden erbjuder stöd utifrån den enskildes behov",
      "Stadens arbete bygger på aktuell kunskap och forskning",
      "Stadens arbete sker i samverkan med myndigheter, civilsamhälle och andra relevanta aktörer",
    ]) expect(body).toContain(title);
    for (let n = 1; n <= 6; n++) expect(res.body).toContain(`href="${PLAN}/mal/${n}"`);
    expect(body).toContain("Uppföljning 2024");
  });

  it("counts only accepted reports in the status distribution: a submitted report stays internal", async () => {
    // HVO's 2024 report is only submitted; its activity 3.7 must not count as "planning" on the public page.
    const [row] = await database.db.execute(sql`select count(*)::int as n from activity_report ar
      join organisation_report o on o.id = ar.organisation_report_id where o.state = 'accepted'`).then(
      (r) => (r as unknown as { rows: Array<{ n: number }> }).rows,
    );
    const accepted = row!.n;
    const res = await get(`${PLAN}/uppfoljning/uppfoljning-2024`);
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain("Arbetsmarknads- och socialförvaltningen");
    expect(body).toContain("Grundskoleförvaltningen");
    expect(body).not.toContain("Filmen har visats på arbetsplatsträffar");
    const goal3 = text((await get(`${PLAN}/mal/3`)).body);
    expect(goal3).not.toContain("En arbetsgrupp har anpassat frågorna");
    expect(accepted).toBeGreaterThan(20);
  });
});

describe("goal page", () => {
  it("shows strategies, the three-column board and the activities by organisation and kind", async () => {
    const res = await get(`${PLAN}/mal/1`);
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    for (const s of ["Genom att", "Stärka barns rättigheter", "Utmana normer", "Pågående arbete", "Aktiviteter under utveckling", "Behov av insatser"]) {
      expect(body).toContain(s);
    }
    expect(body).toContain("Gemensamt material om våldsförebyggande arbete för fritidsgårdar");
    expect(body).toContain("Stadsövergripande aktiviteter");
    expect(body).toContain("Verksamhetsspecifika aktiviteter");
    expect(body).toContain("Aktivitet 1.2");
  });

  it("answers 404 with a page for a goal that does not exist", async () => {
    const res = await get(`${PLAN}/mal/9`);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("<h1");
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("activity page", () => {
  it("shows all fields and the accepted 2024 report with figures 68 → 85", async () => {
    const goal = (await get(`${PLAN}/mal/1`)).body;
    const link = [...goal.matchAll(/href="([^"]+\/aktiviteter\/[0-9a-f-]+)"[^>]*>([^<]*)/g)].find((m) => m[2]!.includes("1.2"));
    expect(link).toBeDefined();
    const res = await get(link![1]!);
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain("Förvaltningen ska vidareutveckla det tidiga föräldrastödet.");
    expect(body).toContain("Barnrättsperspektiv");
    expect(body).toContain("Uppföljning 2024");
    expect(body).toContain("Föräldrakurser");
    expect(body).toMatch(/68/);
    expect(body).toMatch(/85/);
    expect(body).toContain("Myndigheten för familjerätt och föräldraskapsstöd");
  });

  it("answers 404 for a malformed or unknown id", async () => {
    expect((await get(`${PLAN}/aktiviteter/not-a-uuid`)).statusCode).toBe(404);
    expect((await get(`${PLAN}/aktiviteter/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});

describe("organisations", () => {
  it("lists the tree and shows an organisation's action plan and co-responsibilities", async () => {
    const list = await get("/malmo/organisationer");
    expect(list.statusCode).toBe(200);
    expect(text(list.body)).toContain("Arbetsmarknads- och socialförvaltningen");
    expect(list.body).toContain('href="/malmo/organisationer/asf"');
    const asf = await get("/malmo/organisationer/asf");
    expect(asf.statusCode).toBe(200);
    const body = text(asf.body);
    expect(body).toContain("Handlingsplan Fri från våld – en gemensam angelägenhet 2023–2026");
    expect(body).toContain("Avdelningen för insatser");
    // GRF's 4.6 has ASF as co-responsible.
    expect(body).toContain("Elevhälsan ska utveckla stödet till elever som upplever våld i hemmet.");
  });
});

describe("Exempelby speaks its own vocabulary", () => {
  it("calls goals Fokusområde and measures Åtgärd with colon numbers", async () => {
    const body = text((await get("/exempelby/planer/tryggare-exempelby")).body);
    expect(body).toContain("Fokusområde");
    expect(body).not.toContain("Inriktningsmål");
    const goal = text((await get("/exempelby/planer/tryggare-exempelby/mal/1")).body);
    expect(goal).toContain("Åtgärd 1:1");
    expect(goal).toContain("Detta behöver finnas på plats");
    // Measures there are assigned to boards (nämnder), one measure to two of them.
    const link = /href="([^"]+\/aktiviteter\/[0-9a-f-]+)"[^>]*>(?:<[^>]+>)*Åtgärd 1:2/.exec((await get("/exempelby/planer/tryggare-exempelby/mal/1")).body);
    expect(link).not.toBeNull();
    const measure = text((await get(link![1]!)).body);
    expect(measure).toContain("Socialnämnden");
    expect(measure).toContain("Kommunstyrelsen");
    expect(measure).toContain("Lokalpolisområde Exempelby");
  });
});

describe("publishing", () => {
  it("sends an anonymous visitor of an unpublished plan to the login page, and hides it from the start page", async () => {
    await database.db.execute(sql`update plan set published = false where slug = 'tryggare-exempelby'`);
    state.cache.invalidate();
    try {
      const res = await get("/exempelby/planer/tryggare-exempelby/mal/1");
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/logga-in?tillbaka=%2Fexempelby%2Fplaner%2Ftryggare-exempelby%2Fmal%2F1");
      const login = await get(res.headers.location as string);
      expect(login.statusCode).toBe(200);
      expect(text(login.body)).toMatch(/logga in/i);
      expect((await get("/")).body).not.toContain("/exempelby/planer/tryggare-exempelby");
    } finally {
      await database.db.execute(sql`update plan set published = true where slug = 'tryggare-exempelby'`);
      state.cache.invalidate();
    }
  });

  it("keeps a draft action plan and its activities off the public pages", async () => {
    const draftActivity = "Fritidsgårdarna ska hålla samtalsgrupper för unga om normer, relationer och gränser.";
    const [row] = await database.db.execute(sql`select count(*)::int as n from activity where title = ${draftActivity}`).then(
      (r) => (r as unknown as { rows: Array<{ n: number }> }).rows,
    );
    expect(row!.n).toBe(1);
    expect(text((await get(`${PLAN}/mal/1`)).body)).not.toContain(draftActivity);
    const fritid = text((await get("/malmo/organisationer/fritidsforvaltningen")).body);
    expect(fritid).not.toContain(draftActivity);
    expect(fritid).not.toContain("(utkast)");
  });
});

describe("language", () => {
  it("switches to English through /sprak/en, remembers it in a cookie and returns to the page", async () => {
    const res = await get(`/sprak/en?tillbaka=${encodeURIComponent(PLAN)}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(PLAN);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/samverka_lang=en/);
    expect(cookie).toMatch(/HttpOnly/i);
    const english = await get(PLAN, { cookie: "samverka_lang=en" });
    expect(english.body).toMatch(/<html lang="en"/);
    expect(text(english.body)).toContain("Goals");
    expect(text(english.body)).toContain("På svenska");
  });

  it("never redirects to another host", async () => {
    const res = await get("/sprak/en?tillbaka=//evil.example/x");
    expect(res.headers.location).toBe("/");
    expect((await get("/sprak/fr")).statusCode).toBe(404);
  });
});

describe("system", () => {
  it("answers /healthz 503 while starting and every page with 503 then", async () => {
    state.ready = false;
    try {
      expect((await get("/healthz")).statusCode).toBe(503);
      const page = await get(PLAN);
      expect(page.statusCode).toBe(503);
      expect(page.headers["retry-after"]).toBe("2");
    } finally {
      state.ready = true;
    }
    expect((await get("/healthz")).json()).toEqual({ status: "ok" });
  });

  it("sends security headers: CSP without inline script, no framing, nosniff", async () => {
    const res = await get(PLAN);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves a page that changed after the cache was invalidated", async () => {
    const before = (await get(PLAN)).body;
    await database.db.execute(sql`update plan set vision = 'En ny vision för testet.' where slug = 'fri-fran-vald'`);
    expect((await get(PLAN)).body).toBe(before);
    state.cache.invalidate();
    expect((await get(PLAN)).body).toContain("En ny vision för testet.");
  });
});
