// The access journey of issue 4 in Chromium, with mail read from a real in-process SMTP server: the administrator
// invites a coordinator, the coordinator invites an editor for one organisation, the editor accepts, logs in, may
// edit only that organisation's activities, and has a personnummer refused at the field. axe on every page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, chromiumPath, hasChromium, headingProblems, headingsOf, launchChromium, startApp, type RunningApp } from "./browser.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

if (!hasChromium) console.warn(`[e2e] Chromium not found at ${chromiumPath}; browser tests skipped`);

let app: RunningApp;
let inbox: TestSmtp;
let browser: Browser;
const checked: string[] = [];

async function check(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${page.url()}:\n${violations.join("\n")}`).toEqual([]);
  expect(headingProblems(await headingsOf(page)), `headings on ${page.url()}`).toEqual([]);
  checked.push(new URL(page.url()).pathname);
}

async function newPage() {
  return (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}

async function logIn(page: Page, email: string, password = "samverka-demo") {
  await page.goto(`${app.baseUrl}/logga-in`);
  await check(page);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
}

async function invite(page: Page, email: string, role: string, organisation?: string) {
  await page.goto(`${app.baseUrl}/konto`);
  await check(page);
  await page.goto(`${app.baseUrl}/malmo/personer`);
  await check(page);
  await page.locator("main").getByRole("link", { name: /bjud in/i }).first().click();
  await check(page);
  await page.locator("#email").fill(email);
  await page.locator("select[name=role]").selectOption(role);
  if (organisation) await page.locator("select[name=organisationId]").selectOption({ label: organisation });
  await page.locator("main form button[type=submit]").click();
  await page.waitForLoadState();
  await check(page);
}

/** The link in the invitation mail, to this very server. */
async function linkIn(to: string): Promise<string> {
  const [received] = await inbox.waitFor(to);
  const link = /https?:\/\/\S+\/inbjudan\/[\w-]+/.exec(received?.mail.text ?? "")?.[0];
  expect(link, `invitation link in the mail to ${to}`).toBeDefined();
  expect(link!.startsWith(app.baseUrl)).toBe(true);
  return link!;
}

async function accept(link: string, name: string, password: string): Promise<Page> {
  const page = await newPage();
  await page.goto(link);
  await check(page);
  await page.locator("#name").fill(name);
  await page.locator("#password").fill(password);
  await page.locator("#passwordAgain").fill(password);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inbjudan"));
  return page;
}

describe.skipIf(!hasChromium)("inviting people and their rights, in Chromium", () => {
  beforeAll(async () => {
    inbox = await startSmtp();
    app = await startApp({ smtpUrl: inbox.url });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await inbox?.stop();
  });

  it("goes from the administrator's invitation to an editor who may edit only their organisation's activities", async () => {
    const admin = await newPage();
    await logIn(admin, "admin@malmo.example");
    await invite(admin, "ny.samordnare@malmo.example", "coordinator");

    const coordinator = await accept(await linkIn("ny.samordnare@malmo.example"), "Nina Samordnare", "nina-har-ett-langt-losenord");
    await invite(coordinator, "ny.redaktor@malmo.example", "editor", "Grundskoleförvaltningen");

    const editorLink = await linkIn("ny.redaktor@malmo.example");
    const first = await accept(editorLink, "Erik Redaktör", "erik-har-ett-langt-losenord");
    await first.context().close();

    // The link works once only.
    const again = await newPage();
    await again.goto(editorLink);
    expect(await again.textContent("main")).toMatch(/redan|använd/i);
    await check(again);

    const editor = await newPage();
    await logIn(editor, "ny.redaktor@malmo.example", "erik-har-ett-langt-losenord");
    await editor.goto(`${app.baseUrl}/konto`);
    expect(await editor.textContent("main")).toContain("Grundskoleförvaltningen");

    // Own organisation's activity (GRF 1.4): editable. ASF's 1.2: no link, and 403 by typed address.
    await editor.goto(`${app.baseUrl}/malmo/planer/fri-fran-vald/mal/1`);
    await editor.getByRole("link", { name: /^Aktivitet 1\.2:/ }).first().click();
    expect(await editor.getByRole("link", { name: "Redigera" }).count()).toBe(0);
    const asfActivity = editor.url();
    expect((await editor.goto(`${asfActivity}/redigera`))?.status()).toBe(403);
    await check(editor);

    await editor.goto(`${app.baseUrl}/malmo/planer/fri-fran-vald/mal/1`);
    await editor.getByRole("link", { name: /^Aktivitet 1\.4:/ }).first().click();
    await editor.getByRole("link", { name: "Redigera" }).click();
    await check(editor);
    await editor.getByLabel("Beskrivning").fill("Kontakt med eleven 0712121212 och 19121212-1212.");
    await editor.getByRole("button", { name: "Spara" }).click();
    expect(await editor.locator("#description-error").textContent()).toContain("121212-****");
    await check(editor);
    await editor.getByLabel("Beskrivning").fill("Samtyckesundervisningen når nu alla skolor i årskurs 7–9.");
    await editor.getByRole("button", { name: "Spara" }).click();
    await editor.waitForURL(/\/aktiviteter\/[0-9a-f-]+$/);
    expect(await editor.textContent("main")).toContain("Samtyckesundervisningen når nu alla skolor");

    // A crafted request on ASF's activity with the editor's own valid token is refused too.
    const token = await editor.evaluate(async (url) => {
      const html = await (await fetch(url)).text();
      return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    }, `${app.baseUrl}/konto`);
    const status = await editor.evaluate(
      async ({ url, token }) =>
        (await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ _csrf: token, version: "1", title: "Kapad", description: "", childRights: "" }) })).status,
      { url: `${asfActivity}/redigera`, token },
    );
    expect(status).toBe(403);
    expect(checked.length).toBeGreaterThan(10);
  });
});
