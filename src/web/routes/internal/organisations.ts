// Managing a workspace's organisations: the tree, adding, editing (and moving under another parent), moving among
// siblings, archiving and restoring. Administrators and coordinators only; others with a role get 403.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { confirmPersonalData, formText, formVersion, slugSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import type { FieldErrors } from "../../components/form.tsx";
import { ManageOrganisationsPage } from "../../pages/internal/organisations/manage-page.tsx";
import { OrganisationFormPage, type OrganisationFormValues } from "../../pages/internal/organisations/form-page.tsx";
import { organisationLinks } from "../../pages/internal/organisations/links.ts";
import type { Db } from "../../../db/client.ts";
import { organisations } from "../../../db/schema/index.ts";
import { Forbidden, NotFound, type Conflict } from "../../../domain/errors.ts";
import { can } from "../../../policies/can.ts";
import type { Organisation, Workspace } from "../../../queries/plan-graph.ts";
import { createOrganisation } from "../../../commands/create-organisation.ts";
import { updateOrganisation, type SavedOrganisation } from "../../../commands/update-organisation.ts";
import { moveOrganisation } from "../../../commands/move-organisation.ts";
import { archiveOrganisation } from "../../../commands/archive-organisation.ts";
import { loadWorkspaceInternal, parseParams } from "./load.ts";

const wsParams = z.object({ ws: slugSchema });
const orgParams = wsParams.extend({ org: slugSchema });
const organisationForm = z.object({
  version: formVersion,
  name: formText,
  shortName: formText,
  type: formText,
  parentId: formText,
  servedById: formText,
  contactRole: formText,
  confirmPersonalData,
  tillbaka: formText,
});
const buttonForm = z.object({ direction: formText, tillbaka: formText });
const backQuery = z.object({ tillbaka: formText }).catch({ tillbaka: "" });

const valuesOf = (o: Organisation): OrganisationFormValues => ({
  name: o.name, shortName: o.shortName ?? "", type: o.type, parentId: o.parentId ?? "", servedById: o.servedById ?? "", contactRole: o.contactRole ?? "",
});

export function registerOrganisationRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function loadForShaping(request: FastifyRequest, wsSlug: string) {
    const { viewer, workspace } = await loadWorkspaceInternal(db(), request, wsSlug);
    if (!can(viewer, "shapeOrganisations", { type: "workspace", workspaceId: workspace.id })) throw new Forbidden();
    const all = await db().select().from(organisations).where(eq(organisations.workspaceId, workspace.id));
    return { viewer, workspace, all };
  }

  async function organisationBySlug(d: Db, workspace: Workspace, slug: string) {
    const [row] = await d.select().from(organisations).where(and(eq(organisations.workspaceId, workspace.id), eq(organisations.slug, slug)));
    if (!row) throw new NotFound("organisation");
    return row;
  }

  const managePage = (ctx: PageContext, workspace: Workspace, all: Organisation[], errors: FieldErrors) =>
    h(ManageOrganisationsPage, { ctx, workspace, organisations: all, errors });

  app.get("/:ws/organisationer/hantera", async (request, reply) => {
    const { ws } = parseParams(wsParams, request.params);
    const { workspace, all } = await loadForShaping(request, ws);
    return sendPage(reply, managePage(pageContext(request, reply), workspace, all, {}));
  });

  app.get("/:ws/organisationer/hantera/ny", async (request, reply) => {
    const { ws } = parseParams(wsParams, request.params);
    const { workspace, all } = await loadForShaping(request, ws);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(backQuery.parse(request.query ?? {}).tillbaka, organisationLinks.manage(workspace.slug));
    const values: OrganisationFormValues = { name: "", shortName: "", type: "", parentId: "", servedById: "", contactRole: "" };
    return sendPage(reply, h(OrganisationFormPage, {
      ctx, workspace, organisations: all, action: organisationLinks.create(workspace.slug), back, version: 0, values, errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/organisationer/hantera/ny", async (request, reply) => {
    const { ws } = parseParams(wsParams, request.params);
    const { viewer, workspace, all } = await loadForShaping(request, ws);
    const form = organisationForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.tillbaka, organisationLinks.manage(workspace.slug));
    const values: OrganisationFormValues = {
      name: form.name, shortName: form.shortName, type: form.type, parentId: form.parentId, servedById: form.servedById, contactRole: form.contactRole,
    };
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createOrganisation(db(), viewer, workspace.id, { ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: ({ errors, askConfirm }) => h(OrganisationFormPage, {
        ctx, workspace, organisations: all, action: organisationLinks.create(workspace.slug), back, version: 0, values, errors, askConfirm,
      }),
      after: () => state.cache.invalidate(),
    });
  });

  app.get("/:ws/organisationer/:org/andra", async (request, reply) => {
    const p = parseParams(orgParams, request.params);
    const { workspace, all } = await loadForShaping(request, p.ws);
    const organisation = await organisationBySlug(db(), workspace, p.org);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(backQuery.parse(request.query ?? {}).tillbaka, organisationLinks.manage(workspace.slug));
    return sendPage(reply, h(OrganisationFormPage, {
      ctx, workspace, organisations: all, organisation, action: organisationLinks.edit(workspace.slug, organisation.slug), back,
      version: organisation.version, values: valuesOf(organisation), errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/organisationer/:org/andra", async (request, reply) => {
    const p = parseParams(orgParams, request.params);
    const { viewer, workspace, all } = await loadForShaping(request, p.ws);
    const organisation = await organisationBySlug(db(), workspace, p.org);
    const form = organisationForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.tillbaka, organisationLinks.manage(workspace.slug));
    const values: OrganisationFormValues = {
      name: form.name, shortName: form.shortName, type: form.type, parentId: form.parentId, servedById: form.servedById, contactRole: form.contactRole,
    };
    const page = (extra: { errors: FieldErrors; askConfirm: boolean; version: number; theirs?: SavedOrganisation }) =>
      h(OrganisationFormPage, {
        ctx, workspace, organisations: all, organisation, action: organisationLinks.edit(workspace.slug, organisation.slug), back, values, ...extra,
      });
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updateOrganisation(db(), viewer, workspace.id, {
        organisationId: organisation.id, version: form.version, ...values, confirmedPersonalData: form.confirmPersonalData,
      }),
      redirect: () => back,
      invalid: ({ errors, askConfirm }) => page({ errors, askConfirm, version: form.version }),
      conflict: (conflict: Conflict<unknown>, { errors }) =>
        page({ errors, askConfirm: false, version: conflict.currentVersion, theirs: conflict.current as SavedOrganisation }),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/organisationer/:org/flytta", async (request, reply) => {
    const p = parseParams(orgParams, request.params);
    const { viewer, workspace, all } = await loadForShaping(request, p.ws);
    const organisation = await organisationBySlug(db(), workspace, p.org);
    const form = buttonForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    return submitForm({
      ctx, reply, flash: "form.moved",
      run: () => moveOrganisation(db(), viewer, workspace.id, { organisationId: organisation.id, direction: form.direction }),
      redirect: () => `${safeReturnPath(form.tillbaka, organisationLinks.manage(workspace.slug))}#org-${organisation.id}`,
      // The only bad input is a direction other than up or down: say so at the row.
      invalid: () => managePage(ctx, workspace, all, { [`org-${organisation.id}`]: ctx.t("orgManage.directionInvalid", { name: organisation.name }) }),
      after: () => state.cache.invalidate(),
    });
  });

  for (const [path, archived] of [["arkivera", true], ["aterstall", false]] as const) {
    app.post(`/:ws/organisationer/:org/${path}`, async (request, reply) => {
      const p = parseParams(orgParams, request.params);
      const { viewer, workspace, all } = await loadForShaping(request, p.ws);
      const organisation = await organisationBySlug(db(), workspace, p.org);
      const form = buttonForm.parse(request.body ?? {});
      const ctx = pageContext(request, reply);
      return submitForm({
        ctx, reply, flash: archived ? "form.archived" : "form.restored",
        run: () => archiveOrganisation(db(), viewer, workspace.id, { organisationId: organisation.id, archived }),
        redirect: () => safeReturnPath(form.tillbaka, organisationLinks.manage(workspace.slug)),
        invalid: ({ errors }) => managePage(ctx, workspace, all, errors),
        after: () => state.cache.invalidate(),
      });
    });
  }
}
