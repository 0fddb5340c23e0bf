// Frozen action plans as the revision pages read them: a snapshot made by any version of the software (the demo's first
// revisions hold only number, title and description per activity) read into one shape, and two snapshots compared.
import type { ActionPlanSnapshot, SnapshotActivity } from "../../../../commands/support/action-plan-revision.ts";

export type SnapshotPlan = ActionPlanSnapshot["actionPlan"];

const text = (v: unknown): string => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
const optionalText = (v: unknown): string | undefined => (v === undefined ? undefined : v === null ? "" : text(v));
const optionalList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(text) : undefined);

/** Reads a stored snapshot defensively: missing parts become empty, fields an older snapshot lacks stay undefined. */
export function readSnapshot(raw: unknown): ActionPlanSnapshot {
  const r = (raw ?? {}) as { actionPlan?: Record<string, unknown>; activities?: unknown };
  const p = r.actionPlan ?? {};
  const activities = Array.isArray(r.activities) ? (r.activities as Array<Record<string, unknown>>) : [];
  return {
    actionPlan: {
      title: text(p.title), periodStart: text(p.periodStart), periodEnd: text(p.periodEnd), introduction: text(p.introduction),
      howMade: text(p.howMade), steeringGroup: text(p.steeringGroup), state: text(p.state) || "draft",
      adoptedOn: p.adoptedOn ? text(p.adoptedOn) : null, adoptedBy: p.adoptedBy ? text(p.adoptedBy) : null,
    },
    activities: activities.map((a) => {
      const out: SnapshotActivity = { number: a.number ? text(a.number) : null, title: text(a.title), description: text(a.description) };
      for (const key of ["goal", "phase", "childRights", "plannedStart", "plannedEnd"] as const) {
        const v = optionalText(a[key]);
        if (v !== undefined) out[key] = v;
      }
      for (const key of ["responsible", "coResponsible", "partners", "strategies", "terms"] as const) {
        const v = optionalList(a[key]);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }),
  };
}

export const PLAN_FIELDS = ["title", "state", "adoptedOn", "adoptedBy", "periodStart", "periodEnd", "introduction", "howMade", "steeringGroup"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export const ACTIVITY_FIELDS = [
  "title", "description", "goal", "phase", "plannedStart", "plannedEnd", "responsible", "coResponsible", "partners", "strategies", "terms", "childRights",
] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

export interface FieldChange<F extends string> {
  field: F;
  before: string;
  after: string;
}

export interface SnapshotComparison {
  plan: FieldChange<PlanField>[];
  added: SnapshotActivity[];
  removed: SnapshotActivity[];
  changed: Array<{ activity: SnapshotActivity; changes: FieldChange<ActivityField>[] }>;
}

/** How an activity is recognised across revisions: its number, or its title where it has none. */
const keyOf = (a: SnapshotActivity) => (a.number ? `#${a.number}` : `title:${a.title}`);
const shown = (v: string | string[] | null | undefined) => (Array.isArray(v) ? v.join(", ") : (v ?? ""));

/**
 * What changed from one revision to another. An activity field is compared only where both revisions recorded it,
 * so an early snapshot without phases does not show every phase as new.
 */
export function compareSnapshots(from: ActionPlanSnapshot, to: ActionPlanSnapshot): SnapshotComparison {
  const plan = PLAN_FIELDS.map((field) => ({ field, before: shown(from.actionPlan[field]), after: shown(to.actionPlan[field]) })).filter((c) => c.before !== c.after);
  const before = new Map(from.activities.map((a) => [keyOf(a), a]));
  const after = new Map(to.activities.map((a) => [keyOf(a), a]));
  const added = to.activities.filter((a) => !before.has(keyOf(a)));
  const removed = from.activities.filter((a) => !after.has(keyOf(a)));
  const changed: SnapshotComparison["changed"] = [];
  for (const a of to.activities) {
    const old = before.get(keyOf(a));
    if (!old) continue;
    const changes = ACTIVITY_FIELDS.filter((f) => old[f] !== undefined && a[f] !== undefined)
      .map((field) => ({ field, before: shown(old[field]), after: shown(a[field]) }))
      .filter((c) => c.before !== c.after);
    if (changes.length > 0) changed.push({ activity: a, changes });
  }
  return { plan, added, removed, changed };
}
