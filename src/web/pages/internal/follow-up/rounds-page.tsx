// The plan's follow-up rounds: each with its period, deadline, state and how many organisations are accepted, linking
// to the overview and the public round page; coordinators open a new round from here.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { TableWrap } from "../../../components/table-wrap.tsx";
import { formatDate, type MessageKey } from "../../../i18n/index.ts";
import type { RoundListItem } from "../../../../queries/organisation-report.ts";
import { followUpLinks } from "./overview-links.ts";

export function RoundsPage(props: { ctx: PageContext; crumbs: Crumb[]; ws: string; plan: string; planName: string; rounds: RoundListItem[]; canOpen: boolean }) {
  const { ctx, rounds } = props;
  const title = ctx.t("rounds.title");
  return (
    <Layout ctx={ctx} title={`${title}: ${props.planName}`} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <p>{ctx.t("rounds.intro")}</p>
      {props.canOpen && (
        <p>
          <a class="button" href={`${followUpLinks.rounds(props.ws, props.plan)}/ny`}>
            {ctx.t("rounds.open")}
          </a>
        </p>
      )}
      {rounds.length === 0 ? (
        <p>{ctx.t("rounds.none")}</p>
      ) : (
        <TableWrap labelledBy="rounds-caption">
          <table class="data-table">
            <caption id="rounds-caption">{ctx.t("rounds.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t("rounds.name")}</th>
                <th scope="col">{ctx.t("rounds.period")}</th>
                <th scope="col">{ctx.t("rounds.deadline")}</th>
                <th scope="col">{ctx.t("rounds.state")}</th>
                <th scope="col">{ctx.t("rounds.accepted")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={followUpLinks.overview(props.ws, props.plan, r.slug)}>{r.name}</a>
                  </th>
                  <td>
                    {formatDate(r.periodStart, ctx.locale)} – {formatDate(r.periodEnd, ctx.locale)}
                  </td>
                  <td>{formatDate(r.deadline, ctx.locale)}</td>
                  <td>{ctx.t(`round.state.${r.state}` as MessageKey)}</td>
                  <td>{ctx.t("rounds.acceptedOf", { accepted: r.accepted, count: r.organisations })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}
