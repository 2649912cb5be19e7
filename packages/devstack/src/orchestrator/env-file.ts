import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Settings a child needs that must not appear on its command line, where any local user reads
 * them with `ps`. They go into a file only the owner can read, which wrangler loads with
 * `--env-file` (as secret bindings).
 */
export function writePrivateFile(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, text, { mode: 0o600 });
  // `mode` applies only when the file is created; an older copy keeps its bits otherwise.
  chmodSync(path, 0o600);
  return path;
}

/**
 * A .env file wrangler 4 parses back to exactly `vars`: dotenv keeps a single-quoted value
 * verbatim, and wrangler then runs dotenv-expand over it, which reads `$NAME` as a reference
 * and `\$` as a literal `$`. A value that a single-quoted line cannot hold is refused rather
 * than passed on altered.
 */
export function serializeEnvFile(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([key, value]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`${key} is not a valid variable name`);
      if (/['\r\n]/.test(value)) {
        throw new Error(`${key} holds a quote or a line break, which an env file cannot carry as it is`);
      }
      return `${key}='${value.replaceAll("$", "\\$")}'\n`;
    })
    .join("");
}
