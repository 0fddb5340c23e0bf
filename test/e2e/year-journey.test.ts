// The year in Chromium, as a coordinator works it: the demo's annual wheel and its list, a recurring
// coordination-group meeting planned on the group page that then shows on the wheel, in the list, on the group page
// and in the group's calendar feed (read with ical.js), an action item from one meeting's minutes that lands on its
// owner's "Att göra". axe on the wheel, the list, the group page and the meeting page; keyboard focus on the wheel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import ICAL from "ical.js";
import { addDays, localDate } from "../../src/domain/local-date.ts";
import { axeViolations, chromiumPath, hasChromium, headingProblems, headingsOf, launchChromium, startApp, type RunningApp } from "./browser.ts";

if (!hasChromium) console.warn(`[e2e] Chromium not found at ${chromiumPath}; browser tests skipped`);

let app: RunningApp;
let browser: Browser;
let page: Page;
const GROUP = "/malmo/grupper/samordningsgruppen";
const TITLE = "Samordning inför kampanjveckan";
// A month ahead (a Wednesday or so does not matter), at a time the demo's series never meets.
const FIRST = addDays(localDate(), 30);
const YEAR = Number(FIRST.slice(0, 4));

async function visit(path: string) {
  await page.goto(`${app.baseUrl}${path}`);
}

async function logIn(email: string) {
  await visit("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill("samverka-demo");
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Logga in" }).click()]);
}

async function checkPage(what: string) {
  expect(await axeViolations(page), `axe on ${what}`).toEqual([]);
  expect(headingProblems(await headingsOf(page)), `headings on ${what}`).toEqual([]);
}

describe.skipIf(!hasChromium)("the year in Chromium", () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    await logIn("samordnare@malmo.example");
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the demo's wheel, with a text alternative and each event reachable by keyboard, and its list by month", async () => {
    await visit(`/malmo/arshjul?ar=${YEAR}`);
    await checkPage("the wheel");
    const svg = page.locator(".wheel-figure svg");
    await expect(svg.getAttribute("aria-labelledby")).resolves.toBe("arshjul-title");
    await expect(page.locator("#arshjul-desc").textContent()).resolves.toContain("Basutbildning om våld i nära relationer");
    // Tab into the wheel: the first event takes focus and shows its details over the hub.
    const first = page.locator(".wheel-figure svg a").first();
    await first.focus();
    await expect(first.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    await expect(first.locator(".wheel-detail").evaluate((g) => getComputedStyle(g).visibility)).resolves.toBe("visible");
    await expect(page.locator(".wheel-figure svg a").nth(1).locator(".wheel-detail").evaluate((g) => getComputedStyle(g).visibility)).resolves.toBe("hidden");
    await visit(`/malmo/arshjul/lista?ar=${YEAR}`);
    await checkPage("the list");
    expect(await page.getByRole("heading", { name: "mars", exact: true }).count()).toBe(1);
    expect(await page.locator("main").innerText()).toContain("Orange Day – 16 dagar mot våld");
  });

  it("plans a recurring meeting that shows on the wheel, in the list, on the group page and in the feed", async () => {
    await visit(GROUP);
    await checkPage("the group page");
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Planera ett möte" }).click()]);
    await page.getByLabel("Rubrik").fill(TITLE);
    await page.getByLabel("Datum", { exact: true }).fill(FIRST);
    await page.getByLabel("Börjar").fill("14:00");
    await page.getByLabel("Slutar").fill("15:30");
    await page.getByLabel("Plats").fill("Stadshuset, rum 2");
    await page.getByLabel("Upprepas").selectOption({ label: "Varannan månad" });
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Planera mötet" }).click()]);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${GROUP}/moten/[0-9a-f-]{36}$`));
    await checkPage("the meeting page");
    expect(await page.locator("main").innerText()).toContain("Varannan månad");

    await visit(`/malmo/arshjul?ar=${YEAR}`);
    expect(await page.locator(`.wheel-figure svg a[aria-label^="${TITLE}"]`).count()).toBeGreaterThanOrEqual(1);
    await visit(`/malmo/arshjul/lista?ar=${YEAR}`);
    expect(await page.locator("main").innerText()).toContain(TITLE);
    await visit(GROUP);
    expect(await page.locator("#coming").locator("xpath=..").innerText()).toContain(TITLE);

    const feed = await page.getByLabel("Kalenderns adress").inputValue();
    const ics = await page.request.get(feed.replace(/^https?:\/\/[^/]+/, app.baseUrl));
    expect(ics.status()).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await ics.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const series = events.find((e) => e.summary === TITLE)!;
    expect(String(series.component.getFirstPropertyValue("rrule"))).toBe("FREQ=MONTHLY;INTERVAL=2");
    expect(series.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Stockholm");
    expect(series.component.getFirstPropertyValue("dtstart")!.toString()).toBe(`${FIRST}T14:00:00`);
  });

  it("opens one meeting of the series, adds an action item from its minutes, and the owner finds it on 'Att göra'", async () => {
    await visit(GROUP);
    await Promise.all([page.waitForNavigation(), page.locator("#coming").locator("xpath=..").getByRole("link", { name: TITLE }).first().click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Öppna det här mötet" }).click()]);
    await page.getByRole("textbox", { name: "Minnesanteckningar", exact: true }).fill("Gruppen planerade kampanjveckan och vem som gör vad.");
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Spara minnesanteckningarna" }).click()]);
    await page.getByLabel("Vad ska göras").fill("Beställ affischer till kampanjveckan");
    await page.getByLabel("Ansvarig").selectOption({ label: "Demo Redaktör ASF (asf.redaktor@malmo.example)" });
    await page.getByLabel("Klart senast").fill(addDays(FIRST, 14));
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Lägg till åtgärden" }).click()]);
    await checkPage("the meeting page with minutes");
    expect(await page.locator("main").innerText()).toContain("Beställ affischer till kampanjveckan");

    await page.getByRole("button", { name: "Logga ut" }).click();
    await logIn("asf.redaktor@malmo.example");
    await visit("/malmo/att-gora");
    await checkPage("Att göra");
    const item = page.locator(".action-item", { hasText: "Beställ affischer till kampanjveckan" });
    await expect(item.innerText()).resolves.toContain("Ansvarig: Demo Redaktör ASF");
    await Promise.all([page.waitForNavigation(), item.getByRole("button", { name: /Markera som klar/ }).click()]);
    expect(await page.locator("main").innerText()).not.toContain("Beställ affischer till kampanjveckan");
  });
});
