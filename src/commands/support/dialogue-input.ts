// The checks a dialogue meeting's form goes through (create, update): texts with the personal-data guard, a real
// date, one or more organisations of the workspace that are not external partners (an archived one only when the
// meeting already had it); and the meeting as names for the audit.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { checkTexts, isIsoDate, type Problems } from "./checks.ts";

export const DIALOGUE_LIMITS = { title: 300, participants: 2000, notes: 20000, area: 500 } as const;

export interface DialogueMeetingFields {
  title: string;
  /** yyyy-mm-dd */
  heldOn: string;
  organisationIds: string[];
  /** Participants by role, never names of clients: "Avdelningschef, förvaltningens representant". */
  participants: string;
  notes: string;
}

export interface ResolvedMeeting extends DialogueMeetingFields {
  /** Names of the chosen organisations, by name, for the audit. */
  organisationNames: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function meetingProblems(
  t: Db,
  workspaceId: string,
  input: DialogueMeetingFields,
  confirmedPersonalData: boolean,
  currentOrganisationIds: readonly string[],
): Promise<{ problems: Problems; resolved: ResolvedMeeting }> {
  const problems = checkTexts(
    [
      { field: "title", value: input.title, max: DIALOGUE_LIMITS.title, required: true, requiredKey: "dialogue.form.titleMissing" },
      { field: "participants", value: input.participants, max: DIALOGUE_LIMITS.participants },
      { field: "notes", value: input.notes, max: DIALOGUE_LIMITS.notes },
    ],
    confirmedPersonalData,
  );

  const heldOn = input.heldOn.trim();
  if (!heldOn) problems.heldOn = { key: "form.dateRequired" };
  else if (!isIsoDate(heldOn) || heldOn < "1900-01-01" || heldOn > "2199-12-31") problems.heldOn = { key: "form.dateInvalid" };

  const wanted = [...new Set(input.organisationIds.filter((id) => id !== ""))];
  let names: string[] = [];
  if (wanted.length === 0) problems.organisationIds = { key: "dialogue.form.organisationsRequired" };
  else if (wanted.some((id) => !UUID.test(id))) problems.organisationIds = { key: "form.unknownChoice" };
  else {
    const found = await t
      .select({ id: s.organisations.id, name: s.organisations.name, type: s.organisations.type, archivedAt: s.organisations.archivedAt })
      .from(s.organisations)
      .where(and(eq(s.organisations.workspaceId, workspaceId), inArray(s.organisations.id, wanted)));
    const allowed = found.filter((o) => o.type !== "external" && (!o.archivedAt || currentOrganisationIds.includes(o.id)));
    if (allowed.length !== wanted.length) problems.organisationIds = { key: "form.unknownChoice" };
    names = allowed.map((o) => o.name).sort((a, b) => a.localeCompare(b, "sv"));
  }

  return {
    problems,
    resolved: {
      title: input.title.trim(), heldOn, organisationIds: wanted, participants: input.participants.trim(), notes: input.notes,
      organisationNames: names,
    },
  };
}

export const AUDITED_MEETING_FIELDS = ["title", "heldOn", "organisations", "participants", "notes"] as const;

export function meetingAuditView(m: { title: string; heldOn: string; participants: string; notes: string }, organisationNames: readonly string[]) {
  return { title: m.title, heldOn: m.heldOn, organisations: organisationNames.join(", "), participants: m.participants || null, notes: m.notes || null };
}

/** A development area is one line: a short statement of what to develop. */
export function areaText(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
