// Small helpers for the demo data: a row collector that inserts per table in dependency order,
// typed look-ups that fail loudly on a typo, and builders for activities, reports and revisions.
import type { PgTable } from "drizzle-orm/pg-core";
import { tablesInDependencyOrder } from "../tables.ts";
import type { Db } from "../client.ts";
import {
  actionPlanRevisions, actionPlans, activities, activityOrganisations, activityReports, activityStrategies, activityTerms,
  figures, organisationReports,
} from "../schema/index.ts";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Phase = "planned" | "under_development" | "ongoing" | "completed" | "cancelled";

export const uid = (): string => crypto.randomUUID();

const CHUNK = 200;

/** Collects rows per table; `insertAll` writes them parents first, in batches. */
export class Bag {
  private readonly rows = new Map<PgTable, Record<string, unknown>[]>();

  add<T extends PgTable>(table: T, ...rows: T["$inferInsert"][]): void {
    const list = this.rows.get(table) ?? [];
    list.push(...(rows as Record<string, unknown>[]));
    this.rows.set(table, list);
  }

  async insertAll(tx: Tx): Promise<void> {
    for (const { table } of tablesInDependencyOrder) {
      const rows = this.rows.get(table);
      if (!rows?.length) continue;
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx.insert(table).values(rows.slice(i, i + CHUNK) as never);
      }
    }
  }
}

/** A Map whose `get` throws on a missing key, so a misspelt slug or term fails the seed at once. */
export class Lookup {
  private readonly map = new Map<string, string>();
  constructor(private readonly what: string) {}
  set(key: string, id: string): string {
    if (this.map.has(key)) throw new Error(`demo seed: duplicate ${this.what} "${key}"`);
    this.map.set(key, id);
    return id;
  }
  get(key: string): string {
    const id = this.map.get(key);
    if (!id) throw new Error(`demo seed: unknown ${this.what} "${key}"`);
    return id;
  }
}

/** Ids of a plan's parts, by the keys the demo data uses. */
export interface PlanRefs {
  ws: string;
  planId: string;
  goals: Lookup; // by goal number
  strategies: Lookup; // by "goalNumber|title"
  terms: Lookup; // by "taxonomyKey|termKey"
  statuses: Lookup; // by status key
  orgs: Lookup; // by organisation slug
}

export interface ActivitySpec {
  number: string | null;
  goal: string;
  title: string;
  description?: string;
  phase: Phase;
  childRights: string;
  start?: string;
  end?: string;
  boardNote?: string;
  /** Strategy titles of the activity's goal. */
  strategies?: string[];
  /** Term keys per taxonomy key. */
  terms?: Record<string, string[]>;
  responsible: string[];
  coResponsible?: string[];
  partners?: string[];
}

/** Adds an activity with its strategy, term and organisation links; returns its id. */
export function addActivity(bag: Bag, refs: PlanRefs, actionPlanId: string | null, position: number, a: ActivitySpec): string {
  const id = uid();
  const ws = refs.ws;
  bag.add(activities, {
    id, workspaceId: ws, planId: refs.planId, actionPlanId, goalId: refs.goals.get(a.goal), number: a.number, position,
    title: a.title, description: a.description ?? "", phase: a.phase, childRights: a.childRights,
    plannedStart: a.start ?? null, plannedEnd: a.end ?? null, boardNote: a.boardNote ?? null,
  });
  for (const title of a.strategies ?? []) {
    bag.add(activityStrategies, { workspaceId: ws, activityId: id, strategyId: refs.strategies.get(`${a.goal}|${title}`) });
  }
  for (const [taxonomy, keys] of Object.entries(a.terms ?? {})) {
    for (const key of keys) bag.add(activityTerms, { workspaceId: ws, activityId: id, termId: refs.terms.get(`${taxonomy}|${key}`) });
  }
  const roles: Array<[string, string[] | undefined]> = [
    ["responsible", a.responsible], ["co_responsible", a.coResponsible], ["partner", a.partners],
  ];
  for (const [role, slugs] of roles) {
    (slugs ?? []).forEach((slug, i) =>
      bag.add(activityOrganisations, { workspaceId: ws, activityId: id, organisationId: refs.orgs.get(slug), role, position: i + 1 }),
    );
  }
  return id;
}

export interface ActionPlanSpec {
  organisation: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  introduction: string;
  howMade: string;
  steeringGroup: string;
  state: "draft" | "adopted";
  adoptedOn?: string;
  adoptedBy?: string;
}

/**
 * Adds an action plan and its activities; an adopted plan gets revision 1 with a frozen snapshot.
 * Returns the plan id and the activity ids keyed by number (or by title when unnumbered).
 */
export function addActionPlan(bag: Bag, refs: PlanRefs, p: ActionPlanSpec, list: ActivitySpec[], firstPosition = 1) {
  const id = uid();
  const adopted = p.state === "adopted";
  bag.add(actionPlans, {
    id, workspaceId: refs.ws, planId: refs.planId, organisationId: refs.orgs.get(p.organisation), title: p.title,
    periodStart: p.periodStart, periodEnd: p.periodEnd, introduction: p.introduction, howMade: p.howMade,
    steeringGroup: p.steeringGroup, state: p.state, adoptedOn: p.adoptedOn ?? null, adoptedBy: p.adoptedBy ?? null,
    revision: adopted ? 1 : 0,
  });
  const activityIds = new Lookup("activity");
  list.forEach((a, i) => activityIds.set(a.number ?? a.title, addActivity(bag, refs, id, firstPosition + i, a)));
  if (adopted) {
    bag.add(actionPlanRevisions, {
      workspaceId: refs.ws, actionPlanId: id, number: 1,
      frozenAt: new Date(`${p.adoptedOn ?? p.periodStart}T12:00:00Z`),
      snapshot: {
        actionPlan: {
          title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, introduction: p.introduction,
          howMade: p.howMade, steeringGroup: p.steeringGroup, state: p.state, adoptedOn: p.adoptedOn, adoptedBy: p.adoptedBy,
        },
        activities: list.map((a) => ({ number: a.number, title: a.title, description: a.description ?? "" })),
      },
    });
  }
  return { id, activityIds };
}

export interface FigureSpec {
  name: string;
  value: number | null;
  unit: string;
  qualifier?: "exact" | "about" | "at_least" | "at_most";
  qualifierText?: string;
  asOf?: string;
  baseline?: number;
  target?: number;
  year?: number;
}

export interface ActivityReportSpec {
  activity: string; // key in the action plan's activity look-up
  status: string;
  narrative: string;
  nextSteps: string;
  statusComment?: string;
  figures?: FigureSpec[];
}

export interface OrganisationReportSpec {
  organisation: string;
  state: "draft" | "submitted" | "approved" | "accepted";
  introduction: string;
  howMade: string;
  summary: string;
  anchoredIn?: string;
  anchoredOn?: string;
  submittedAt?: Date;
  acceptedAt?: Date;
}

/** Adds an organisation's report for a round and one activity report per listed activity, with figures. */
export function addOrganisationReport(
  bag: Bag, refs: PlanRefs, roundId: string, activityIds: Lookup, r: OrganisationReportSpec, reports: ActivityReportSpec[],
): string {
  const id = uid();
  const ws = refs.ws;
  const organisationId = refs.orgs.get(r.organisation);
  bag.add(organisationReports, {
    id, workspaceId: ws, roundId, organisationId, introduction: r.introduction, howMade: r.howMade, summary: r.summary,
    state: r.state, anchoredIn: r.anchoredIn ?? null, anchoredOn: r.anchoredOn ?? null,
    submittedAt: r.submittedAt ?? null, acceptedAt: r.acceptedAt ?? null,
  });
  for (const ar of reports) {
    const reportId = uid();
    bag.add(activityReports, {
      id: reportId, workspaceId: ws, roundId, activityId: activityIds.get(ar.activity), organisationId,
      organisationReportId: id, statusId: refs.statuses.get(ar.status), narrative: ar.narrative, nextSteps: ar.nextSteps,
      statusComment: ar.statusComment ?? "",
    });
    (ar.figures ?? []).forEach((f, i) =>
      bag.add(figures, {
        workspaceId: ws, activityReportId: reportId, position: i + 1, name: f.name, value: f.value, unit: f.unit,
        qualifier: f.qualifier ?? "exact", qualifierText: f.qualifierText ?? null, asOf: f.asOf ?? null,
        baseline: f.baseline ?? null, target: f.target ?? null, year: f.year ?? null,
      }),
    );
  }
  return id;
}
