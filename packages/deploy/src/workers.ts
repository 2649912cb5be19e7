import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** The deployed environments; each has its own `[env.<name>]` block in every Worker's config. */
export const deployEnvs = ["staging", "production"] as const;
export type DeployEnv = (typeof deployEnvs)[number];

export function isDeployEnv(value: string | undefined): value is DeployEnv {
  return (deployEnvs as readonly string[]).includes(value ?? "");
}

export interface WorkerConfig {
  /** Short name in output: `api`, `realtime`. */
  name: string;
  /** wrangler config, relative to the repo root. */
  config: string;
}

/**
 * Every Cloudflare Worker, in deploy order: the realtime Worker (its rooms are Durable Objects)
 * goes first because the API binds to them by `script_name`, and a binding to a script that does
 * not exist yet fails the API's deploy. The realtime Worker counts only once its wrangler config
 * exists (until then the rooms still run under the partykit CLI and are not deployed by wrangler).
 */
export const workerConfigs: readonly WorkerConfig[] = [
  { name: "realtime", config: "edge/realtime/wrangler.toml" },
  { name: "api", config: "wrangler.toml" },
];

export function presentWorkers(root = repoRoot): WorkerConfig[] {
  return workerConfigs.filter((worker) => existsSync(join(root, worker.config)));
}

/** Gzip size a bundle may reach; Workers' free plan caps the compressed upload at 3 MiB, we keep cold starts small. */
export const bundleBudgetBytes = 400 * 1024;
