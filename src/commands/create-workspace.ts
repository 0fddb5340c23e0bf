// Creates a workspace (one municipality): name, address and default language. Only a system administrator may;
// the address is unique across the installation and checked inside the transaction that writes it.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { workspaces, wheelCategories } from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { keyFromName } from "../domain/derived-key.ts";
import { recordAudit } from "./audit.ts";
import { defaultCategoryRows } from "../wheel/default-categories.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { isUniqueViolation, RESERVED_WORKSPACE_SLUGS, slugProblem } from "./support/plan-structure.ts";
import { bumpContentVersion } from "./support/rows.ts";

export interface CreateWorkspaceInput {
  name: string;
  /** Empty: made from the name. */
  slug: string;
  defaultLocale: string;
  confirmedPersonalData: boolean;
}

export const WORKSPACE_LIMITS = { name: 200, slug: 60 } as const;

export async function createWorkspace(db: Db, viewer: Viewer | null, input: CreateWorkspaceInput): Promise<{ id: string; slug: string }> {
  if (!viewer) throw new LoginRequired();
  if (!viewer.systemAdmin) throw new Forbidden();
  const problems = checkTexts([{ field: "name", value: input.name, max: WORKSPACE_LIMITS.name, required: true, requiredKey: "form.nameRequired" }], input.confirmedPersonalData);
  const slug = input.slug.trim() || keyFromName(input.name, WORKSPACE_LIMITS.slug);
  const slugIssue = slugProblem(slug, WORKSPACE_LIMITS.slug, RESERVED_WORKSPACE_SLUGS);
  // An empty name already has its problem; the address made from it is not a second one.
  if (slugIssue && !(problems.name && !input.slug.trim())) problems.slug = slugIssue;
  if (input.defaultLocale !== "sv" && input.defaultLocale !== "en") problems.defaultLocale = { key: "form.unknownChoice" };

  const taken = () => new Invalid({ slug: { key: "ps.workspace.slugTaken", params: { slug } } });
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      if (!problems.slug) {
        const [existing] = await t.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
        if (existing) problems.slug = { key: "ps.workspace.slugTaken", params: { slug } };
      }
      // Every problem at once, the address's uniqueness included.
      throwIfProblems(problems);
      const name = input.name.trim();
      const [row] = await t.insert(workspaces).values({ slug, name, defaultLocale: input.defaultLocale }).returning({ id: workspaces.id });
      const id = row!.id;
      await t.insert(wheelCategories).values(defaultCategoryRows(id));
      await bumpContentVersion(t, id);
      await recordAudit(t, {
        workspaceId: id, actorUserId: viewer.userId, via: "web", action: "workspace.created", subjectType: "workspace", subjectId: id,
        changes: [
          { field: "name", before: null, after: name },
          { field: "slug", before: null, after: slug },
          { field: "defaultLocale", before: null, after: input.defaultLocale },
        ],
      });
      return { id, slug };
    });
  } catch (error) {
    // Two people taking the same address at once: the unique index decides, and the loser hears the same as above.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
