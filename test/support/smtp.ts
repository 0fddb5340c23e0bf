// A real SMTP server in the test process (smtp-server on 127.0.0.1, a free port) that keeps every message it
// accepts, parsed by mailparser the way a mail client reads it.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export interface ReceivedMail {
  to: string[];
  mail: ParsedMail;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** The messages to one address, waiting up to `ms` for at least `count` of them to arrive. */
  waitFor(to: string, count?: number, ms?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => received.filter((r) => r.to.includes(address));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(address, count = 1, ms = 10_000) {
      const until = Date.now() + ms;
      while (to(address).length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      return to(address);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
