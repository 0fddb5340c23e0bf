// Creates a group (styrgrupp, samordningsgrupp, nätverk or one of the workspace's own) or changes its name, kind and
// description: every problem at once, optimistic concurrency, one audit event. A new group gets its address from
// its name and a secret calendar-feed token.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { keyFromName, uniqueKey } from "../domain/derived-key.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";

export const GROUP_KINDS = ["steering", "coordination", "network", "other"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface GroupFields {
  name: string;
  kind: string;
  description: string;
}

/** 32 random bytes as URL-safe text: the secret part of a calendar feed's address. */
export function newCalendarToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function saveGroup(
  db: Db,
  viewer: Viewer | null,
  input: GroupFields & { workspaceId: string; groupId?: string; version?: number; confirmedPersonalData: boolean },
): Promise<{ id: string; slug: string }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (!can(viewer, "manage", { type: "year", workspaceId: input.workspaceId })) throw new Forbidden();
    const problems = checkTexts(
      [
        { field: "name", value: input.name, max: 200, required: true },
        { field: "description", value: input.description, max: 5000 },
      ],
      input.confirmedPersonalData,
    );
    if (!(GROUP_KINDS as readonly string[]).includes(input.kind)) problems.kind = { key: "form.unknownChoice" };
    const name = input.name.trim();
    if (!problems.name && !keyFromName(name)) problems.name = { key: "group.form.nameNeedsLetters" };
    const others = await t.select({ id: s.groups.id, name: s.groups.name, slug: s.groups.slug }).from(s.groups).where(eq(s.groups.workspaceId, input.workspaceId));
    if (!problems.name && others.some((g) => g.id !== input.groupId && g.name.toLowerCase() === name.toLowerCase())) problems.name = { key: "group.form.nameTaken" };
    const after = { name, kind: input.kind, description: input.description.trim() };

    if (input.groupId) {
      await lockVersion(t, "group", input.groupId);
      const [group] = await t.select().from(s.groups).where(and(eq(s.groups.id, input.groupId), eq(s.groups.workspaceId, input.workspaceId)));
      if (!group) throw new NotFound("group");
      throwIfProblems(problems);
      checkVersion<GroupFields>(group.version, input.version ?? 0, () => ({ name: group.name, kind: group.kind, description: group.description }));
      const changes = changesBetween<GroupFields>(group, after, ["name", "kind", "description"]);
      if (changes.length === 0) return { id: group.id, slug: group.slug };
      await t.update(s.groups).set({ ...after, version: group.version + 1, updatedAt: new Date() }).where(eq(s.groups.id, group.id));
      await bumpContentVersion(t, input.workspaceId);
      await recordAudit(t, { workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "group.updated", subjectType: "group", subjectId: group.id, changes });
      return { id: group.id, slug: group.slug };
    }
    throwIfProblems(problems);
    const slug = uniqueKey(keyFromName(name), new Set(others.map((g) => g.slug)));
    const [row] = await t
      .insert(s.groups)
      .values({ workspaceId: input.workspaceId, slug, ...after, calendarToken: newCalendarToken() })
      .returning({ id: s.groups.id });
    await bumpContentVersion(t, input.workspaceId);
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "group.created", subjectType: "group", subjectId: row!.id,
      changes: changesBetween<GroupFields>({ name: "", kind: "", description: "" }, after, ["name", "kind", "description"]),
    });
    return { id: row!.id, slug };
  });
}
