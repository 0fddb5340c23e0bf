// Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer) found in free text.
// Pure: no I/O. Matches carry an offset and a masked form ("YYMMDD-****"), never the full number.
//
// Accepted spellings: YYMMDD-NNNN, YYMMDD+NNNN (100 years or older), YYMMDDNNNN, YYYYMMDDNNNN, YYYYMMDD-NNNN
// (and YYYYMMDD+NNNN). The separator may also be a Unicode hyphen or dash, may have a space on either side, or
// may be a single space or line break ("850101 1234"). A candidate is an identity number when
// - its date is a real calendar date (leap years included); coordination numbers add 60 to the day (61–91);
// - its year is plausible: 12-digit forms start with 18, 19 or 20 and are not in the future; 10-digit forms with
//   "-" or no separator get the century that makes the person 0–99 years old on `today`, with "+" 100 or older;
// - the Luhn check digit over the 10-digit form (YYMMDDNNNN) is right;
// - it is not part of a longer digit run: no digit directly before or after it (so not inside a 14-digit number,
//   an IBAN or "+46701234567"), no "+" directly before it (an international phone number such as "+4611234567"),
//   and a space-separated one is not part of a longer space-separated digit group ("12 345678 9012").
// Offsets and lengths are in UTF-16 code units of the text passed in (String indices).

export type IdentityNumberKind = "personal" | "coordination";

export interface IdentityNumberMatch {
  /** Index in the text where the number starts. */
  offset: number;
  /** Length of the number as written, separator included. */
  length: number;
  kind: IdentityNumberKind;
  /** "YYMMDD-****": the date part as written (coordination numbers keep their day + 60), never the last four digits. */
  masked: string;
}

export interface IdentityNumberOptions {
  /** The day ages are reckoned from, for the century of 10-digit numbers and "not in the future". Default: now. */
  today?: Date;
}

const HYPHENS = "\\-\\u2010-\\u2015\\u2212"; // "-", Unicode hyphens and dashes, minus sign
const BLANK = "[ \\t\\u00a0]";
const LINE_BREAK = "(?:\\r\\n|[\\r\\n])";
// Group names: century (optional 2 digits), date (6 digits), sign (+ or dash), blank (a whitespace-only separator), serial (4 digits).
const CANDIDATE = new RegExp(
  `(?<![\\d+])(?<century>\\d{2})?(?<date>\\d{6})` +
    `(?:${BLANK}?(?<sign>[+${HYPHENS}])(?:${BLANK}|${LINE_BREAK})?|(?<blank>${BLANK}|${LINE_BREAK}))?` +
    `(?<serial>\\d{4})(?!\\d)`,
  "g",
);

/** All identity and coordination numbers in the text, in order of appearance. */
export function findIdentityNumbers(text: string, options: IdentityNumberOptions = {}): IdentityNumberMatch[] {
  const today = options.today ?? new Date();
  const matches: IdentityNumberMatch[] = [];
  for (const found of text.matchAll(CANDIDATE)) {
    const groups = found.groups!;
    const offset = found.index;
    const length = found[0].length;
    if (groups.blank !== undefined && continuesDigitGroup(text, offset, offset + length)) continue;
    const kind = classify(groups.century, groups.date!, groups.serial!, groups.sign === "+", today);
    if (kind) matches.push({ offset, length, kind, masked: `${groups.date}-****` });
  }
  return matches;
}

/** True when the text contains at least one identity or coordination number. */
export function containsIdentityNumber(text: string, options: IdentityNumberOptions = {}): boolean {
  return findIdentityNumbers(text, options).length > 0;
}

/** "12 345678 9012": a digit group separated by a single blank directly before or after the candidate. */
function continuesDigitGroup(text: string, start: number, end: number): boolean {
  return /\d[ \t\u00a0]$/.test(text.slice(Math.max(0, start - 2), start)) || /^[ \t\u00a0]\d/.test(text.slice(end, end + 2));
}

function classify(
  century: string | undefined,
  date: string,
  serial: string,
  plus: boolean,
  today: Date,
): IdentityNumberKind | null {
  const yy = Number(date.slice(0, 2));
  const month = Number(date.slice(2, 4));
  const writtenDay = Number(date.slice(4, 6));
  const kind: IdentityNumberKind = writtenDay > 60 ? "coordination" : "personal";
  const day = kind === "coordination" ? writtenDay - 60 : writtenDay;
  if (month < 1 || month > 12 || day < 1) return null;

  const todayYear = today.getFullYear();
  const todayKey = todayYear * 10_000 + (today.getMonth() + 1) * 100 + today.getDate();
  let year: number;
  if (century !== undefined) {
    if (century !== "18" && century !== "19" && century !== "20") return null;
    year = Number(century) * 100 + yy;
  } else {
    // The latest year ending in yy whose birthday is not after today: the person is 0–99 years old.
    year = todayYear - ((((todayYear - yy) % 100) + 100) % 100);
    if (year * 10_000 + month * 100 + day > todayKey) year -= 100;
    if (plus) year -= 100;
  }
  if (day > daysInMonth(year, month)) return null;
  if (year * 10_000 + month * 100 + day > todayKey) return null;
  if (!luhnValid(date + serial)) return null;
  return kind;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Luhn (mod 10) over all ten digits: weights 2,1,2,1,… from the left, digit sums of the products. */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const product = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}
