// "Historik" for people with an internal role in the workspace; nothing for others (no links to closed pages).
import type { PageContext } from "../context.ts";
import { can } from "../../policies/can.ts";

export function HistoryLink(props: { ctx: PageContext; workspaceId: string; href: string; label?: string }) {
  if (!can(props.ctx.viewer, "readInternal", { type: "workspace", workspaceId: props.workspaceId })) return null;
  return (
    <p class="tools">
      <a href={props.href}>{props.label ?? props.ctx.t("activity.historyLink")}</a>
    </p>
  );
}
