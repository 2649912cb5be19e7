import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/workers.ts";

const dockerfile = readFileSync(join(repoRoot, "workers/Dockerfile"), "utf8");

/** The exec-form argv of an instruction (`CMD ["bun", "x.ts"]`), joining continued lines first. */
function execForm(instruction: string): string[] {
  const joined = dockerfile.replace(/\s*\\\n\s*/g, " ");
  const line = joined.split("\n").find((l) => l.startsWith(`${instruction} `));
  const argv = /\[(.*)\]\s*$/.exec(line ?? "")?.[1];
  if (!argv) throw new Error(`no exec-form ${instruction} in workers/Dockerfile`);
  return JSON.parse(`[${argv}]`) as string[];
}

describe("workers container image", () => {
  it("starts the same entry point as `bun run --cwd workers start`", () => {
    const start = JSON.parse(readFileSync(join(repoRoot, "workers/package.json"), "utf8")).scripts.start;
    expect(execForm("CMD")).toEqual(["bun", "workers/src/main.ts"]);
    expect(start).toBe("bun src/main.ts");
  });

  it("probes GET /health with a script that exists", () => {
    const probe = execForm("HEALTHCHECK");
    expect(probe[0]).toBe("bun");
    expect(existsSync(join(repoRoot, probe[1] as string))).toBe(true);
    expect(readFileSync(join(repoRoot, probe[1] as string), "utf8")).toContain("/health");
  });

  it("copies only paths that exist", () => {
    for (const match of dockerfile.matchAll(/^COPY (.+) (\S+)$/gm)) {
      for (const source of (match[1] as string).split(" ")) {
        expect(existsSync(join(repoRoot, source)), source).toBe(true);
      }
    }
  });

  it("pins bun 1.4.5, the version the repo runs", () => {
    expect(dockerfile).toMatch(/^ARG BUN_IMAGE=oven\/bun:1\.4\.5-slim$/m);
    expect(dockerfile).toMatch(/^FROM \$\{BUN_IMAGE\}$/m);
  });
});
