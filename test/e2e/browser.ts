// Helpers for the browser suite: the machine's Chromium (never a downloaded one), the app on a free port,
// and page checks (axe, headings, horizontal overflow) that explain themselves when they fail.
import { existsSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import type { Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { createMailer } from "../../src/mail/mailer.ts";

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);

/** Headless Chromium from the system. The flags keep it from reaching for Google's services on a closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface RunningApp {
  baseUrl: string;
  /** The app's database, for a test to set up what no page does (a role in a second workspace). */
  database: Database;
  close(): Promise<void>;
}

/**
 * The real app listening on a free loopback port: on the demo database, or with `demo: false` on an empty install
 * (no account, no workspace). With `smtpUrl`, mail goes there.
 */
export async function startApp(options: { smtpUrl?: string; demo?: boolean } = {}): Promise<RunningApp> {
  const database: Database = await openTestDatabase({ demo: options.demo ?? true });
  let app: FastifyInstance | undefined;
  const mailer = options.smtpUrl ? createMailer({ smtpUrl: options.smtpUrl, from: "Samverka <noreply@samverka.example>", db: database.db }) : undefined;
  const state = createAppState(database, { mailer });
  try {
    app = await buildApp(state);
    await app.listen({ port: 0, host: "127.0.0.1" });
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("the app did not report a TCP address");
  const running = app;
  // Links in mail point at this very server.
  state.publicUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl: state.publicUrl,
    database,
    close: async () => {
      await running.close();
      mailer?.close();
      await database.close();
    },
  };
}

/**
 * axe-core with the WCAG 2.0/2.1 A and AA rules; returns one line per violation: rule id, help and the failing elements.
 * Legacy mode runs axe in the page itself instead of finishing in a new blank page: twice as fast, and the pages have
 * no frames, which is all the other mode adds.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (page.frames().length > 1) throw new Error(`${page.url()} has frames: run axe without setLegacyMode(true)`);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.help} → ${v.nodes.map((n) => n.target.map(String).join(" ")).join(" | ")}`,
  );
}

export interface Heading {
  level: number;
  text: string;
}

/** Every h1–h6 in document order, hidden ones included: a screen reader's heading list sees visually hidden headings too. */
export function headingsOf(page: Page): Promise<Heading[]> {
  return page.$$eval("h1, h2, h3, h4, h5, h6", (elements) =>
    elements.map((element) => ({ level: Number(element.tagName.slice(1)), text: (element.textContent ?? "").replace(/\s+/g, " ").trim() })),
  );
}

/** Where the outline goes wrong: a first heading that is not h1, a level skipped on the way down, an empty heading. */
export function headingProblems(headings: Heading[]): string[] {
  const problems: string[] = [];
  if (headings[0] && headings[0].level !== 1) problems.push(`first heading is h${headings[0].level} "${headings[0].text}"`);
  headings.forEach((heading, index) => {
    if (!heading.text) problems.push(`empty h${heading.level} (heading #${index + 1})`);
    const previous = headings[index - 1];
    if (previous && heading.level > previous.level + 1) {
      problems.push(`h${previous.level} "${previous.text}" is followed by h${heading.level} "${heading.text}"`);
    }
  });
  return problems;
}

/** The document's scroll width, and the elements that stick out past the viewport (to say what to fix). */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Content of a sideways scroller (a wide table) may stick out of the scroller; only what escapes to the page counts.
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    // A box past the right edge, or text running out of its box (a long word in a heading). Form controls clip their
    // own text (a select's long option never shows past its box), though some Chromium versions report it as scroll width.
    const control = (element: Element) => ["SELECT", "INPUT", "TEXTAREA", "OPTION"].includes(element.tagName);
    const sticksOut = (element: Element) =>
      element.getBoundingClientRect().right > width + 0.5 ||
      (!control(element) && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible");
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((element) => sticksOut(element) && !clipped(element))
      .slice(0, 8)
      .map((element) => {
        const name = `${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? `.${element.className.trim().replace(/\s+/g, ".")}` : ""}`;
        const text = (element.textContent ?? "").trim().slice(0, 40);
        return `${name} "${text}" (right edge ${Math.round(element.getBoundingClientRect().right)}px, content ${element.scrollWidth}px wide)`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}
