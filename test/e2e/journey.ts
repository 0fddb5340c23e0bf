// A person's walk through the app in one browser page: every page and state visited is checked once with axe (WCAG
// 2.1 AA) and for heading order; forms are submitted by the field they hold; errors and confirmations are read as a
// person sees them.
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, headingProblems, headingsOf } from "./browser.ts";

export class Journey {
  constructor(
    readonly page: Page,
    private readonly baseUrl: () => string,
    /** Shared between people, so a page checked for one is not checked again for another. */
    private readonly visited: Set<string> = new Set(),
  ) {}

  /** axe and headings on the page as it is now, once per path and state (with errors or not). */
  async visit() {
    await this.page.waitForLoadState("load");
    const key = `${new URL(this.page.url()).pathname}${(await this.page.title()).startsWith("Fel: ") ? " (errors)" : ""}`;
    if (this.visited.has(key)) return;
    this.visited.add(key);
    // SAMVERKA_SCREENSHOTS=<dir>: a full-page picture of every page visited, to look at by eye.
    const dir = process.env.SAMVERKA_SCREENSHOTS;
    if (dir) await this.page.screenshot({ path: `${dir}/${this.visited.size}-${key.replace(/[^a-z0-9]+/gi, "_").slice(-80)}.png`, fullPage: true });
    const violations = await axeViolations(this.page);
    expect(violations, `axe on ${key}:\n${violations.join("\n")}`).toEqual([]);
    expect(headingProblems(await headingsOf(this.page)), `headings on ${key}`).toEqual([]);
  }

  async go(path: string) {
    await this.page.goto(`${this.baseUrl()}${path}`);
    await this.visit();
  }

  /** Follows a link by its accessible name. */
  async follow(name: string | RegExp) {
    await Promise.all([this.page.waitForNavigation(), this.page.getByRole("link", { name }).first().click()]);
    await this.visit();
  }

  /** Clicks the button with this accessible name and waits for the next page. */
  async press(name: string | RegExp) {
    await Promise.all([this.page.waitForNavigation(), this.page.getByRole("button", { name }).first().click()]);
    await this.visit();
  }

  async logIn(email: string) {
    await this.go("/logga-in");
    await this.page.getByLabel("E-postadress").fill(email);
    await this.page.getByLabel("Lösenord").fill("samverka-demo");
    await this.press("Logga in");
  }

  flash() {
    return this.page.locator(".flash").innerText();
  }

  async expectErrors(messages: RegExp[]) {
    expect(await this.page.title()).toMatch(/^Fel: /);
    const summary = await this.page.getByRole("alert").innerText();
    for (const message of messages) expect(summary).toMatch(message);
  }

  get pages(): number {
    return this.visited.size;
  }
}
