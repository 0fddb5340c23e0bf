// Configuration from the environment, validated once at startup with a clear message per bad variable.
import { resolve } from "node:path";
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PUBLIC_URL: z.url().optional().or(z.literal("").transform(() => undefined)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SAMVERKA_DEMO: z.enum(["0", "1"], { message: "must be 0 or 1" }).default("1"),
  SAMVERKA_REMINDERS: z.enum(["0", "1"], { message: "must be 0 or 1" }).default("1"),
  // The URL holds a password: the message never repeats it.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}>|[^\s@<>]+@[^\s@<>]+\.[a-z]{2,})$/i, "must be an e-mail address, or Name <address>")
    .default("Samverka <noreply@samverka.invalid>"),
  SAMVERKA_ATTACHMENT_MAX_MB: z.coerce.number({ message: "must be a number of megabytes" }).positive("must be more than 0").max(1024, "must be at most 1024").default(20),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  loadDemo: boolean;
  /** Run the follow-up reminder schedule in this process (SAMVERKA_REMINDERS, default on). */
  reminders: boolean;
  /** SMTP server for outgoing mail; without it messages stay in the outbox as "not configured". */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The largest attachment accepted on a report, in bytes (SAMVERKA_ATTACHMENT_MAX_MB × 1 048 576). */
  attachmentMaxBytes: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    logLevel: e.LOG_LEVEL,
    loadDemo: e.SAMVERKA_DEMO === "1",
    reminders: e.SAMVERKA_REMINDERS === "1",
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    attachmentMaxBytes: Math.floor(e.SAMVERKA_ATTACHMENT_MAX_MB * 1024 * 1024),
  };
}
