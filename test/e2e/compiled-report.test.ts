// The compiled report as a web page in a real browser (the machine's Chromium): the coordinator reaches it from the
// round's overview; axe-core finds no WCAG 2.1 A/AA violations in Swedish, in English, with drafts included and on a
// 320 px screen; headings never skip a level; the charts are drawn (inline SVG with a text alternative).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, chromiumPath, hasChromium, headingProblems, headingsOf, launchChromium, startApp, type RunningApp } from "./browser.ts";

if (!hasChromium) console.warn(`[e2e] Chromium not found at ${chromiumPath}; browser tests skipped`);

const ROUND = "/malmo/planer/fri-fran-vald/uppfoljning/uppfoljning-2024";
let app: RunningApp | undefined;
let browser: Browser | undefined;
let page: Page;

describe.skipIf(!hasChromium)("the compiled report in a browser", () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${app.baseUrl}/logga-in`);
    await page.getByLabel("E-postadress").fill("samordnare@malmo.example");
    await page.getByLabel("Lösenord").fill("samverka-demo");
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Logga in" }).click()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("is reached from the round's overview", async () => {
    await page.goto(`${app!.baseUrl}${ROUND}/oversikt`);
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: /Sammanställd rapport/ }).click()]);
    expect(new URL(page.url()).pathname).toBe(`${ROUND}/rapport`);
    expect(await page.getByRole("img", { name: /Status per inriktningsmål/ }).count()).toBe(1);
  });

  for (const query of ["", "?sprak=en", "?utkast=1"]) {
    it(`has no axe violations and an unbroken heading outline (${query || "default"})`, async () => {
      const response = await page.goto(`${app!.baseUrl}${ROUND}/rapport${query}`);
      expect(response?.status()).toBe(200);
      const violations = await axeViolations(page);
      expect(violations, violations.join("\n")).toEqual([]);
      expect(headingProblems(await headingsOf(page))).toEqual([]);
      if (process.env.SAMVERKA_SCREENSHOTS) await page.screenshot({ path: `${process.env.SAMVERKA_SCREENSHOTS}/compiled${query.replace(/\W/g, "-")}.png`, fullPage: false });
    });
  }

  it("has no axe violations on a 320 px screen", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${app!.baseUrl}${ROUND}/rapport`);
    const violations = await axeViolations(page);
    expect(violations, violations.join("\n")).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
