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
export function createLogger(base: LogFields = {}, write: (line: string) => void = console.log): Logger {
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    write(JSON.stringify({ level, time: new Date().toISOString(), message, ...base, ...fields }));
  };
  return {
    debug: (message, fields) => emit("debug", message, fields),
    info: (message, fields) => emit("info", message, fields),
    warn: (message, fields) => emit("warn", message, fields),
    error: (message, fields) => emit("error", message, fields),
    child: (fields) => createLogger({ ...base, ...fields }, write),
  };
}

/** Error fields safe to log: name, message, and the SQLSTATE drizzle puts on `cause`. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  return {
    errorName: error.name,
    errorMessage: error.message,
    ...(cause?.code !== undefined ? { errorCode: cause.code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
