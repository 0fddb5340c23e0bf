// Text that is likely, not certainly, about an individual: the user is warned and must confirm, nothing is refused.
// Pure: no I/O. Kept conservative on purpose, since every warning costs the user a confirmation:
// - mobilePhone: Swedish mobile numbers 070, 072, 073, 076, 079 + seven digits, national ("070-123 45 67",
//   "0701234567", "(070) 123 45 67") or international ("+46 70 123 45 67", "+46 (0)70-123 45 67", "0046 70…").
//   Landlines (040-34 10 00, 08-123 456 78) and other 07x series (071 machine-to-machine, 077 shared-cost) are not flagged.
// - privateEmail: an address at a common private provider (gmail.com, hotmail.*, outlook.com, live.se, yahoo.*,
//   icloud.com, telia.com, spray.se, bredband.net, …). Work addresses such as @malmo.se are not flagged.
// - namedPerson: a word for a client or family member in definite form ("klienten", "brukaren", "den enskilde",
//   "barnet", "mamman", …, first letter in either case) followed by a capitalised word that looks like a first name
//   ("klienten Anna", "Brukaren Ahmed berättade", "klienten, Anna, …"). Places, organisations and demonyms
//   ("den enskilda Malmöbon", "barnet Socialtjänsten") are not names.
// Shown values are masked for phone numbers and e-mail addresses; the named-person excerpt shows the words found.

export type LikelyPersonalDataKind = "mobilePhone" | "privateEmail" | "namedPerson";

export interface LikelyPersonalDataMatch {
  offset: number;
  length: number;
  kind: LikelyPersonalDataKind;
  /** What the message shows: "070-*** ** 67", "a***@gmail.com", "klienten Anna". */
  shown: string;
}

/** All likely personal data in the text, in order of appearance. */
export function findLikelyPersonalData(text: string): LikelyPersonalDataMatch[] {
  return [...findMobilePhones(text), ...findPrivateEmails(text), ...findNamedPersons(text)].sort((a, b) => a.offset - b.offset);
}

// --- mobile phone numbers -------------------------------------------------------------------------------------------

const PHONE_SEP = "(?:[ \\u00a0]?[-\\u2010-\\u2013./][ \\u00a0]?|[ \\u00a0])?";
const MOBILE = new RegExp(
  `(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)46${PHONE_SEP}(?:\\(0\\)${PHONE_SEP})?|\\(?0)7[02369]\\)?(?:${PHONE_SEP}\\d){7}(?!\\p{N})`,
  "gu",
);

function findMobilePhones(text: string): LikelyPersonalDataMatch[] {
  const matches: LikelyPersonalDataMatch[] = [];
  for (const found of text.matchAll(MOBILE)) {
    const end = found.index + found[0].length;
    if (/^[-\u2010-\u2013]\d/.test(text.slice(end, end + 2))) continue; // the start of a longer hyphenated number
    const digits = found[0].replace(/\D/g, "").replace(/^(?:00)?46(?:0)?/, "0");
    matches.push({ offset: found.index, length: found[0].length, kind: "mobilePhone", shown: `${digits.slice(0, 3)}-*** ** ${digits.slice(-2)}` });
  }
  return matches;
}

// --- private e-mail addresses ---------------------------------------------------------------------------------------

/** Private providers, exact domains. hotmail.*, yahoo.* and gmx.* match under any top-level domain. */
export const PRIVATE_EMAIL_DOMAINS: readonly string[] = [
  "gmail.com", "googlemail.com", "outlook.com", "outlook.se", "live.se", "live.com", "msn.com",
  "icloud.com", "me.com", "mac.com", "ymail.com", "aol.com", "protonmail.com", "proton.me", "pm.me",
  "telia.com", "spray.se", "bredband.net", "bredband2.com", "comhem.se", "tele2.se", "passagen.se",
  "home.se", "swipnet.se", "glocalnet.net", "bahnhof.se", "tutanota.com",
];
const PRIVATE_EMAIL_FAMILIES = /^(?:hotmail|yahoo|gmx)\.[a-z]{2,3}(?:\.[a-z]{2})?$/;
const EMAIL = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu;

export function isPrivateEmailDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return PRIVATE_EMAIL_DOMAINS.includes(lower) || PRIVATE_EMAIL_FAMILIES.test(lower);
}

function findPrivateEmails(text: string): LikelyPersonalDataMatch[] {
  const matches: LikelyPersonalDataMatch[] = [];
  for (const found of text.matchAll(EMAIL)) {
    const local = found[1]!;
    const domain = found[2]!;
    if (!isPrivateEmailDomain(domain)) continue;
    matches.push({ offset: found.index, length: found[0].length, kind: "privateEmail", shown: `${local.slice(0, 1)}***@${domain.toLowerCase()}` });
  }
  return matches;
}

// --- a client or relative named by first name -----------------------------------------------------------------------

const PERSON_WORDS = [
  "klienten", "brukaren", "patienten", "eleven", "den enskilde", "den enskilda", "barnet", "mamman", "pappan",
  "kvinnan", "mannen", "flickan", "pojken", "sonen", "dottern", "ungdomen", "offret", "förövaren",
];
const PERSON_WORD_PATTERN = PERSON_WORDS.map((word) => `[${word[0]}${word[0]!.toUpperCase()}]${word.slice(1).replace(" ", "[ \\u00a0]")}`).join("|");
const NAME_PATTERN = "\\p{Lu}[\\p{Ll}\\p{M}]+(?:-\\p{Lu}[\\p{Ll}\\p{M}]+)?";
const NAMED_PERSON = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<word>${PERSON_WORD_PATTERN})(?<comma>,)?[ \\u00a0]+[("'\\u201d\\u00ab]?(?<name>${NAME_PATTERN})(?![\\p{L}\\p{N}])`,
  "gu",
);

/** Capitalised words after "barnet" etc. that are not first names: places, organisations, English words. */
const NOT_NAMES = new Set([
  "Sverige", "Sveriges", "Malmö", "Malmös", "Skåne", "Skånes", "Stockholm", "Göteborg", "Lund", "Helsingborg",
  "Barnahus", "Bup", "Bris", "Rädda", "Unicef", "Polisen", "Socialtjänsten", "Kvinnojouren", "Tjejjouren",
  "Migrationsverket", "Försäkringskassan", "Arbetsförmedlingen", "Kronofogden", "Åklagaren", "Region", "Kommunen",
  "Sweden", "Swedish", "Nordic", "European", "English", "Swedes",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
  "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
]);
/** Organisation words ("Socialförvaltningen", "Tingsrätten") and demonyms ("Malmöbon", "Lundaborna"). */
const NOT_NAME_ENDINGS =
  /(?:förvaltning|nämnd|tjänst|myndighet|verk|kass|hus|jour|rätt|mottagning|centr|enhet|kommun|region|skol|polis|stad|landsting|bo|bor|borna)(?:en|et|n|a|um|s)?$/;

function looksLikeFirstName(word: string): boolean {
  if (NOT_NAMES.has(word)) return false;
  if (word.length > 5 && NOT_NAME_ENDINGS.test(word.toLowerCase())) return false;
  return true;
}

function findNamedPersons(text: string): LikelyPersonalDataMatch[] {
  const matches: LikelyPersonalDataMatch[] = [];
  for (const found of text.matchAll(NAMED_PERSON)) {
    const { word, comma, name } = found.groups as { word: string; comma?: string; name: string };
    if (!looksLikeFirstName(name)) continue;
    const end = found.index + found[0].length;
    // After a comma the name must be an apposition closed by punctuation ("klienten, Anna, berättade"),
    // so "för barnet, Malmö stad …" is not taken for a name.
    if (comma && !/^(?:["'\u201d\u00bb)]?)(?:[,.;:!?)]|$)/.test(text.slice(end, end + 2))) continue;
    matches.push({ offset: found.index, length: found[0].length, kind: "namedPerson", shown: `${word.replace(/\s/g, " ")} ${name}` });
  }
  return matches;
}
