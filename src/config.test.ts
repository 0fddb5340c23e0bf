import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.loadDemo).toBe(true);
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mailFrom).toBe("Samverka <noreply@samverka.invalid>");
  });

  it("names the variable that is wrong, and never repeats an SMTP password", () => {
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => loadConfig({ MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM: must be an e-mail address/);
    try {
      loadConfig({ SMTP_URL: "http://user:hemligt@mail.example" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain("SMTP_URL: must start with smtp:// or smtps://");
      expect((error as Error).message).not.toContain("hemligt");
    }
    expect(loadConfig({ SMTP_URL: "smtp://u:p@127.0.0.1:2525", MAIL_FROM: "Malmö stad <samverka@malmo.se>" }).smtpUrl).toBe("smtp://u:p@127.0.0.1:2525");
  });

  it("reads the attachment size limit in megabytes, 20 by default, and refuses nonsense", () => {
    expect(loadConfig({}).attachmentMaxBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ SAMVERKA_ATTACHMENT_MAX_MB: "0.5" }).attachmentMaxBytes).toBe(512 * 1024);
    expect(() => loadConfig({ SAMVERKA_ATTACHMENT_MAX_MB: "många" })).toThrow(/SAMVERKA_ATTACHMENT_MAX_MB/);
    expect(() => loadConfig({ SAMVERKA_ATTACHMENT_MAX_MB: "0" })).toThrow(/SAMVERKA_ATTACHMENT_MAX_MB: must be more than 0/);
  });
});
