import { describe, expect, it } from "vitest";
import { createLogger, errorFields, type LogFields } from "../src/services/logger.ts";

/** What a line held before it was assembled from parts: the spread object, stringified. */
function mergedLine(level: string, message: string, base: LogFields, fields?: LogFields) {
  return { level, message, ...base, ...fields };
}

describe("logger lines", () => {
  const cases: { base: LogFields; message: string; fields?: LogFields }[] = [
    {
      base: { requestId: "r-1", traceId: "abc" },
      message: "request",
      fields: { method: "GET", status: 200 },
    },
    {
      base: { requestId: "r-1" },
      message: 'quote " and \\ and \n',
      fields: { path: "/x?\u2028", nested: { a: [1] } },
    },
    { base: {}, message: "no base" },
    { base: { requestId: "r-1" }, message: "no fields" },
    { base: { requestId: "r-1" }, message: "empty fields", fields: {} },
    { base: { requestId: "r-1" }, message: "undefined dropped", fields: { gone: undefined, kept: null } },
    { base: { requestId: "r-1", traceId: "t" }, message: "field overrides base", fields: { traceId: "u" } },
    {
      base: { requestId: "r-1" },
      message: "field overrides message",
      fields: { message: "other", level: "x" },
    },
    { base: { time: "base time" }, message: "base overrides time", fields: { a: 1 } },
    { base: { requestId: "r-1" }, message: "undefined override", fields: { requestId: undefined } },
  ];

  it("writes one JSON object per line with level, time, message, base and fields, later keys winning", () => {
    for (const { base, message, fields } of cases) {
      const lines: string[] = [];
      createLogger(base, { write: (line) => lines.push(line) }).warn(message, fields);
      expect(lines).toHaveLength(1);
      const line = lines[0] ?? "";
      expect(line).not.toContain("\n");
      const parsed = JSON.parse(line) as Record<string, unknown>;
      const { time, ...rest } = parsed;
      const { time: _time, ...expected } = mergedLine("warn", message, base, fields) as Record<
        string,
        unknown
      >;
      if (!("time" in base) && !(fields && "time" in fields)) {
        expect(Number.isNaN(Date.parse(String(time)))).toBe(false);
      } else {
        expect(time).toBe((fields?.time as string | undefined) ?? base.time);
      }
      expect(rest).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(Object.keys(parsed)[0]).toBe("level");
    }
  });

  it("drops lines below the minimum level and child loggers keep both sets of fields", () => {
    const lines: string[] = [];
    const logger = createLogger(
      { requestId: "r-2" },
      { minLevel: "warn", write: (line) => lines.push(line) },
    );
    logger.info("dropped");
    logger.child({ traceId: "t-2" }).error("kept", { code: 7 });
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([
      { level: "error", message: "kept", requestId: "r-2", traceId: "t-2", code: 7 },
    ]);
  });

  it("log an error's own code, which stays readable where the bundle's class names are minified", () => {
    // jose's errors name themselves after their class: in the deployed bundle that is a short name.
    class Xe extends Error {
      code = "ERR_JWT_EXPIRED";
      constructor(message: string) {
        super(message);
        this.name = this.constructor.name;
      }
    }
    expect(errorFields(new Xe('"exp" claim timestamp check failed'))).toMatchObject({
      errorName: "Xe",
      errorCode: "ERR_JWT_EXPIRED",
    });
    // Without a code of its own, the cause's (drizzle puts the SQLSTATE there) is the code.
    const cause = Object.assign(new Error("duplicate key"), { code: "23505" });
    expect(errorFields(new Error("Failed query", { cause }))).toMatchObject({ errorCode: "23505" });
    expect(errorFields(new Error("plain"))).not.toHaveProperty("errorCode");
  });
});
