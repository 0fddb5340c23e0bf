import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  assertNoIdentityNumbers,
  checkPersonalData,
  containsIdentityNumber,
  noIdentityNumber,
  PersonalDataRefused,
  personalDataMessagesEn,
  personalDataMessagesSv,
  type PersonalDataMessageKey,
} from "./index.ts";

const today = new Date(2026, 5, 15);

function checkDigit(nine: string): string {
  let sum = 0;
  [...nine].forEach((digit, index) => {
    const product = Number(digit) * (index % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  });
  return String((10 - (sum % 10)) % 10);
}

function valid(yymmdd: string, serial: string): string {
  return yymmdd + serial + checkDigit(yymmdd + serial);
}

// Serials chosen so that their digits occur nowhere else in the results (no offset or length is this large).
const personal = valid("850101", "583");
const coordination = valid("920774", "719"); // 14 July 1992 + 60
const dashed = (ten: string) => `${ten.slice(0, 6)}-${ten.slice(6)}`;

/** Every way the secret part of a number could leak into a string. */
function secretsOf(ten: string): string[] {
  return [ten, `19${ten}`, dashed(ten), ten.slice(6), ten.slice(4)];
}

function expectNoSecrets(serialised: string, ...tens: string[]) {
  for (const ten of tens) for (const secret of secretsOf(ten)) expect(serialised, `leaks ${secret}`).not.toContain(secret);
}

describe("checkPersonalData", () => {
  it("refuses identity and coordination numbers, with field, kind, masked number, message key and params", () => {
    const result = checkPersonalData(
      [
        { field: "title", value: "Samverkan kring våld i nära relationer" },
        { field: "description", value: `Gäller ${dashed(personal)}\noch 19${coordination}.` },
        { field: "rad 12", value: `"${personal}";"x"` },
      ],
      { today },
    );
    expect(result.warnings).toEqual([]);
    expect(result.refused).toEqual([
      { field: "description", kind: "personal", masked: "850101-****", offset: 7, length: 11, messageKey: "personalData.identityNumber", params: { masked: "850101-****" } },
      { field: "description", kind: "coordination", masked: "920774-****", offset: 23, length: 12, messageKey: "personalData.coordinationNumber", params: { masked: "920774-****" } },
      { field: "rad 12", kind: "personal", masked: "850101-****", offset: 1, length: 10, messageKey: "personalData.identityNumber", params: { masked: "850101-****" } },
    ]);
  });

  it("never returns the full number or its last four digits anywhere in the result", () => {
    const result = checkPersonalData(
      [
        { field: "a", value: `${dashed(personal)} ${personal} 19${dashed(personal)} 19${personal}` },
        { field: "b", value: `Klienten Anna, ${dashed(coordination)}, anna@gmail.com, 070-123 45 67` },
      ],
      { today },
    );
    expect(result.refused).toHaveLength(5);
    expect(result.warnings.map((warning) => warning.kind)).toEqual(["namedPerson", "privateEmail", "mobilePhone"]);
    expectNoSecrets(JSON.stringify(result), personal, coordination);
  });

  it("warns, without refusing, about mobile numbers, private e-mail addresses and named clients", () => {
    const result = checkPersonalData([{ field: "note", value: "Brukaren Ahmed nås på +46 70 123 45 67 eller ahmed.k@hotmail.se." }], { today });
    expect(result.refused).toEqual([]);
    expect(result.warnings).toEqual([
      { field: "note", kind: "namedPerson", offset: 0, length: 14, messageKey: "personalData.namedPerson", params: { excerpt: "Brukaren Ahmed" } },
      { field: "note", kind: "mobilePhone", offset: 22, length: 16, messageKey: "personalData.mobilePhone", params: { masked: "070-*** ** 67" } },
      { field: "note", kind: "privateEmail", offset: 45, length: 18, messageKey: "personalData.privateEmail", params: { masked: "a***@hotmail.se" } },
    ]);
    expect(JSON.stringify(result)).not.toContain("123 45");
    expect(JSON.stringify(result)).not.toContain("ahmed.k");
  });

  it("refuses a ten-digit run that is both a mobile number and a valid personnummer, without a second warning", () => {
    const both = valid("070123", "456"); // 070-123 45 6x: also 23 January 2007
    const result = checkPersonalData([{ field: "f", value: `Ring ${both}` }], { today });
    expect(result.refused).toMatchObject([{ kind: "personal", masked: "070123-****" }]);
    expect(result.warnings).toEqual([]);
  });

  it("lets ordinary plan text through untouched", () => {
    const result = checkPersonalData(
      [
        { field: "text", value: "Planen antogs 2024-01-31 och gäller 2022–2026. Budget 1 250 000 kr för ca 20 ärenden." },
        { field: "contact", value: "Malmö stad (212000-1124), växel 040-34 10 00, 08-123 456 78, kontakt@malmo.se" },
        { field: "text2", value: "Den enskilde ska få stöd. Barnet ska höras. Uppföljning 31 januari 2025." },
      ],
      { today },
    );
    expect(result).toEqual({ refused: [], warnings: [] });
  });

  it("gives containsIdentityNumber the same answer as the guard", () => {
    expect(containsIdentityNumber(`x ${dashed(personal)} y`)).toBe(true);
    expect(containsIdentityNumber("Malmö stad 212000-1124")).toBe(false);
  });
});

describe("assertNoIdentityNumbers", () => {
  it("throws PersonalDataRefused (422) whose message, stack and JSON hold no full number", () => {
    const fields = [{ field: "beskrivning", value: `Se ${dashed(personal)} och ${coordination}` }];
    let thrown: unknown;
    try {
      assertNoIdentityNumbers(fields, { today });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PersonalDataRefused);
    const error = thrown as PersonalDataRefused;
    expect(error.status).toBe(422);
    expect(error.message).toBe("personal identity number refused in beskrivning");
    expect(error.refusals.map((refusal) => refusal.kind)).toEqual(["personal", "coordination"]);
    expectNoSecrets(`${error.message}\n${error.stack}\n${JSON.stringify(error)}\n${JSON.stringify(error.refusals)}`, personal, coordination);
  });

  it("returns the warnings when nothing is refused", () => {
    expect(assertNoIdentityNumbers([{ field: "f", value: "klienten Anna" }], { today }).map((warning) => warning.kind)).toEqual(["namedPerson"]);
    expect(assertNoIdentityNumbers([{ field: "f", value: "Inget här" }])).toEqual([]);
  });
});

describe("noIdentityNumber (zod)", () => {
  const schema = z.object({ title: noIdentityNumber(z.string().min(1).max(200), { today }).trim() });

  it("adds a field error with the message key and masked params, and keeps the other rules", () => {
    const result = schema.safeParse({ title: `Ärende ${dashed(personal)}` });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      { code: "custom", path: ["title"], message: "personalData.identityNumber", params: { masked: "850101-****", kind: "personal" } },
    ]);
    expect(schema.safeParse({ title: `${coordination}` }).error!.issues[0]!.message).toBe("personalData.coordinationNumber");
    expect(schema.safeParse({ title: "" }).error!.issues[0]!.code).toBe("too_small");
    expect(schema.parse({ title: " Malmö stad 212000-1124 " })).toEqual({ title: "Malmö stad 212000-1124" });
  });

  it("does not put the input into the error, even when asked to report input", () => {
    const value = `Ärende ${dashed(personal)}, 19${coordination}`;
    for (const result of [schema.safeParse({ title: value }), schema.safeParse({ title: value }, { reportInput: true })]) {
      expect(result.error!.issues).toHaveLength(2);
      expectNoSecrets(`${JSON.stringify(result.error!.issues)}\n${result.error!.message}\n${z.prettifyError(result.error!)}`, personal, coordination);
    }
  });
});

describe("messages", () => {
  const keys = Object.keys(personalDataMessagesSv).sort() as PersonalDataMessageKey[];

  it("has Swedish and English texts for every key, with the same placeholders", () => {
    expect(Object.keys(personalDataMessagesEn).sort()).toEqual(keys);
    for (const key of keys) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(personalDataMessagesSv[key].length, key).toBeGreaterThan(10);
      expect(placeholders(personalDataMessagesEn[key]), key).toEqual(placeholders(personalDataMessagesSv[key]));
    }
    expect(personalDataMessagesSv["personalData.identityNumber"]).toBe(
      "Texten innehåller ett personnummer ({masked}). Uppgifter om enskilda personer får inte skrivas här.",
    );
  });

  it("has a text for every key the guard returns, using the params it returns", () => {
    const result = checkPersonalData(
      [{ field: "f", value: `${dashed(personal)} ${dashed(coordination)} klienten Anna anna@gmail.com 0701234567` }],
      { today },
    );
    const returned = [...result.refused, ...result.warnings];
    expect(new Set(returned.map((item) => item.messageKey)).size).toBe(5);
    for (const { messageKey, params } of returned) {
      for (const name of Object.keys(params)) expect(personalDataMessagesSv[messageKey], messageKey).toContain(`{${name}}`);
    }
  });
});

const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
const seedsExist = existsSync(seedsDir);
if (!seedsExist) console.warn("[personal-data] ../shared/seeds not found; seed scan skipped");

describe("the shared seed documents", () => {
  it.skipIf(!seedsExist)("contain nothing the guard refuses", () => {
    const files = (readdirSync(seedsDir, { recursive: true, encoding: "utf8" }) as string[])
      .filter((name) => /\.(md|txt)$/i.test(name))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    const fields = files.map((name) => ({ field: name, value: readFileSync(path.join(seedsDir, name), "utf8") }));
    expect(checkPersonalData(fields).refused).toEqual([]);
  });
});
