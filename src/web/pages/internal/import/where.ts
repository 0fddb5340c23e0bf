// Where a piece of an imported document stood, in words: "sida 3, rad 12", "rad 40".
import type { PageContext } from "../../../context.ts";
import type { Where } from "../../../../import/recognise/draft.ts";

export function whereText(ctx: PageContext, where: Where): string {
  if (where.page !== undefined && where.line !== undefined) return ctx.t("import.where.pageLine", { page: where.page, line: where.line });
  if (where.page !== undefined) return ctx.t("import.where.page", { page: where.page });
  if (where.line !== undefined) return ctx.t("import.where.line", { line: where.line });
  return ctx.t("import.where.unknown");
}
