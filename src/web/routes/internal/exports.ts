// CSV and Excel exports of activities, reports, figures and organisations (helper E).
//   GET /:ws/planer/:plan/export/aktiviteter.csv | rapporter.csv | siffror.csv | organisationer.csv | samverka.xlsx
// Query: the goal board's filter (`organisation=<slug>`, `<taxonomy key>=<term key>`, several terms allowed; what is
// not understood is ignored, as on the board), `avgransare=semikolon` for `;` between fields (Excel set to Swedish),
// `lang=en` for English headers. Anyone who can read the plan's pages may export what they show: the public (a
// published plan) accepted reports and adopted action plans only; people with a role in the workspace everything,
// with each report's state and whether it is accepted in columns.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { slugSchema } from "../../forms/form-schemas.ts";
import { localeOf } from "../../context.ts";
import type { Locale } from "../../i18n/index.ts";
import { boardFilterFrom } from "../../../queries/plan-stats.ts";
import { exportTables, type ExportKind } from "../../../reports/export/rows.ts";
import { tableCsv, type CsvDelimiter } from "../../../reports/export/csv.ts";
import { workbookOf } from "../../../reports/export/xlsx.ts";
import { planForViewer } from "../public/page-response.ts";
import { parseParams } from "./load.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });

/** Query parameters of the exports themselves; everything else is the board filter. */
const OWN_PARAMS = new Set(["avgransare", "lang"]);
const exportQuery = z.object({
  avgransare: z.enum(["komma", "semikolon"]).optional().catch(undefined),
  lang: z.enum(["sv", "en"]).optional().catch(undefined),
});

export const CSV_TYPE = "text/csv; charset=utf-8";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The language of a file: `?lang=sv|en`, else the visitor's language. */
export function fileLocale(request: FastifyRequest): Locale {
  return exportQuery.parse(request.query ?? {}).lang ?? localeOf(request);
}

export function csvDelimiter(request: FastifyRequest): CsvDelimiter {
  return exportQuery.parse(request.query ?? {}).avgransare === "semikolon" ? ";" : ",";
}

/** Sends a file to be saved, never cached (what it holds depends on who asks). */
export function sendFile(reply: FastifyReply, body: string | Uint8Array, type: string, filename: string) {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return reply
    .type(type)
    .header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header("cache-control", "private, no-store")
    .header("x-content-type-options", "nosniff")
    .send(typeof body === "string" ? body : Buffer.from(body));
}

const CSV_FILES: Record<string, ExportKind> = {
  "aktiviteter.csv": "activities",
  "rapporter.csv": "reports",
  "siffror.csv": "figures",
  "organisationer.csv": "organisations",
};

export const exportLinks = {
  csv: (ws: string, plan: string, file: keyof typeof CSV_FILES & string) => `/${ws}/planer/${plan}/export/${file}`,
  xlsx: (ws: string, plan: string) => `/${ws}/planer/${plan}/export/samverka.xlsx`,
};

export function registerExportRoutes(app: FastifyInstance, state: AppState) {
  /** The tables this visitor may see, after the board filter in the query string. */
  async function tablesFor(request: FastifyRequest) {
    const p = parseParams(planParams, request.params);
    const viewed = await planForViewer(state, request.viewer ?? null, p.ws, p.plan);
    const query = request.query && typeof request.query === "object" ? (request.query as Record<string, unknown>) : {};
    const filterQuery = Object.fromEntries(Object.entries(query).filter(([key]) => !OWN_PARAMS.has(key)));
    const { filter } = boardFilterFrom(viewed.graph, filterQuery);
    const locale = fileLocale(request);
    return { viewed, tables: exportTables(viewed.graph, { locale, filter }) };
  }

  for (const [file, kind] of Object.entries(CSV_FILES)) {
    app.get(`/:ws/planer/:plan/export/${file}`, async (request, reply) => {
      const { viewed, tables } = await tablesFor(request);
      const table = tables[kind];
      return sendFile(reply, tableCsv(table, csvDelimiter(request)), CSV_TYPE, `${viewed.plan.slug}-${table.fileName}.csv`);
    });
  }

  app.get("/:ws/planer/:plan/export/samverka.xlsx", async (request, reply) => {
    const { viewed, tables } = await tablesFor(request);
    const body = await workbookOf([tables.activities, tables.reports, tables.figures, tables.organisations], { title: viewed.plan.name });
    return sendFile(reply, body, XLSX_TYPE, `${viewed.plan.slug}.xlsx`);
  });
}
