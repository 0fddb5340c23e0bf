// A new coordinator's first day, in Chromium, on an empty install: set up the installation, create the workspace
// "Exempelby" with its organisations, a plan in its own words (Fokusområde / Åtgärd, numbered {goal}:{n}), two focus
// areas with what needs to be in place, an action plan with three åtgärder (one co-responsible with the company), a
// need that becomes an åtgärd, adoption, an edit that makes revision 2 — and every kind of bad input on the way.
// Every page visited is checked with axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, chromiumPath, hasChromium, headingProblems, headingsOf, horizontalOverflow, launchChromium, startApp, type RunningApp } from "./browser.ts";

if (!hasChromium) console.warn(`[e2e] Chromium not found at ${chromiumPath}; browser tests skipped`);

let app: RunningApp;
let browser: Browser;
let page: Page;
const visited = new Set<string>();

/** axe and heading order on the page as it is now (once per distinct page and state). */
async function check(what: string, narrow = false) {
  visited.add(what);
  const violations = await axeViolations(page);
  expect(violations, `axe on ${what}:\n${violations.join("\n")}`).toEqual([]);
  expect(headingProblems(await headingsOf(page)), `headings on ${what}`).toEqual([]);
  if (narrow) {
    await page.setViewportSize({ width: 320, height: 900 });
    expect((await axeViolations(page)), `axe on ${what} at 320px`).toEqual([]);
    expect((await horizontalOverflow(page)).culprits, `overflow on ${what}`).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

/** After every navigation: axe and headings once per page and state (errors or not), so every page visited is checked. */
async function visit() {
  await page.waitForLoadState("load");
  const key = `${new URL(page.url()).pathname}${(await page.title()).startsWith("Fel: ") ? " (errors)" : ""}`;
  if (!visited.has(key)) await check(key);
}

async function go(path: string) {
  await page.goto(`${base()}${path}`);
  await visit();
}

/** Submits the form that holds the field with this id (each page has its own submit wording). */
async function submitFormOf(fieldId: string) {
  await Promise.all([page.waitForNavigation(), page.locator(`form:has([id="${fieldId}"]) button[type="submit"]`).last().click()]);
  await visit();
}

const errorSummary = () => page.getByRole("alert");
async function expectErrors(what: string, messages: RegExp[]) {
  expect(await page.title(), `${what}: the title says there is an error`).toMatch(/^Fel: /);
  const summary = await errorSummary().innerText();
  for (const message of messages) expect(summary, what).toMatch(message);
}

const flash = () => page.locator(".flash").innerText();
const base = () => app.baseUrl;
const ws = "/exempelby";
const PLAN = `${ws}/planer/tryggare-exempelby`;

describe.skipIf(!hasChromium)("authoring: a new coordinator sets up Exempelby in the browser", () => {
  beforeAll(async () => {
    app = await startApp({ demo: false });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("sets up the installation and creates the workspace", async () => {
    await go(`/installation`);
    await page.getByLabel("Namn").fill("Alva Admin");
    await page.getByLabel("E-postadress").fill("admin@exempelby.example");
    await page.getByLabel("Lösenord", { exact: true }).fill("ett-langt-losenord-1");
    await page.getByLabel("Lösenord igen").fill("ett-langt-losenord-1");
    await submitFormOf("passwordAgain");
    expect(new URL(page.url()).pathname).toBe("/konto");

    await page.getByRole("link", { name: "Skapa en arbetsyta" }).first().click();
    await visit();
    await submitFormOf("name");
    await expectErrors("new workspace", [/./]);
    await page.getByLabel("Namn").fill("Exempelby");
    await page.getByLabel("Adress").fill("exempelby");
    await submitFormOf("name");
    expect(new URL(page.url()).pathname).toBe(`${ws}/hantera`);
    expect(await flash()).toMatch(/Arbetsytan är skapad/);
  });

  it("adds a board, the administration that serves it, and a company", async () => {
    await go(`${ws}/organisationer/hantera`);
    const add = async (name: string, type: RegExp, servedBy?: string) => {
      await go(`${ws}/organisationer/hantera`);
      await page.getByRole("link", { name: "Lägg till en organisation" }).first().click();
      await visit();
      await page.getByLabel("Namn", { exact: true }).fill(name);
      await page.getByLabel("Typ", { exact: true }).selectOption({ label: (await page.getByLabel("Typ", { exact: true }).locator("option").allInnerTexts()).find((o) => type.test(o))! });
      if (servedBy) await page.getByLabel("Förvaltning som arbetar åt nämnden").selectOption({ label: servedBy });
      await submitFormOf("name");
    };
    // An empty name is refused at the field.
    await page.getByRole("link", { name: "Lägg till en organisation" }).first().click();
    await visit();
    await submitFormOf("name");
    await expectErrors("new organisation", [/Skriv ett namn/]);
    await add("Socialförvaltningen", /^Förvaltning/);
    expect(await flash()).toBeTruthy();
    await add("Socialnämnden", /^Nämnd/, "Socialförvaltningen");
    await add("Exempelby Bostäder AB", /^Bolag/);
    const tree = await page.locator("main").innerText();
    for (const name of ["Socialförvaltningen", "Socialnämnden", "Exempelby Bostäder AB"]) expect(tree).toContain(name);
    await check("organisations", true);
  });

  it("creates the plan, refusing an end before its start", async () => {
    await go(`${ws}/hantera`);
    await page.getByRole("link", { name: "Skapa en plan" }).first().click();
    await visit();
    await page.getByLabel("Planens namn").fill("Tryggare Exempelby");
    await page.getByLabel("Adress").fill("tryggare-exempelby");
    await page.getByLabel("Periodens första dag").fill("2026-01-01");
    await page.getByLabel("Periodens sista dag").fill("2025-12-31");
    await page.getByLabel("Vision").fill("I Exempelby ska ingen behöva leva med våld.");
    await page.getByLabel("Samordnande organisation").selectOption({ label: "Socialförvaltningen" });
    await submitFormOf("name");
    await expectErrors("new plan", [/Slutdatumet kan inte vara före startdatumet/]);
    expect(await page.getByLabel("Planens namn").inputValue(), "what was typed is kept").toBe("Tryggare Exempelby");
    await page.getByLabel("Periodens sista dag").fill("2029-12-31");
    await submitFormOf("name");
    expect(await flash()).toMatch(/Planen är skapad/);
  });

  it("puts the plan in its own words: Fokusområde and Åtgärd, numbered {goal}:{n}", async () => {
    await go(`${PLAN}/hantera`);
    await page.getByRole("link", { name: "Ord och numrering" }).click();
    await visit();
    const goal = page.getByRole("group", { name: "Vad planens mål kallas" });
    await goal.getByLabel("Ental", { exact: true }).fill("Fokusområde");
    await goal.getByLabel("Flertal", { exact: true }).fill("Fokusområden");
    const measure = page.getByRole("group", { name: "Vad planens insatser kallas" });
    await measure.getByLabel("Ental", { exact: true }).fill("Åtgärd");
    await measure.getByLabel("Flertal", { exact: true }).fill("Åtgärder");
    await page.getByLabel(/kolon/).check();
    await submitFormOf("numberingOther");
    expect(await flash()).toBeTruthy();
    await go(`${PLAN}/hantera/ordval`);
    expect(await page.locator("main").innerText()).toMatch(/1:1|2:3/);
  });

  it("adds two focus areas, each with what needs to be in place", async () => {
    const focusAreas = [
      { number: "1", title: "Våld upptäcks tidigt", prerequisite: "Rutiner för att fråga om våld i alla verksamheter" },
      { number: "2", title: "Barn som upplever våld får stöd", prerequisite: "En utsedd kontaktperson för barn i varje förvaltning" },
    ];
    for (const area of focusAreas) {
      await go(`${PLAN}/hantera/mal`);
      await page.getByRole("link", { name: "Lägg till fokusområde" }).first().click();
      await visit();
      await page.getByLabel("Nummer", { exact: true }).fill(area.number);
      await page.getByLabel("Rubrik", { exact: true }).fill(area.title);
      await submitFormOf("title");
      expect(await flash()).toBeTruthy();
      await page.getByRole("link", { name: "Lägg till förutsättning" }).first().click();
      await visit();
      await page.locator("textarea").first().fill(area.prerequisite);
      await submitFormOf(await page.locator("textarea").first().getAttribute("id") ?? "text");
      expect(await page.locator("main").innerText()).toContain(area.prerequisite);
    }
    // A number that is already taken is refused.
    await go(`${PLAN}/hantera/mal`);
    await page.getByRole("link", { name: "Lägg till fokusområde" }).first().click();
    await visit();
    await page.getByLabel("Nummer", { exact: true }).fill("2");
    await page.getByLabel("Rubrik", { exact: true }).fill("Ett fokusområde för mycket");
    await submitFormOf("title");
    await expectErrors("duplicate focus area", [/2/]);
    await go(`${PLAN}/hantera/mal`);
    await check("focus areas", true);
    expect(await page.locator("main").innerText()).not.toContain("Ett fokusområde för mycket");
  });

  it("creates the administration's action plan", async () => {
    await go(`${PLAN}/handlingsplaner`);
    await page.getByRole("link", { name: "Skapa handlingsplan för Socialförvaltningen" }).click();
    await visit();
    await page.getByLabel("Inledning").fill("Förvaltningens arbete mot våld i nära relationer under planens första år.");
    await submitFormOf("introduction");
    expect(new URL(page.url()).pathname).toBe(`${PLAN}/handlingsplaner/socialforvaltningen`);
  });

  const newMeasure = async (focusArea: string) => {
    await go(`${PLAN}/handlingsplaner/socialforvaltningen`);
    await page.getByRole("link", { name: new RegExp(`Ny åtgärd under .*${focusArea}`) }).first().click();
    await visit();
  };

  it("writes three åtgärder, refusing each kind of bad input at its field", async () => {
    await newMeasure("1");
    await check("new åtgärd", true);
    expect(await page.getByLabel("Nummer", { exact: true }).inputValue(), "the number follows the plan's pattern").toBe("1:1");

    // Empty title, an end before the start, a personnummer: all refused at once, nothing saved.
    await page.getByLabel("Beskrivning", { exact: true }).fill("Gäller familjen med 19121212-1212.");
    await page.getByLabel("Planerad start").fill("2026-09-01");
    await page.getByLabel("Planerat slut").fill("2026-03-01");
    await submitFormOf("title");
    await expectErrors("new åtgärd", [/titel/i, /Slutdatumet kan inte vara före startdatumet/, /personnummer/i]);

    // 200 000 characters in the description.
    await page.getByLabel("Titel", { exact: true }).fill("Utbildning i att fråga om våld");
    await page.getByLabel("Planerat slut").fill("2026-12-31");
    await page.getByLabel("Beskrivning", { exact: true }).evaluate((el, text) => ((el as HTMLTextAreaElement).value = text), "Lång text. ".repeat(20_000));
    await submitFormOf("title");
    await expectErrors("new åtgärd, too long", [/för lång/]);

    // A goal that is not this plan's and a term id nobody has: a tampered form is refused, not half-saved.
    await page.getByLabel("Beskrivning", { exact: true }).fill("Alla som möter invånare får utbildning i att ställa frågor om våld.");
    await page.locator("select#goalId").evaluate((el) => {
      const option = document.createElement("option");
      option.value = "0b7c6f9e-1111-4222-8333-444455556666";
      option.textContent = "Ett mål i en annan plan";
      el.appendChild(option);
      (el as HTMLSelectElement).value = option.value;
    });
    const firstTerm = page.locator('main input[type="checkbox"][id^="term"], main input[type="radio"][id^="term"]').first();
    await firstTerm.evaluate((el) => {
      (el as HTMLInputElement).value = "9d1e2f3a-aaaa-4bbb-8ccc-ddddeeeeffff";
      (el as HTMLInputElement).checked = true;
    });
    await submitFormOf("title");
    await expectErrors("new åtgärd, tampered", [/Gör ett val i listan|alternativ/]);

    // Now a good one.
    await newMeasure("1");
    await page.getByLabel("Titel", { exact: true }).fill("Utbildning i att fråga om våld");
    await page.getByLabel("Beskrivning", { exact: true }).fill("Alla som möter invånare får utbildning i att ställa frågor om våld.");
    await submitFormOf("title");
    expect(await flash()).toBeTruthy();

    // The second: its number is already taken, then it is co-responsible with the company.
    await newMeasure("1");
    expect(await page.getByLabel("Nummer", { exact: true }).inputValue()).toBe("1:2");
    await page.getByLabel("Nummer", { exact: true }).fill("1:1");
    await page.getByLabel("Titel", { exact: true }).fill("Trygga trapphus tillsammans med bostadsbolaget");
    await page.getByRole("group", { name: /Medansvariga organisationer/ }).getByLabel("Exempelby Bostäder AB").check();
    await submitFormOf("title");
    await expectErrors("duplicate number", [/Numret 1:1 används redan/]);
    await page.getByLabel("Nummer", { exact: true }).fill("1:2");
    await submitFormOf("title");
    expect(await flash()).toBeTruthy();

    // The third, under focus area 2.
    await newMeasure("2");
    expect(await page.getByLabel("Nummer", { exact: true }).inputValue()).toBe("2:1");
    await page.getByLabel("Titel", { exact: true }).fill("Stödsamtal för barn i skolan");
    await submitFormOf("title");
    expect(await flash()).toBeTruthy();
  });

  it("records a need and turns it into an åtgärd, which moves its card on the board", async () => {
    await go(`${PLAN}/mal/2`);
    await page.getByRole("link", { name: "Lägg till ett behov av insats" }).click();
    await visit();
    await page.getByLabel("Titel", { exact: true }).fill("Föräldrastöd på fler språk");
    await submitFormOf("title");
    expect(await flash()).toBeTruthy();
    await go(`${PLAN}/mal/2`);
    const needs = page.locator(".board__column").filter({ has: page.getByRole("heading", { name: /Behov/ }) });
    expect(await needs.innerText()).toContain("Föräldrastöd på fler språk");

    await needs.getByRole("link", { name: "Föräldrastöd på fler språk" }).click();
    await visit();
    await page.getByRole("link", { name: /Gör om till åtgärd i/ }).first().click();
    await visit();
    expect(await page.getByLabel("Titel", { exact: true }).inputValue()).toBe("Föräldrastöd på fler språk");
    expect(await page.getByLabel("Nummer", { exact: true }).inputValue()).toBe("2:2");
    await submitFormOf("title");
    expect(await flash()).toBeTruthy();

    await go(`${PLAN}/mal/2`);
    const board = page.locator(".board").first();
    expect(await board.locator(".board__column").filter({ has: page.getByRole("heading", { name: /Behov/ }) }).innerText()).not.toContain("Föräldrastöd på fler språk");
    expect(await board.locator(".board__column").filter({ has: page.getByRole("heading", { name: /utveckling/i }) }).innerText()).toContain("Föräldrastöd på fler språk");
  });

  it("adopts the action plan, and an edit afterwards makes revision 2", async () => {
    await go(`${PLAN}/handlingsplaner/socialforvaltningen`);
    await page.getByRole("link", { name: "Anta handlingsplanen" }).click();
    await visit();
    await page.getByLabel("Antagen datum").fill("2026-02-15");
    await page.getByLabel("Antagen av").fill("Socialnämnden");
    await submitFormOf("adoptedBy");
    expect(await flash()).toMatch(/antagen/);

    await go(`${PLAN}/handlingsplaner/socialforvaltningen`);
    await page.getByRole("link", { name: /Stödsamtal för barn i skolan/ }).first().click();
    await visit();
    const editLink = page.getByRole("link", { name: /Redigera|Ändra/ }).first();
    if (new URL(page.url()).pathname.endsWith("/redigera") === false) await editLink.click();
    await page.getByLabel("Titel", { exact: true }).fill("Stödsamtal för barn i skolan och på fritids");
    await submitFormOf("title");
    expect(await flash()).toBeTruthy();

    await go(`${PLAN}/handlingsplaner/socialforvaltningen/revisioner`);
    const rows = await page.locator("main table tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split("\t")[0]), "revision 2 above revision 1, nothing more").toEqual(["Revision 2", "Revision 1"]);
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Jämför" }).click()]);
    await visit();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Ändringar från revision 1 till revision 2");
    const changed = await page.locator("main").innerText();
    expect(changed).toContain("Stödsamtal för barn i skolan och på fritids");
    expect(await page.locator("main ins, main .diff-added, main mark").allInnerTexts()).toContain("och på fritids");
  });

  it("shows all of it on the board and on the organisation pages", async () => {
    await go(`${PLAN}/mal/1`);
    const board = await page.locator(".board").first().innerText();
    expect(board).toContain("Utbildning i att fråga om våld");
    expect(board).toContain("Trygga trapphus tillsammans med bostadsbolaget");
    await check("focus area 1 board", true);

    await go(`${ws}/organisationer/exempelby-bostader-ab`);
    const company = await page.locator("main").innerText();
    expect(company, "the co-responsible company sees the åtgärd").toMatch(/Medansvariga för[\s\S]*Trygga trapphus tillsammans med bostadsbolaget/);
    await go(`${ws}/organisationer/socialforvaltningen`);
    const administration = await page.locator("main").innerText();
    for (const title of ["Utbildning i att fråga om våld", "Stödsamtal för barn i skolan och på fritids", "Föräldrastöd på fler språk"]) expect(administration).toContain(title);
    expect(visited.size, `pages checked with axe: ${[...visited].join(", ")}`).toBeGreaterThan(30);
  });
});
