import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { missingSecrets, planDeploy } from "../src/deploy-plan.ts";
import { workerConfigs } from "../src/workers.ts";

const deployCli = fileURLToPath(new URL("../src/cli/deploy.ts", import.meta.url));

describe("deploy plan", () => {
  it("migrates, deploys realtime before the API that binds to its rooms, then schedules", () => {
    const titles = planDeploy("staging", workerConfigs).map((s) => s.title);
    expect(titles).toEqual([
      "migrations",
      "secrets of realtime (staging)",
      "deploy realtime (staging)",
      "secrets of api (staging)",
      "deploy api (staging)",
      "QStash schedules",
    ]);
  });

  it("passes the environment to every wrangler command", () => {
    for (const step of planDeploy("production", workerConfigs).filter((s) => s.command[0] === "wrangler")) {
      expect(step.command.slice(-2)).toEqual(["--env", "production"]);
    }
  });

  it("names the required secrets wrangler does not list", () => {
    const listed = JSON.stringify([{ name: "DATABASE_URL", type: "secret_text" }]);
    expect(missingSecrets(listed, ["DATABASE_URL", "QSTASH_TOKEN"])).toEqual(["QSTASH_TOKEN"]);
    expect(() => missingSecrets("not json", ["X"])).toThrow(/secret list/);
  });
});

describe("bun run deploy", () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync("bun", [deployCli, ...args], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", ...env },
    });

  it("refuses an unknown environment", () => {
    const result = run(["--env", "prod"], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--env must be one of staging, production/);
  });

  it("stops before any step when a setting is missing, naming each", () => {
    const result = run(["--env", "staging"], { QSTASH_URL: "https://qstash.upstash.io" });
    expect(result.status).toBe(1);
    for (const name of ["DATABASE_URL", "CLOUDFLARE_API_TOKEN", "QSTASH_TOKEN", "EVENTS_DESTINATION_URL"]) {
      expect(result.stderr).toContain(name);
    }
    expect(result.stdout).not.toMatch(/\[1\//);
  });
});
