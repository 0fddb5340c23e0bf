// Logged-in pages in Chromium: the login form with errors, the account page, editing an activity (a personnummer
// refused at the field, a conflict between two people), and the history — each checked with axe at 1280 and 320 px.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, chromiumPath, hasChromium, headingProblems, headingsOf, horizontalOverflow, launchChromium, startApp, type RunningApp } from "./browser.ts";

if (!hasChromium) console.warn(`[e2e] Chromium not found at ${chromiumPath}; browser tests skipped`);

let app: RunningApp;
let browser: Browser;
const PLAN = "/malmo/planer/fri-fran-vald";

async function checkPage(page: Page, what: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    const violations = await axeViolations(page);
    expect(violations, `axe on ${what} at ${width}px:\n${violations.join("\n")}`).toEqual([]);
    expect(headingProblems(await headingsOf(page)), `headings on ${what}`).toEqual([]);
    if (width === 320) expect((await horizontalOverflow(page)).culprits, `overflow on ${what}`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function logIn(page: Page, email: string) {
  await page.goto(`${app.baseUrl}/logga-in`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill("samverka-demo");
  await page.getByRole("button", { name: "Logga in" }).click();
}

describe.skipIf(!hasChromium)("editing in Chromium", () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows login errors in a summary that takes focus and links to the fields", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/logga-in`);
    await page.getByRole("button", { name: "Logga in" }).click();
    expect(await page.title()).toMatch(/^Fel: Logga in/);
    const summary = page.getByRole("alert");
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await summary.getByRole("link", { name: "Skriv din e-postadress" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("email");
    await checkPage(page, "login with errors");
    await page.close();
  });

  it("lets ASF's editor edit an activity, refuses a personnummer at the field, and keeps both texts in a conflict", async () => {
    const anna = await (await browser.newContext()).newPage();
    const bo = await (await browser.newContext()).newPage();
    await logIn(anna, "asf.redaktor@malmo.example");
    await logIn(bo, "samordnare@malmo.example");
    await anna.goto(`${app.baseUrl}/konto`);
    expect(await anna.getByRole("heading", { level: 1 }).textContent()).toBe("Mitt konto");
    await checkPage(anna, "account page");

    // From the goal page to the activity to its edit form, by clicking.
    await anna.goto(`${app.baseUrl}${PLAN}/mal/1`);
    await anna.getByRole("link", { name: /^Aktivitet 1\.2:/ }).first().click();
    await anna.getByRole("link", { name: "Redigera" }).click();
    const editUrl = anna.url();
    await bo.goto(editUrl);
    await checkPage(anna, "edit form");

    await anna.getByLabel("Beskrivning").fill("Uppföljning för 19121212-1212 pågår.");
    await anna.getByRole("button", { name: "Spara" }).click();
    const fieldError = anna.locator("#description-error");
    expect(await fieldError.textContent()).toContain("121212-****");
    expect(await anna.getByLabel("Beskrivning").getAttribute("aria-describedby")).toContain("description-error");
    await checkPage(anna, "edit form with a refused personnummer");

    await anna.getByLabel("Beskrivning").fill("Annas nya beskrivning.");
    await anna.getByRole("button", { name: "Spara" }).click();
    await anna.waitForURL(/\/aktiviteter\/[0-9a-f-]+$/);
    expect(await anna.textContent("main")).toContain("Annas nya beskrivning.");

    await bo.getByLabel("Beskrivning").fill("Bos beskrivning.");
    await bo.getByRole("button", { name: "Spara" }).click();
    expect(await bo.textContent("main")).toContain("Annas nya beskrivning.");
    expect(await bo.getByLabel("Beskrivning").inputValue()).toBe("Bos beskrivning.");
    await checkPage(bo, "conflict page");
    await bo.getByLabel("Beskrivning").fill("Annas nya beskrivning. Bos beskrivning.");
    await bo.getByRole("button", { name: "Spara" }).click();
    await bo.waitForURL(/\/aktiviteter\/[0-9a-f-]+$/);

    await bo.getByRole("link", { name: "Historik" }).click();
    const history = await bo.textContent("main");
    expect(history).toContain("Demo Samordnare");
    expect(history).toContain("Demo Redaktör ASF");
    await checkPage(bo, "history");
  });

  it("shows no edit link on another organisation's activity, and answers 403 there", async () => {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, "asf.redaktor@malmo.example");
    await page.goto(`${app.baseUrl}${PLAN}/mal/1`);
    await page.getByRole("link", { name: /^Aktivitet 1\.4:/ }).first().click();
    expect(await page.getByRole("link", { name: "Redigera" }).count()).toBe(0);
    const response = await page.goto(`${page.url()}/redigera`);
    expect(response?.status()).toBe(403);
    await checkPage(page, "403 page");
  });
});
