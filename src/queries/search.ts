// Full-text search across a plan's activities (title, description, child-rights text) and open needs (title,
// description), in Swedish: PostgreSQL's 'swedish' configuration (PGlite has it too) stems the words, so
// "våldsutövare" finds "våldsutövande". Hits are ranked with ts_rank; ts_headline marks the words found with the
// control characters MARK_START/MARK_END, which the page turns into <mark> elements — never into HTML text.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client.ts";

export const SEARCH_MAX_LENGTH = 300;
export const SEARCH_LIMIT = 100;
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

export interface SearchHit {
  kind: "activity" | "need";
  id: string;
  rank: number;
  /** The whole title, found words between MARK_START and MARK_END. */
  title: string;
  /** Up to two fragments of the longer texts around the found words, marked the same way ("" when there is none). */
  excerpt: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** All matches, even beyond the limit. */
  total: number;
}

export interface SearchOptions {
  /**
   * Internal readers search everything that is not archived; the public (false) only what its pages show:
   * activities of action plans that are not drafts.
   */
  includeDrafts: boolean;
  limit?: number;
}

const TITLE_OPTIONS = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;
const EXCERPT_OPTIONS = `MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_END}`;
const MARKS = `${MARK_START}${MARK_END}`;

/** Searches one plan. The caller checks that the viewer may read the plan and trims and limits the query. */
export async function searchPlan(db: Db, planId: string, query: string, options: SearchOptions): Promise<SearchResult> {
  const limit = options.limit ?? SEARCH_LIMIT;
  const rows = await queryRows<{ kind: "activity" | "need"; id: string; rank: number; total: number; title: string; excerpt: string }>(
    db,
    sql`
    with q as (select websearch_to_tsquery('swedish', ${query}) as query),
    docs as (
      select 'activity' as kind, a.id, a.number as number,
        translate(a.title, ${MARKS}, '') as title,
        translate(concat_ws(' ', nullif(a.description, ''), nullif(a.child_rights, '')), ${MARKS}, '') as body,
        setweight(to_tsvector('swedish', a.title), 'A')
          || setweight(to_tsvector('swedish', a.description), 'B')
          || setweight(to_tsvector('swedish', a.child_rights), 'C') as doc
      from activity a
      join goal g on g.id = a.goal_id and g.archived_at is null
      left join action_plan ap on ap.id = a.action_plan_id and ap.archived_at is null
      where a.plan_id = ${planId} and a.archived_at is null
        and (${options.includeDrafts}::boolean or ap.state is distinct from 'draft')
      union all
      select 'need' as kind, n.id, null as number,
        translate(n.title, ${MARKS}, '') as title,
        translate(n.description, ${MARKS}, '') as body,
        setweight(to_tsvector('swedish', n.title), 'A') || setweight(to_tsvector('swedish', n.description), 'B') as doc
      from need n
      join goal g on g.id = n.goal_id and g.archived_at is null
      where n.plan_id = ${planId} and n.archived_at is null and n.became_activity_id is null
    ),
    matched as (
      select d.kind, d.id, d.number, d.title, d.body, ts_rank(d.doc, q.query) as rank, count(*) over () as total
      from docs d, q
      where d.doc @@ q.query
      order by rank desc, d.kind, d.number nulls last, d.id
      limit ${limit}
    )
    select m.kind, m.id, m.rank::float8 as rank, m.total::int as total,
      ts_headline('swedish', m.title, q.query, ${TITLE_OPTIONS}) as title,
      case when m.body = '' then '' else ts_headline('swedish', m.body, q.query, ${EXCERPT_OPTIONS}) end as excerpt
    from matched m, q
    order by m.rank desc, m.kind, m.number nulls last, m.id`,
  );
  return {
    hits: rows.map((r) => ({ kind: r.kind, id: r.id, rank: Number(r.rank), title: r.title, excerpt: r.excerpt })),
    total: rows[0]?.total ?? 0,
  };
}

/** Splits a marked text into plain and found parts, for rendering the found ones as <mark>. */
export function markedParts(text: string): Array<{ text: string; found: boolean }> {
  const parts: Array<{ text: string; found: boolean }> = [];
  let found = false;
  let current = "";
  for (const char of text) {
    if (char === MARK_START || char === MARK_END) {
      if (current) parts.push({ text: current, found });
      current = "";
      found = char === MARK_START;
    } else {
      current += char;
    }
  }
  if (current) parts.push({ text: current, found });
  return parts;
}
