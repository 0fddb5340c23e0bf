import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readPassword } from "./user.ts";
import { Refused, UsageError } from "../cli-error.ts";

/** A stand-in terminal: what is typed goes in on `input`, prompts and echo come out on `prompt`. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const prompt = new PassThrough();
  let shown = "";
  prompt.on("data", (d) => (shown += d));
  const waitFor = async (text: string) => {
    for (let i = 0; i < 200 && !shown.includes(text); i++) await new Promise((r) => setTimeout(r, 5));
    if (!shown.includes(text)) throw new Error(`never shown: ${text}`);
  };
  return { source: { input, prompt }, input, shown: () => shown, waitFor };
}

describe("reading the password", () => {
  it("on a terminal asks twice without echoing what is typed", async () => {
    const t = fakeTerminal();
    const reading = readPassword(t.source);
    await t.waitFor("Password: ");
    t.input.write("hemligt-lösenord\r");
    await t.waitFor("Password again: ");
    t.input.write("hemligt-lösenord\r");
    expect(await reading).toBe("hemligt-lösenord");
    // Only the prompts (and readline's cursor moves) reach the terminal, never a typed character.
    expect(t.shown().replace(/\x1b\[[0-9;]*[A-Za-z]/g, "")).toBe("Password: \nPassword again: \n");
  });

  it("on a terminal refuses two different answers, and Ctrl+C cancels", async () => {
    const t = fakeTerminal();
    const reading = readPassword(t.source);
    await t.waitFor("Password: ");
    t.input.write("hemligt-lösenord\r");
    await t.waitFor("Password again: ");
    t.input.write("annat-lösenord\r");
    await expect(reading).rejects.toBeInstanceOf(UsageError);

    const c = fakeTerminal();
    const cancelled = readPassword(c.source);
    await c.waitFor("Password: ");
    c.input.write("hem\x03");
    await expect(cancelled).rejects.toBeInstanceOf(Refused);
    expect(c.shown()).not.toContain("hem");
  });

  it("from a pipe takes the first line without its line ending, or nothing", async () => {
    const piped = new PassThrough();
    piped.end("first-line-pass\r\nsecond\n");
    expect(await readPassword({ input: piped, prompt: new PassThrough() })).toBe("first-line-pass");
    const empty = new PassThrough();
    empty.end();
    expect(await readPassword({ input: empty, prompt: new PassThrough() })).toBe("");
  });
});
