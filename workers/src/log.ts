import type { Logger } from "@hometrip/core";

type Level = "info" | "warn" | "error";

/** One JSON object per line on stdout/stderr, the shape log collectors parse without config. */
export function createJsonLogger(
  base: Record<string, unknown>,
  write: (level: Level, line: string) => void = defaultWrite,
): Logger {
  const emit = (level: Level, message: string, fields?: Record<string, unknown>) => {
    write(level, JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields }));
  };
  return {
    info: (message, fields) => emit("info", message, fields),
    warn: (message, fields) => emit("warn", message, fields),
    error: (message, fields) => emit("error", message, fields),
  };
}

function defaultWrite(level: Level, line: string): void {
  if (level === "info") process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
}
