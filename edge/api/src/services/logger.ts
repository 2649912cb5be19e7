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
const lineKeys = new Set(["level", "time", "message"]);

/**
 * Whether a line needs the merged object: `fields` replaces a key the line or `base` already has,
 * or is not a plain object (its own `toJSON` would speak for it where the spread does not).
 */
function needsMerge(fields: LogFields, base: LogFields): boolean {
  if (Object.getPrototypeOf(fields) !== Object.prototype) return true;
  for (const key in fields) if (lineKeys.has(key) || Object.hasOwn(base, key)) return true;
  return false;
}

// Workers' clock only moves between I/O, so many lines share a millisecond: format it once.
let formattedAt = Number.NaN;
let formatted = "";
function isoNow(): string {
  const now = Date.now();
  if (now !== formattedAt) {
    formattedAt = now;
    formatted = new Date(now).toISOString();
  }
  return formatted;
}

export function createLogger(
  base: LogFields = {},
  opts: { minLevel?: LogLevel; write?: (line: string) => void } = {},
): Logger {
  const { minLevel = "info", write = console.log } = opts;
  // Every line of a request carries its ids: they are serialized once, not once per line, and
  // only when a first line is written (most requests write none).
  let baseJson: string | null | undefined;
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    if (rank[level] < rank[minLevel]) return;
    baseJson ??= Object.keys(base).some((key) => lineKeys.has(key)) ? null : JSON.stringify(base);
    if (baseJson === null || (fields && needsMerge(fields, base))) {
      write(JSON.stringify({ level, time: isoNow(), message, ...base, ...fields }));
      return;
    }
    // The same line as the spread above, without building the merged object.
    let line = `{"level":"${level}","time":"${isoNow()}","message":${JSON.stringify(message)}`;
    if (baseJson.length > 2) line += `,${baseJson.slice(1, -1)}`;
    const own = fields ? JSON.stringify(fields) : "{}";
    write(own.length > 2 ? `${line},${own.slice(1)}` : `${line}}`);
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

/**
 * Error fields safe to log: name, message, and a code: the error's own (jose's `ERR_JWT_EXPIRED`) or
 * else the SQLSTATE drizzle puts on `cause`.
 */
export function errorFields(error: unknown): LogFields {
  // workerd reports socket failures as ErrorEvents wrapping the Error.
  if (typeof ErrorEvent !== "undefined" && error instanceof ErrorEvent) {
    return error.error instanceof Error
      ? errorFields(error.error)
      : { errorMessage: redactLogText(error.message) };
  }
  if (!(error instanceof Error)) return { error: redactLogText(String(error)) };
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  // The bundle is minified without keeping names (wrangler.toml), so a library error that names
  // itself after its class (jose, oauth4webapi) logs a short name; its own code stays readable.
  const ownCode = (error as { code?: unknown }).code;
  const code = typeof ownCode === "string" ? ownCode : cause?.code;
  return {
    errorName: error.name,
    errorMessage: redactLogText(error.message),
    ...(code !== undefined ? { errorCode: code } : {}),
    ...(error.stack ? { stack: redactLogText(error.stack) } : {}),
  };
}
