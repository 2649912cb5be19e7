import { join } from "node:path";
import { zEdgeEnv } from "@hometrip/config";
import { describe, expect, it } from "vitest";
import { experimental_readRawConfig } from "wrangler";
import { workerSecrets } from "../src/secrets.ts";
import { deployEnvs, presentWorkers, repoRoot } from "../src/workers.ts";

type RawConfig = Record<string, unknown> & { env?: Record<string, Record<string, unknown>> };

function rawConfig(config: string): RawConfig {
  return experimental_readRawConfig({ config: join(repoRoot, config) }).rawConfig as RawConfig;
}

// Binding kinds wrangler does not inherit from the top level into an environment.
const bindingKinds = [
  "r2_buckets",
  "analytics_engine_datasets",
  "durable_objects",
  "kv_namespaces",
  "ratelimits",
  "services",
  "queues",
] as const;

function bindingNames(block: Record<string, unknown>, kind: string): string[] {
  const value = block[kind] as
    | { binding?: string; name?: string }[]
    | { bindings?: { name: string }[] }
    | undefined;
  if (!value) return [];
  const list = Array.isArray(value) ? value : (value.bindings ?? []);
  return list.map((b) => ("binding" in b && b.binding ? b.binding : (b as { name: string }).name)).sort();
}

describe("wrangler environments", () => {
  for (const worker of presentWorkers()) {
    const config = rawConfig(worker.config);
    for (const env of deployEnvs) {
      it(`${worker.name} --env ${env} repeats every binding of the top level`, () => {
        const block = config.env?.[env];
        expect(block, `[env.${env}] in ${worker.config}`).toBeDefined();
        for (const kind of bindingKinds) {
          for (const name of bindingNames(config, kind)) {
            expect(bindingNames(block ?? {}, kind), `${kind} ${name} in [env.${env}]`).toContain(name);
          }
        }
        expect(block?.name, "a Worker name of its own").not.toBe(config.name);
      });
    }
  }

  it("every setting the API requires is a var of each environment or a listed secret", () => {
    const config = rawConfig("wrangler.toml");
    const required = Object.entries(zEdgeEnv.shape)
      .filter(([, schema]) => !schema.safeParse(undefined).success)
      .map(([name]) => name);
    const secrets = workerSecrets.filter((s) => s.worker === "api").map((s) => s.name);
    for (const env of deployEnvs) {
      const vars = Object.keys((config.env?.[env]?.vars ?? {}) as Record<string, string>);
      const unset = required.filter((name) => !vars.includes(name) && !secrets.includes(name));
      expect(unset, `[env.${env}]`).toEqual([]);
      // A value in both places would be silently shadowed by the secret.
      expect(
        vars.filter((name) => secrets.includes(name)),
        `[env.${env}]`,
      ).toEqual([]);
    }
  });

  it("production sends traces to Workers observability", () => {
    const production = rawConfig("wrangler.toml").env?.production as {
      observability?: { enabled?: boolean; traces?: { enabled?: boolean; head_sampling_rate?: number } };
    };
    expect(production.observability?.enabled).toBe(true);
    expect(production.observability?.traces?.enabled).toBe(true);
    expect(production.observability?.traces?.head_sampling_rate).toBeGreaterThan(0);
  });
});
