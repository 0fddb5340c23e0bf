// Which database engine the integration suite runs against: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set.
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const testEngine: "pglite" | "postgres" = testDatabaseUrl ? "postgres" : "pglite";

/** postgres://…/name with the database name replaced. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export const TEMPLATE_DEMO = "samverka_test_demo";
export const TEMPLATE_EMPTY = "samverka_test_empty";
