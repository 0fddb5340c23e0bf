// Loading a group for its routes (everyone with a role reads; coordinators manage) and the choices its forms offer.
import type { FastifyRequest } from "fastify";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import * as s from "../../../db/schema/index.ts";
import { Forbidden, NotFound } from "../../../domain/errors.ts";
import { can } from "../../../policies/can.ts";
import { findGroup, peopleOfWorkspace } from "../../../queries/groups.ts";
import type { Option } from "../../components/form.tsx";
import { loadWorkspaceInternal } from "../internal/load.ts";

export async function loadGroup(db: Db, request: FastifyRequest, wsSlug: string, groupSlug: string, manage: boolean) {
  const { viewer, workspace } = await loadWorkspaceInternal(db, request, wsSlug);
  if (!can(viewer, "read", { type: "year", workspaceId: workspace.id })) throw new Forbidden();
  const mayManage = can(viewer, "manage", { type: "year", workspaceId: workspace.id });
  if (manage && !mayManage) throw new Forbidden();
  const group = await findGroup(db, workspace.id, groupSlug);
  if (!group) throw new NotFound("group");
  return { viewer, workspace, group, mayManage };
}

export async function personOptions(db: Db, workspaceId: string): Promise<Option[]> {
  return (await peopleOfWorkspace(db, workspaceId)).map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }));
}

export async function organisationOptions(db: Db, workspaceId: string): Promise<Option[]> {
  const rows = await db
    .select({ id: s.organisations.id, name: s.organisations.name })
    .from(s.organisations)
    .where(and(eq(s.organisations.workspaceId, workspaceId), isNull(s.organisations.archivedAt)))
    .orderBy(asc(s.organisations.name));
  return rows.map((o) => ({ value: o.id, label: o.name }));
}
