import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serializeEnvFile, writePrivateFile } from "./env-file.ts";

describe("serializeEnvFile", () => {
  it("single-quotes every value and escapes $ so wrangler's expansion leaves it alone", () => {
    expect(serializeEnvFile({ A: "plain", B: "pa$$word", C: "keep \\$HOME", D: "# not a comment" })).toBe(
      "A='plain'\nB='pa\\$\\$word'\nC='keep \\\\$HOME'\nD='# not a comment'\n",
    );
  });

  it("refuses what a single-quoted line cannot carry unchanged", () => {
    expect(() => serializeEnvFile({ K: "it's" })).toThrow(/K holds a quote or a line break/);
    expect(() => serializeEnvFile({ K: "two\nlines" })).toThrow(/K holds/);
    expect(() => serializeEnvFile({ "BAD-NAME": "v" })).toThrow(/not a valid variable name/);
  });
});

describe("writePrivateFile", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("leaves a file only its owner can read, even when an older copy was wider open", () => {
    dir = mkdtempSync(join(tmpdir(), "hometrip-env-file-"));
    const path = join(dir, "private", "api.env");
    writePrivateFile(path, "A='1'\n");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "private")).mode & 0o777).toBe(0o700);
    writeFileSync(path, "old", { mode: 0o644 });
    writePrivateFile(path, "A='2'\n");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, "utf8")).toBe("A='2'\n");
  });
});
