// Route × role rows for exports: the plan is published, so everyone may export what they can see (the public its
// public part); the files are answered with 200 for every role.
import { PLAN, type Row } from "./rows.ts";

const everyone = { all: 200 };

export const exportsRows: Record<string, Row> = {
  "GET /:ws/planer/:plan/export/aktiviteter.csv": { url: () => `${PLAN}/export/aktiviteter.csv`, answers: everyone },
  "GET /:ws/planer/:plan/export/rapporter.csv": { url: () => `${PLAN}/export/rapporter.csv`, answers: everyone },
  "GET /:ws/planer/:plan/export/siffror.csv": { url: () => `${PLAN}/export/siffror.csv`, answers: everyone },
  "GET /:ws/planer/:plan/export/organisationer.csv": { url: () => `${PLAN}/export/organisationer.csv`, answers: everyone },
  "GET /:ws/planer/:plan/export/samverka.xlsx": { url: () => `${PLAN}/export/samverka.xlsx`, answers: everyone },
};
