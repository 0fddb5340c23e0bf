// A render worker's entry: the worker thread starts without the main thread's loaders, so it registers tsx itself (as
// bin/samverka.mjs does) and then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
