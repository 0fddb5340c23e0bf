// The policies as a table: every role × action × subject, with the expected answer.
import { describe, expect, it } from "vitest";
import type { Role, Viewer } from "../domain/roles.ts";
import { can } from "./can.ts";
import type { ActivitySubject } from "./activity.ts";

const WS = "ws-malmo";
const OTHER_WS = "ws-other";
const ASF = "org-asf";
const GRF = "org-grf";

function viewer(role: Role | "system", organisationId: string | null = null, workspaceId = WS): Viewer {
  return {
    userId: `u-${role}`, email: `${role}@x.example`, name: role, systemAdmin: role === "system",
    memberships: role === "system" ? [] : [{ workspaceId, role, organisationId }],
  };
}

const people: Record<string, Viewer | null> = {
  anonymous: null,
  system: viewer("system"),
  admin: viewer("admin"),
  coordinator: viewer("coordinator"),
  steering: viewer("steering"),
  editorAsf: viewer("editor", ASF),
  editorGrf: viewer("editor", GRF),
  approverAsf: viewer("approver", ASF),
  reader: viewer("reader"),
  adminElsewhere: viewer("admin", null, OTHER_WS),
};

const asfActivity = (published: boolean): ActivitySubject => ({
  type: "activity", workspaceId: WS, planPublished: published, actionPlanOrganisationId: ASF, responsibleIds: [ASF],
});
// A city-wide activity in ASF's plan carried out by another organisation (the HR department).
const hrActivity: ActivitySubject = { type: "activity", workspaceId: WS, planPublished: true, actionPlanOrganisationId: ASF, responsibleIds: ["org-hr"] };
const grfActivity: ActivitySubject = { type: "activity", workspaceId: WS, planPublished: true, actionPlanOrganisationId: GRF, responsibleIds: [GRF] };

type Row = [string, (v: Viewer | null) => boolean, string[]];
const table: Row[] = [
  ["read a published plan", (v) => can(v, "read", { type: "plan", workspaceId: WS, published: true }), Object.keys(people)],
  ["read an unpublished plan", (v) => can(v, "read", { type: "plan", workspaceId: WS, published: false }),
    ["system", "admin", "coordinator", "steering", "editorAsf", "editorGrf", "approverAsf", "reader"]],
  ["update the plan", (v) => can(v, "update", { type: "plan", workspaceId: WS, published: true }), ["system", "admin", "coordinator"]],
  ["read an activity of an unpublished plan", (v) => can(v, "read", asfActivity(false)),
    ["system", "admin", "coordinator", "steering", "editorAsf", "editorGrf", "approverAsf", "reader"]],
  ["update ASF's activity", (v) => can(v, "update", asfActivity(true)), ["system", "admin", "coordinator", "editorAsf"]],
  ["update the HR activity in ASF's plan", (v) => can(v, "update", hrActivity), ["system", "admin", "coordinator", "editorAsf"]],
  ["update GRF's activity", (v) => can(v, "update", grfActivity), ["system", "admin", "coordinator", "editorGrf"]],
  ["read an activity's history", (v) => can(v, "readHistory", asfActivity(true)),
    ["system", "admin", "coordinator", "steering", "editorAsf", "editorGrf", "approverAsf", "reader"]],
  ["administer people", (v) => can(v, "administerPeople", { type: "workspace", workspaceId: WS }), ["system", "admin", "coordinator"]],
  ["read the audit log", (v) => can(v, "readAuditLog", { type: "workspace", workspaceId: WS }), ["system", "admin", "coordinator"]],
  ["invite a coordinator", (v) => can(v, "invite", { type: "workspace", workspaceId: WS, role: "coordinator" }), ["system", "admin"]],
  ["shape organisations", (v) => can(v, "shapeOrganisations", { type: "workspace", workspaceId: WS }), ["system", "admin", "coordinator"]],
  ["create a plan", (v) => can(v, "createPlan", { type: "workspace", workspaceId: WS }), ["system", "admin", "coordinator"]],
  ["read an action plan", (v) => can(v, "read", { type: "actionPlan", workspaceId: WS, organisationId: ASF }),
    ["system", "admin", "coordinator", "steering", "editorAsf", "editorGrf", "approverAsf", "reader"]],
  ["update ASF's action plan", (v) => can(v, "update", { type: "actionPlan", workspaceId: WS, organisationId: ASF }), ["system", "admin", "coordinator", "editorAsf"]],
  ["adopt ASF's action plan", (v) => can(v, "adopt", { type: "actionPlan", workspaceId: WS, organisationId: ASF }), ["system", "admin", "coordinator", "editorAsf"]],
  ["update a need ASF identified", (v) => can(v, "update", { type: "need", workspaceId: WS, organisationId: ASF }), ["system", "admin", "coordinator", "editorAsf"]],
  ["create a need (for some organisation)", (v) => can(v, "create", { type: "need", workspaceId: WS, organisationId: null }), ["system", "admin", "coordinator", "editorAsf", "editorGrf"]],
  ["update a coordinator's need", (v) => can(v, "update", { type: "need", workspaceId: WS, organisationId: null }), ["system", "admin", "coordinator"]],
  ["invite an editor", (v) => can(v, "invite", { type: "workspace", workspaceId: WS, role: "editor" }), ["system", "admin", "coordinator"]],
  ["read groups and meetings", (v) => can(v, "read", { type: "year", workspaceId: WS }),
    ["system", "admin", "coordinator", "steering", "editorAsf", "editorGrf", "approverAsf", "reader"]],
  ["plan the year, run groups and minutes", (v) => can(v, "manage", { type: "year", workspaceId: WS }), ["system", "admin", "coordinator"]],
  ["mark the steering member's action item done", (v) => can(v, "completeItem", { type: "year", workspaceId: WS, ownerUserId: "u-steering" }),
    ["system", "admin", "coordinator", "steering"]],
  ["mark an action item without owner done", (v) => can(v, "completeItem", { type: "year", workspaceId: WS, ownerUserId: null }), ["system", "admin", "coordinator"]],
];

describe("policies", () => {
  for (const [what, ask, allowed] of table) {
    it(`${what}: ${allowed.join(", ")}`, () => {
      const answers = Object.fromEntries(Object.entries(people).map(([who, v]) => [who, ask(v)]));
      const expected = Object.fromEntries(Object.keys(people).map((who) => [who, allowed.includes(who)]));
      expect(answers).toEqual(expected);
    });
  }

  it("refuses an action no policy states", () => {
    expect(() => can(null, "delete" as never, asfActivity(true))).toThrow(/no policy for activity.delete/);
  });
});
