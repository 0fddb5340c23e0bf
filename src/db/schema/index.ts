// The whole schema, one module per concept; drizzle-kit and the database handle read it from here.
export * from "./workspace.ts";
export * from "./plan.ts";
export * from "./goal.ts";
export * from "./taxonomy.ts";
export * from "./organisation.ts";
export * from "./action-plan.ts";
export * from "./activity.ts";
export * from "./need.ts";
export * from "./follow-up.ts";
export * from "./dialogue.ts";
export * from "./meetings.ts";
export * from "./wheel.ts";
export * from "./indicator.ts";
export * from "./people.ts";
export * from "./audit.ts";
export * from "./import.ts";
