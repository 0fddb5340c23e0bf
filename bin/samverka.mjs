#!/usr/bin/env node
// Package entry point: loads TypeScript through tsx (no build step) and runs the CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/entry.ts");
