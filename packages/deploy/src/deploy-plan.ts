import type { DeployEnv, WorkerConfig } from "./workers.ts";

export interface DeployStep {
  title: string;
  /** argv; `wrangler` stands for the pinned wrangler binary. */
  command: string[];
}

/**
 * What `bun run deploy -- --env <env>` does, in order. Migrations first: they are forward-only
 * and written so the code still running keeps working (add, backfill, then use; drop a release
 * later), so the new schema must exist before the code that reads it. Then the Workers in
 * dependency order (realtime before the API that binds to its Durable Objects), then the QStash
 * schedules, which point at the workers service and are upserted by id.
 */
export function planDeploy(env: DeployEnv, workers: readonly WorkerConfig[]): DeployStep[] {
  const steps: DeployStep[] = [{ title: "migrations", command: ["bun", "run", "db:migrate"] }];
  for (const worker of workers) {
    steps.push({
      title: `secrets of ${worker.name} (${env})`,
      command: ["wrangler", "secret", "list", "--format", "json", "--config", worker.config, "--env", env],
    });
    steps.push({
      title: `deploy ${worker.name} (${env})`,
      command: ["wrangler", "deploy", "--config", worker.config, "--env", env],
    });
  }
  steps.push({ title: "QStash schedules", command: ["bun", "run", "deploy:schedules"] });
  return steps;
}

/** Secret names `wrangler secret list --format json` reported that a Worker needs but lacks. */
export function missingSecrets(listed: string, required: readonly string[]): string[] {
  let names: string[];
  try {
    names = (JSON.parse(listed) as { name: string }[]).map((s) => s.name);
  } catch {
    throw new Error(`could not read the secret list wrangler printed:\n${listed.slice(0, 500)}`);
  }
  return required.filter((name) => !names.includes(name));
}
