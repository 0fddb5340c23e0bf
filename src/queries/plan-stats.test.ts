import { describe, expect, it } from "vitest";
import type { ActivityView, Need, Organisation, PlanGraph, Taxonomy, Term } from "./plan-graph.ts";
import { boardFilterFrom, filterTaxonomies, goalBoard, isDraftActivity } from "./plan-stats.ts";

const taxonomy = (id: string, key: string) => ({ id, key, name: key, nameEn: null }) as Taxonomy;
const term = (id: string, taxonomyId: string, key: string) => ({ id, taxonomyId, key, name: key, nameEn: null }) as Term;
const org = (id: string, slug: string) => ({ id, slug, name: slug.toUpperCase(), archivedAt: null }) as Organisation;
const activity = (id: string, phase: string, extra: Partial<ActivityView> = {}) =>
  ({ id, goalId: "g1", phase, actionPlanId: null, responsibleIds: [], coResponsibleIds: [], partnerIds: [], termIds: [], ...extra }) as ActivityView;

function graph(): PlanGraph {
  return {
    plan: { boardSplitTaxonomyId: "tx-split" },
    taxonomies: [taxonomy("tx-split", "audience"), taxonomy("tx-kind", "activity_kind"), taxonomy("tx-target", "target_group"), taxonomy("tx-level", "prevention_level")],
    terms: [term("t-staff", "tx-split", "for_staff"), term("t-kids", "tx-target", "barn"), term("t-young", "tx-target", "unga"), term("t-sel", "tx-level", "selektiv"), term("t-city", "tx-kind", "stad")],
    organisations: [org("o-asf", "asf"), org("o-grf", "grf")],
    actionPlans: [{ id: "ap-draft", state: "draft" }, { id: "ap-adopted", state: "adopted" }],
    activities: [
      activity("a-planned", "planned", { responsibleIds: ["o-asf"], termIds: ["t-kids"] }),
      activity("a-dev", "under_development", { responsibleIds: ["o-grf"], coResponsibleIds: ["o-asf"], termIds: ["t-staff", "t-sel"] }),
      activity("a-ongoing", "ongoing", { responsibleIds: ["o-grf"], termIds: ["t-kids", "t-sel"] }),
      activity("a-done", "completed", { responsibleIds: ["o-asf"], termIds: ["t-kids"] }),
      activity("a-cancelled", "cancelled", { responsibleIds: ["o-asf"], termIds: ["t-kids"] }),
    ],
    needs: [{ id: "n-open", goalId: "g1", organisationId: "o-grf", becameActivityId: null }, { id: "n-done", goalId: "g1", organisationId: null, becameActivityId: "a-ongoing" }] as Need[],
    needTermIds: new Map([["n-open", ["t-kids"]]]),
  } as unknown as PlanGraph;
}

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).sort();

describe("goalBoard", () => {
  it("sorts activities into columns by phase, split rows by the split taxonomy, completed folded, cancelled gone", () => {
    const board = goalBoard(graph(), "g1");
    const staff = board.rows.find((r) => r.term?.key === "for_staff")!;
    const other = board.rows.find((r) => r.term === null)!;
    expect(ids(staff.underDevelopment)).toEqual(["a-dev"]);
    expect(ids(other.underDevelopment)).toEqual(["a-planned"]);
    expect(ids(other.ongoing)).toEqual(["a-ongoing"]);
    expect(ids(other.needs)).toEqual(["n-open"]);
    expect(ids(board.completed)).toEqual(["a-done"]);
    expect([...board.rows.flatMap((r) => [...r.ongoing, ...r.underDevelopment]), ...board.completed].map((a) => a.id)).not.toContain("a-cancelled");
    expect(board.activityCount).toBe(4);
    expect(board.needCount).toBe(1);
  });

  it("filters by organisation (responsible or co-responsible) and by terms, all of which must match", () => {
    const g = graph();
    const byAsf = goalBoard(g, "g1", { organisationId: "o-asf", termIds: [] });
    expect(byAsf.activityCount).toBe(3); // planned, dev (co-responsible), done
    expect(byAsf.needCount).toBe(0);
    const both = goalBoard(g, "g1", { organisationId: null, termIds: ["t-kids", "t-sel"] });
    expect(both.rows.flatMap((r) => r.ongoing).map((a) => a.id)).toEqual(["a-ongoing"]);
    expect(both.activityCount).toBe(1);
    expect(both.needCount).toBe(0);
  });
});

describe("boardFilterFrom", () => {
  it("reads organisation and taxonomy filters by key, in the form's order", () => {
    const parsed = boardFilterFrom(graph(), { target_group: "barn", organisation: "grf", prevention_level: "selektiv" });
    expect(parsed.filter).toEqual({ organisationId: "o-grf", termIds: ["t-kids", "t-sel"] });
    expect(parsed.active.map((f) => f.param)).toEqual(["organisation", "target_group", "prevention_level"]);
    expect(parsed.ignored).toEqual([]);
  });

  it("ignores unknown names, unknown and malformed values, repeated filters and the split and kind taxonomies, and says so", () => {
    const parsed = boardFilterFrom(graph(), {
      organisation: "nope", target_group: "<script>", prevention_level: ["selektiv", "x"], audience: "for_staff", activity_kind: "stad", utm: "x", focus_area: "",
    });
    expect(parsed.filter).toEqual({ organisationId: null, termIds: [] });
    expect(parsed.ignored).toEqual([
      { param: "organisation", value: "nope" },
      { param: "target_group", value: "<script>" },
      { param: "prevention_level", value: "selektiv, x" },
      { param: "audience", value: "for_staff" },
      { param: "activity_kind", value: "stad" },
      { param: "utm", value: "x" },
    ]);
  });

  it("offers every taxonomy except the split one and the kind", () => {
    expect(filterTaxonomies(graph()).map((t) => t.key)).toEqual(["target_group", "prevention_level"]);
  });
});

describe("isDraftActivity", () => {
  it("is true only for activities of an action plan in draft", () => {
    const g = graph();
    expect(isDraftActivity(g, { actionPlanId: "ap-draft" })).toBe(true);
    expect(isDraftActivity(g, { actionPlanId: "ap-adopted" })).toBe(false);
    expect(isDraftActivity(g, { actionPlanId: null })).toBe(false);
  });
});
