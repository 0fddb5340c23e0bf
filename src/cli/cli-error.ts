// Errors the CLI reports as one line: UsageError exits 2 (bad arguments), Refused exits 1 (with the reason).
export class UsageError extends Error {}
export class Refused extends Error {}
