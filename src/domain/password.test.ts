import { describe, expect, it } from "vitest";
import { hashPassword, UNUSABLE_HASH, verifyPassword } from "./password.ts";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one, with a fresh salt per hash", async () => {
    const hash = await hashPassword("samverka-demo");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(hash).not.toContain("samverka-demo");
    expect(await verifyPassword("samverka-demo", hash)).toBe(true);
    expect(await verifyPassword("samverka-demo ", hash)).toBe(false);
    expect(await hashPassword("samverka-demo")).not.toBe(hash);
  });

  it("treats composed and decomposed å alike", async () => {
    const hash = await hashPassword("lösenord-på-plats");
    expect(await verifyPassword("lösenord-på-plats".normalize("NFD"), hash)).toBe(true);
  });

  it("answers false, without throwing, for missing or malformed hashes", async () => {
    for (const stored of [null, undefined, "", "plain", "scrypt$1$2$3", "bcrypt$1$2$3$4$5", UNUSABLE_HASH]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });
});
