import type { z } from "zod";

/** Raised when a runtime's settings are missing or malformed; names every bad variable. */
export class ConfigError extends Error {
  readonly issues: { variable: string; problem: string }[];
  constructor(runtime: string, issues: { variable: string; problem: string }[]) {
    const lines = issues.map((i) => `  - ${i.variable}: ${i.problem}`).join("\n");
    super(`Invalid ${runtime} configuration:\n${lines}\nSee .env.example for every variable.`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

type Source = Record<string, unknown>;

/**
 * Parses a flat record of settings (process.env, Worker bindings) with a zod object schema.
 * Empty strings count as missing, so `FOO=` in a .env file is reported rather than accepted.
 */
export function parseConfig<S extends z.ZodType>(runtime: string, schema: S, source: Source): z.output<S> {
  const cleaned: Source = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === "") continue;
    cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const variable = issue.path.map(String).join(".") || "(root)";
    const present = issue.path.length > 0 && cleaned[String(issue.path[0])] !== undefined;
    // A custom rule (one setting required by another) explains itself even when the value is absent.
    const problem = present || issue.code === "custom" ? issue.message : "is required but not set";
    return { variable, problem };
  });
  throw new ConfigError(runtime, issues);
}
