// The follow-up cycle in Chromium with three people on the Malmö demo and a real SMTP server: the coordinator opens
// "Uppföljning 2025" and sends a reminder; ASF's editor reports three activities (1.2 with its figure carried over
// from 2024), attaches a PDF and submits; the approver approves; the coordinator returns it with a comment; the
// editor fixes it and submits again; it is approved and accepted. The overview shows each state, the mail for each
// step arrives, and every page visited is checked with axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumPath, hasChromium, launchChromium, startApp, type RunningApp } from "./browser.ts";
import { Journey } from "./journey.ts";
import { pdfFile } from "../support/attachment-files.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

if (!hasChromium) console.warn(`[e2e] Chromium not found at ${chromiumPath}; browser tests skipped`);

const PLAN = "/malmo/planer/fri-fran-vald";
const ROUND = `${PLAN}/uppfoljning/uppfoljning-2025`;
const ASF = `${ROUND}/asf`;
const EDITOR = "asf.redaktor@malmo.example";
const APPROVER = "asf.godkannare@malmo.example";
const COORDINATOR = "samordnare@malmo.example";
const ASF_NAME = "Arbetsmarknads- och socialförvaltningen";

let app: RunningApp;
let smtp: TestSmtp;
let browser: Browser;
const visited = new Set<string>();
let coordinator: Journey;
let editor: Journey;
let approver: Journey;

async function person(email: string): Promise<Journey> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  const journey = new Journey(page, () => app.baseUrl, visited);
  await journey.logIn(email);
  return journey;
}

/** The ASF row of the overview: its state in words. */
async function overviewState(): Promise<string> {
  await coordinator.go(`${ROUND}/oversikt`);
  return coordinator.page.getByRole("row", { name: new RegExp(ASF_NAME) }).first().innerText();
}

async function reportActivity(number: string, status: string, narrative: string) {
  await editor.go(ASF);
  await editor.follow(new RegExp(`^${number.replace(".", "\\.")} `));
  await editor.page.getByLabel(status).check();
  await editor.page.getByLabel("Så har arbetet gått").fill(narrative);
}

async function submitReport(who: Journey) {
  await who.go(ASF);
  await who.page.getByLabel("Ja, lämna in ändå").check();
  await who.press("Lämna in rapporten");
  expect(await who.flash()).toContain("Rapporten är inlämnad");
}

async function approve() {
  await approver.go(ASF);
  await approver.page.getByLabel("Förankrad i").fill("Ledningsgrupp");
  await approver.press("Godkänn");
  expect(await approver.flash()).toContain("godkännande är registrerat");
}

describe.skipIf(!hasChromium)("follow-up: a round from opening to an accepted report, with three people", () => {
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startApp({ smtpUrl: smtp.url });
    browser = await launchChromium();
    coordinator = await person(COORDINATOR);
    editor = await person(EDITOR);
    approver = await person(APPROVER);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.stop();
  });

  it("the coordinator opens Uppföljning 2025 and reminds ASF", async () => {
    await coordinator.go(`${PLAN}/uppfoljning`);
    await coordinator.follow("Öppna en ny uppföljning");
    await coordinator.page.getByLabel("Namn", { exact: true }).fill("Uppföljning 2025");
    await coordinator.page.getByLabel("Perioden börjar").fill("2025-01-01");
    await coordinator.page.getByLabel("Perioden slutar").fill("2025-12-31");
    await coordinator.page.getByLabel("Sista dag att rapportera").fill("2020-01-31");
    await coordinator.press("Öppna uppföljningen");
    await coordinator.expectErrors([/Sista dag har redan passerat/]);
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await coordinator.page.getByLabel("Sista dag att rapportera").fill(deadline);
    await coordinator.press("Öppna uppföljningen");
    expect(new URL(coordinator.page.url()).pathname).toBe(`${ROUND}/oversikt`);
    expect(await overviewState()).toContain("Inte påbörjad");
    await coordinator.press(`Skicka påminnelse nu till ${ASF_NAME}`);
    expect(await coordinator.flash()).toMatch(/Påminnelse skickad/);
    const [reminder] = await smtp.waitFor(EDITOR, 1);
    expect(reminder!.mail.subject).toContain("Uppföljning 2025");
  });

  it("ASF's editor reports three activities, one with last year's figure, attaches a PDF and submits", async () => {
    await editor.go("/malmo/att-gora");
    expect(await editor.page.locator("main").innerText()).toContain("Uppföljning 2025");
    await reportActivity("1.2", "Pågående – testas operativt", "Föräldrakurserna har fortsatt och fler har getts på kvällstid.");
    expect(await editor.page.getByLabel("Mått, rad 1").inputValue()).toBe("Föräldrakurser");
    await editor.page.getByLabel("Värde, rad 1").fill("abc");
    await editor.press("Spara utkastet");
    await editor.expectErrors([/”abc” är inte ett tal/]);
    await editor.page.getByLabel("Värde, rad 1").fill("97");
    await editor.page.getByLabel("År, rad 1").fill("2025");
    await editor.press("Spara utkastet");
    await editor.follow(/^1\.2 /);
    await editor.page.setInputFiles("#fil", { name: "kursrapport.pdf", mimeType: "application/pdf", buffer: pdfFile("Kursrapport 2025") });
    await editor.press("Ladda upp");
    expect(await editor.page.locator("main").innerText()).toContain("kursrapport.pdf");

    await reportActivity("2.1", "Pågående – testas operativt", "Fler personer som använder våld har nåtts genom uppsökande samtal.");
    await editor.press("Spara utkastet");
    await reportActivity("3.5", "Slutförd – del av ordinarie verksamhet", "Workshopparna ingår nu i gymnasieskolornas ordinarie arbete.");
    await editor.press("Spara utkastet");

    await editor.go(ASF);
    await editor.page.getByLabel("Er sammanfattning och planering framåt").fill("Förvaltningen har nått fler föräldrar och fler som använder våld.");
    await editor.press("Spara sammanfattningen");
    await editor.press("Lämna in rapporten");
    await editor.expectErrors([/Kryssa i rutan om ni vill lämna in ändå/]);
    await submitReport(editor);
    expect(await overviewState()).toContain("Inlämnad");
    const [toApprover] = await smtp.waitFor(APPROVER, 1);
    expect(toApprover!.mail.subject).toContain("har lämnat in sin rapport");
  });

  it("the approver approves; the coordinator returns it with a comment", async () => {
    await approve();
    expect(await overviewState()).toContain("Godkänd");
    await smtp.waitFor(COORDINATOR, 1);
    await coordinator.go(ASF);
    await coordinator.press("Skicka tillbaka med kommentar");
    await coordinator.expectErrors([/Skriv en kommentar/]);
    await coordinator.page.getByLabel("Kommentar till organisationen (om du skickar tillbaka)").fill("Beskriv gärna hur många föräldrar kurserna nådde.");
    await coordinator.press("Skicka tillbaka med kommentar");
    expect(await overviewState()).toContain("Återsänd");
    const mails = await smtp.waitFor(EDITOR, 2);
    expect(mails.some((m) => (m.mail.text ?? "").includes("Beskriv gärna hur många föräldrar kurserna nådde."))).toBe(true);
  });

  it("the editor fixes it; it is approved again and the coordinator accepts it", async () => {
    await editor.go(ASF);
    expect(await editor.page.locator("main").innerText()).toContain("Beskriv gärna hur många föräldrar kurserna nådde.");
    await reportActivity("1.2", "Pågående – testas operativt", "Föräldrakurserna nådde omkring 640 föräldrar, fler på kvällstid än tidigare.");
    await editor.press("Spara utkastet");
    await submitReport(editor);
    await approve();
    await coordinator.go(ASF);
    await coordinator.press("Acceptera rapporten");
    expect(await coordinator.flash()).toContain("Rapporten är accepterad");
    expect(await overviewState()).toContain("Accepterad");
    const toEditor = await smtp.waitFor(EDITOR, 3);
    expect(toEditor.map((m) => m.mail.subject)).toEqual(expect.arrayContaining([expect.stringContaining("är accepterad")]));
    expect((await smtp.waitFor(APPROVER, 2)).length).toBe(2);
    expect((await smtp.waitFor(COORDINATOR, 2)).length).toBe(2);
    expect(visited.size).toBeGreaterThanOrEqual(10);
  });
});
