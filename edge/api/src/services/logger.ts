export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/**
 * One JSON object per line: Workers Logs and `wrangler tail` index JSON fields, so
 * `requestId` becomes searchable without parsing free text.
 */
const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogger(
  base: LogFields = {},
  opts: { minLevel?: LogLevel; write?: (line: string) => void } = {},
): Logger {
  const { minLevel = "info", write = console.log } = opts;
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    if (rank[level] < rank[minLevel]) return;
    write(JSON.stringify({ level, time: new Date().toISOString(), message, ...base, ...fields }));
  };
  return {
    debug: (message, fields) => emit("debug", message, fields),
    info: (message, fields) => emit("info", message, fields),
    warn: (message, fields) => emit("warn", message, fields),
    error: (message, fields) => emit("error", message, fields),
    child: (fields) => createLogger({ ...base, ...fields }, opts),
  };
}

/**
 * Text from an error made safe to log: drizzle appends a failed query's bound parameters
 * (emails, key hashes) to its message as `params: …`, and drivers may print connection strings
 * with their password.
 */
export function redactLogText(text: string): string {
  return text
    .replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, "\nparams: [redacted]")
    .replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, "//[redacted]@");
}

/** Error fields safe to log: name, message, and the SQLSTATE drizzle puts on `cause`. */
export function errorFields(error: unknown): LogFields {
  // workerd reports socket failures as ErrorEvents wrapping the Error.
  if (typeof ErrorEvent !== "undefined" && error instanceof ErrorEvent) {
    return error.error instanceof Error
      ? errorFields(error.error)
      : { errorMessage: redactLogText(error.message) };
  }
  if (!(error instanceof Error)) return { error: redactLogText(String(error)) };
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  return {
    errorName: error.name,
    errorMessage: redactLogText(error.message),
    ...(cause?.code !== undefined ? { errorCode: cause.code } : {}),
    ...(error.stack ? { stack: redactLogText(error.stack) } : {}),
  };
}
