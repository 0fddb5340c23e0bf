// Process entry: runs the CLI and exits with its code (serve keeps running until a signal).
import { run } from "./main.ts";

const code = await run(process.argv.slice(2));
if (process.argv[2] !== "serve" || code !== 0) process.exit(code);
