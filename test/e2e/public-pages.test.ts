// The public pages in a real browser (the machine's Chromium), in Swedish and English: axe-core finds no WCAG 2.1 A/AA
// violations, every page has its language, its own title, one h1 and an unbroken heading outline, a working skip link,
// the landmarks, and fits a 320 px wide screen. Then journeys a visitor makes: switching language, and clicking from the
// start page to an activity. One browser for the whole file; one context (cookie jar) per language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { translator, type Locale } from "../../src/web/i18n/index.ts";
import { axeViolations, chromiumPath, hasChromium, headingProblems, headingsOf, horizontalOverflow, launchChromium, startApp, type RunningApp } from "./browser.ts";

if (!hasChromium) console.warn(`[e2e] Chromium not found at ${chromiumPath}; browser tests skipped`);

const PLAN = "/malmo/planer/fri-fran-vald";
const ROUND = `${PLAN}/uppfoljning/uppfoljning-2024`;
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 800 };
const LOCALES: Locale[] = ["sv", "en"];

interface PageCase {
  name: string;
  /** A function, because the activity's address (a random uuid) is only known once the app runs. */
  path: () => string;
  status: number;
  /** The start page is the root of the trail, so it has no breadcrumbs. */
  breadcrumbs: boolean;
}

let app: RunningApp | undefined;
let browser: Browser | undefined;
/** Activity 1.2: numbered, with financing, an accepted 2024 report and a table of figures. Found on goal page 1. */
let activityPath = "";

const PAGES: PageCase[] = [
  { name: "start page", path: () => "/", status: 200, breadcrumbs: false },
  { name: "plan overview", path: () => PLAN, status: 200, breadcrumbs: true },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ name: `goal ${n}`, path: () => `${PLAN}/mal/${n}`, status: 200, breadcrumbs: true })),
  { name: "activity 1.2 with a follow-up report", path: () => activityPath, status: 200, breadcrumbs: true },
  { name: "follow-up round 2024", path: () => ROUND, status: 200, breadcrumbs: true },
  { name: "organisation list", path: () => "/malmo/organisationer", status: 200, breadcrumbs: true },
  { name: "organisation ASF", path: () => "/malmo/organisationer/asf", status: 200, breadcrumbs: true },
  { name: "Exempelby plan", path: () => "/exempelby/planer/tryggare-exempelby", status: 200, breadcrumbs: true },
  { name: "page not found", path: () => `${PLAN}/mal/99`, status: 404, breadcrumbs: true },
];

function url(path: string) {
  return `${app!.baseUrl}${path}`;
}

async function open(page: Page, target: PageCase) {
  const response = await page.goto(url(target.path()));
  expect(response?.status(), `HTTP status of ${target.path()}`).toBe(target.status);
}

/** A context whose visitor chose the language the way people do: Swedish by default, English through the header link. */
async function contextFor(locale: Locale): Promise<BrowserContext> {
  const context = await browser!.newContext({ viewport: WIDE });
  if (locale === "en") {
    const page = await context.newPage();
    await page.goto(url("/"));
    await page.getByRole("link", { name: translator("sv")("layout.languageSwitch"), exact: true }).click();
    await page.waitForURL(url("/"));
    const lang = await page.locator("html").getAttribute("lang");
    if (lang !== "en") throw new Error(`the language switch left the start page in lang="${lang}"`);
    await page.close();
  }
  return context;
}

describe.skipIf(!hasChromium)("public pages in Chromium", () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: WIDE });
    const page = await context.newPage();
    await page.goto(url(`${PLAN}/mal/1`));
    const href = await page.getByRole("link", { name: /^Aktivitet 1\.2:/ }).first().getAttribute("href");
    await context.close();
    expect(href, "goal 1 links to Aktivitet 1.2").toMatch(/\/aktiviteter\/[0-9a-f-]{36}$/);
    activityPath = href!;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const locale of LOCALES) {
    describe(`in ${locale === "sv" ? "Swedish" : "English"}`, () => {
      const t = translator(locale);
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        context = await contextFor(locale);
        page = await context.newPage();
      });
      afterAll(async () => {
        await context?.close();
      });

      for (const target of PAGES) {
        describe(target.name, () => {
          it("has no axe-core WCAG 2.1 A/AA violations, wide or at 320 px", async () => {
            for (const viewport of [WIDE, NARROW]) {
              await page.setViewportSize(viewport);
              await open(page, target);
              const violations = await axeViolations(page);
              expect(violations, `axe on ${target.path()} (${locale}, ${viewport.width}px):\n${violations.join("\n")}`).toEqual([]);
            }
          });

          it(`says lang="${locale}", has a title, one h1 and headings that never skip a level`, async () => {
            await page.setViewportSize(WIDE);
            await open(page, target);
            expect(await page.locator("html").getAttribute("lang")).toBe(locale);
            const title = await page.title();
            expect(title.trim()).not.toBe("");
            expect(title).toMatch(new RegExp(` – ${t("title.suffix")}$`));
            const headings = await headingsOf(page);
            expect(headings.filter((h) => h.level === 1), `h1 elements on ${target.path()}`).toHaveLength(1);
            expect(headingProblems(headings), `heading outline of ${target.path()}: ${headings.map((h) => `h${h.level}`).join(" ")}`).toEqual([]);
            // The h1 is what the page is about, so it is in the title too.
            const h1 = headings.find((h) => h.level === 1)!;
            expect(title).toContain(h1.text);
          });

          it("has the banner, main, contentinfo and breadcrumb navigation landmarks", async () => {
            await page.setViewportSize(WIDE);
            await open(page, target);
            expect(await page.getByRole("banner").count()).toBe(1);
            expect(await page.getByRole("main").count()).toBe(1);
            expect(await page.getByRole("contentinfo").count()).toBe(1);
            const banner = page.getByRole("banner");
            expect(await banner.getByRole("link", { name: t("layout.languageSwitch"), exact: true }).count(), "language switch in the header").toBe(1);
            const crumbs = page.getByRole("navigation", { name: t("layout.breadcrumbs"), exact: true });
            if (!target.breadcrumbs) {
              expect(await crumbs.count()).toBe(0);
              return;
            }
            expect(await crumbs.count()).toBe(1);
            expect(await crumbs.getByRole("link", { name: t("layout.home"), exact: true }).getAttribute("href")).toBe("/");
            const items = crumbs.getByRole("listitem");
            expect(await items.count()).toBeGreaterThanOrEqual(2);
            expect(await items.last().locator('[aria-current="page"]').count(), "the last crumb is the current page").toBe(1);
          });

          it("starts with a skip link that moves focus to main", async () => {
            await page.setViewportSize(WIDE);
            await open(page, target);
            await page.keyboard.press("Tab");
            const first = await page.evaluate(() => {
              const element = document.activeElement as HTMLElement | null;
              const box = element?.getBoundingClientRect();
              return {
                tag: element?.tagName.toLowerCase(),
                text: element?.textContent?.trim(),
                href: element?.getAttribute("href"),
                onScreen: !!box && box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth,
              };
            });
            expect(first).toEqual({ tag: "a", text: t("layout.skipToContent"), href: "#main", onScreen: true });
            await page.keyboard.press("Enter");
            await expect.poll(() => page.evaluate(() => location.hash)).toBe("#main");
            expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase() + "#" + document.activeElement?.id)).toBe("main#main");
            // The next Tab continues inside the content, not back in the header.
            await page.keyboard.press("Tab");
            expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
          });

          it("fits a 320 px wide screen without horizontal scrolling", async () => {
            await page.setViewportSize(NARROW);
            await open(page, target);
            const { scrollWidth, culprits } = await horizontalOverflow(page);
            expect(scrollWidth, `${target.path()} at 320px is ${scrollWidth}px wide; sticking out: ${culprits.join(", ")}`).toBeLessThanOrEqual(320);
          });
        });
      }

      it("gives every page its own title", async () => {
        await page.setViewportSize(WIDE);
        const titles: string[] = [];
        for (const target of PAGES) {
          await open(page, target);
          titles.push(await page.title());
        }
        const repeated = titles.filter((title, index) => titles.indexOf(title) !== index);
        expect(repeated, `titles used by more than one page:\n${titles.join("\n")}`).toEqual([]);
        expect(titles).toHaveLength(PAGES.length);
      });

      it("gives the status chart of every goal a text alternative that says what the bars show", async () => {
        await page.setViewportSize(WIDE);
        await page.goto(url(PLAN));
        const goal = locale === "sv" ? "Inriktningsmål" : "Goal";
        for (let n = 1; n <= 6; n++) {
          const figure = page.getByRole("figure", { name: t("chart.statusDistribution", { subject: `${goal} ${n}, Uppföljning 2024` }), exact: true });
          expect(await figure.count(), `status chart of ${goal} ${n} found by its accessible name`).toBe(1);
          const chart = await figure.evaluate((element) => {
            const svg = element.querySelector("svg.status-bar__svg")!;
            const bars = [...svg.querySelectorAll("rect")].map((rect) => ({ colour: rect.getAttribute("fill"), width: Number(rect.getAttribute("width")) }));
            const legend = [...element.querySelectorAll(".status-bar__legend li:not(.status-bar__total)")].map((item) => ({
              colour: item.querySelector(".swatch rect")?.getAttribute("fill") ?? null,
              text: (item.textContent ?? "").trim(),
              count: Number(item.querySelector("strong")?.textContent),
            }));
            const activities = Number(element.closest(".goal-card")?.querySelector(".goal-card__numbers dd")?.textContent);
            return { hidden: svg.getAttribute("aria-hidden"), bars, legend, activities, total: element.querySelector(".status-bar__total")?.textContent?.trim() };
          });
          // The drawing is hidden from assistive technology; the list says the same thing in words.
          expect(chart.hidden).toBe("true");
          expect(chart.legend.length).toBeGreaterThan(0);
          expect(chart.legend.map((l) => l.colour)).toEqual(chart.bars.map((b) => b.colour));
          const sum = chart.legend.reduce((s, l) => s + l.count, 0);
          expect(chart.activities).toBeGreaterThanOrEqual(sum);
          expect(chart.total).toBe(t("chart.reportedOf", { count: sum, outOf: chart.activities }));
          const drawn = chart.bars.reduce((s, b) => s + b.width, 0);
          chart.legend.forEach((entry, i) => {
            expect(entry.text).toMatch(new RegExp(`^\\S.*: ${entry.count}$`));
            expect(chart.bars[i]!.width / drawn).toBeCloseTo(entry.count / sum, 3);
          });
        }
      });
    });
  }

  describe("journeys", () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser!.newContext({ viewport: WIDE });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    async function localeCookie() {
      return (await context.cookies()).find((c) => c.name === "samverka_lang")?.value;
    }

    it("switches to English on the plan page, stays English on the next page, and switches back", async () => {
      const sv = translator("sv");
      const en = translator("en");
      await context.clearCookies();
      await page.goto(url(PLAN));
      expect(await page.locator("html").getAttribute("lang")).toBe("sv");
      await expect.poll(() => page.getByRole("heading", { level: 2, name: sv("plan.rounds"), exact: true }).count()).toBe(1);

      await page.getByRole("link", { name: sv("layout.languageSwitch"), exact: true }).click();
      await page.waitForURL(url(PLAN));
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.getByRole("heading", { level: 2, name: "Goals", exact: true }).count()).toBe(1);
      expect(await page.getByRole("heading", { level: 2, name: en("plan.rounds"), exact: true }).count()).toBe(1);
      expect(await localeCookie()).toBe("en");

      // The next page, reached by a link, is still English: the cookie is remembered.
      await page.getByRole("link", { name: /^Goal 1\b/ }).click();
      await page.waitForURL(url(`${PLAN}/mal/1`));
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.getByRole("heading", { level: 2, name: en("goal.board"), exact: true }).count()).toBe(1);
      expect(await page.getByRole("heading", { level: 4, name: en("goal.column.ongoing"), exact: true }).count()).toBeGreaterThan(0);

      await page.getByRole("link", { name: en("layout.languageSwitch"), exact: true }).click();
      await page.waitForURL(url(`${PLAN}/mal/1`));
      expect(await page.locator("html").getAttribute("lang")).toBe("sv");
      expect(await page.getByRole("heading", { level: 2, name: sv("goal.board"), exact: true }).count()).toBe(1);
      expect(await localeCookie()).toBe("sv");
    });

    it("marks the plan's Swedish text as Swedish on English pages, and the interface as English", async () => {
      const en = translator("en");
      await context.clearCookies();
      await context.addCookies([{ name: "samverka_lang", value: "en", url: app!.baseUrl }]);
      await page.goto(url(activityPath));
      const langOf = (selector: string) => page.locator(selector).first().evaluate((element) => element.closest("[lang]")?.getAttribute("lang"));
      expect(await page.locator("h1").textContent()).toBe("Förvaltningen ska vidareutveckla det tidiga föräldrastödet.");
      expect(await langOf("h1")).toBe("sv");
      expect(await langOf(".prose")).toBe("sv");
      expect(await page.getByRole("heading", { level: 2, name: en("activity.childRights"), exact: true }).evaluate((e) => e.closest("[lang]")?.getAttribute("lang"))).toBe("en");
      // In Swedish nothing needs marking: the page's own lang covers it.
      await context.clearCookies();
      await page.goto(url(activityPath));
      expect(await page.locator("main [lang]").count()).toBe(0);
    });

    it("takes a visitor from the start page to a goal and on to an activity by clicking links", async () => {
      await context.clearCookies();
      await page.goto(url("/"));
      await page.getByRole("link", { name: "Fri från våld – en gemensam angelägenhet 2022–2026", exact: true }).click();
      await page.waitForURL(url(PLAN));
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Fri från våld – en gemensam angelägenhet 2022–2026");

      await page.getByRole("link", { name: /^Inriktningsmål 1\b/ }).click();
      await page.waitForURL(url(`${PLAN}/mal/1`));
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Staden bedriver ett verkningsfullt våldsförebyggande arbete");

      await page.getByRole("link", { name: /^Aktivitet 1\.2:/ }).first().click();
      await page.waitForURL(url(activityPath));
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Förvaltningen ska vidareutveckla det tidiga föräldrastödet.");
      // The follow-up report is there, with its figures in a table.
      expect(await page.getByRole("heading", { level: 3, name: "Uppföljning 2024", exact: true }).count()).toBe(1);
      const figures = page.getByRole("table", { name: "Siffror", exact: true });
      expect(await figures.getByRole("rowheader", { name: "Föräldrakurser" }).count()).toBe(1);
      // And the breadcrumbs lead back to the goal.
      const crumbs = page.getByRole("navigation", { name: translator("sv")("layout.breadcrumbs") });
      expect(await crumbs.getByRole("link", { name: "Inriktningsmål 1", exact: true }).getAttribute("href")).toBe(`${PLAN}/mal/1`);
    });

    it("lets keyboard users reach a table that scrolls sideways on a narrow screen", async () => {
      await context.clearCookies();
      await page.setViewportSize(NARROW);
      await page.goto(url(activityPath));
      const region = page.getByRole("region", { name: translator("sv")("activity.financing"), exact: true });
      expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth), "the financing table is wider than 320 px").toBe(true);
      // Tab from the last link before the table (the action plan) lands on the table's region; arrows then scroll it.
      await page.getByRole("link", { name: /^Handlingsplan / }).focus();
      await page.keyboard.press("Tab");
      expect(await region.evaluate((element) => element === document.activeElement), "Tab reaches the table").toBe(true);
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
      await page.setViewportSize(WIDE);
    });
  });
});
