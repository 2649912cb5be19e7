/**
 * `bun run deploy:dry-run`: `wrangler deploy --dry-run --env <env>` for every Worker and every
 * environment, printing each bundle's gzip size and failing when one is over the budget or a
 * build fails. CI runs it (`.ci/run`); nothing is uploaded and no Cloudflare account is needed.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { bundleGzipBytes, kib } from "../bundle-size.ts";
import { bundleBudgetBytes, deployEnvs, presentWorkers, repoRoot } from "../workers.ts";
import { wranglerBin } from "../wrangler.ts";

const failures: string[] = [];
const workers = presentWorkers();
if (!workers.some((w) => w.name === "realtime")) {
  console.log("realtime: no edge/realtime/wrangler.toml yet (rooms run under partykit); API only");
}
for (const worker of workers) {
  for (const env of deployEnvs) {
    const outdir = join(repoRoot, ".wrangler/dry-run", `${worker.name}-${env}`);
    rmSync(outdir, { recursive: true, force: true });
    const run = spawnSync(
      wranglerBin(),
      ["deploy", "--dry-run", "--config", worker.config, "--env", env, "--outdir", outdir],
      { cwd: repoRoot, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
    );
    if (run.status !== 0) {
      console.log(`${worker.name} --env ${env}: dry run FAILED\n${run.stdout}${run.stderr}`);
      failures.push(`${worker.name}/${env}: build failed`);
      continue;
    }
    const size = bundleGzipBytes(outdir);
    const over = size.gzipBytes > bundleBudgetBytes;
    console.log(
      `${worker.name} --env ${env}: ${kib(size.rawBytes)} raw, ${kib(size.gzipBytes)} gzip ` +
        `(budget ${kib(bundleBudgetBytes)})${over ? " OVER BUDGET" : ""}`,
    );
    if (over) failures.push(`${worker.name}/${env}: ${kib(size.gzipBytes)} gzip > ${kib(bundleBudgetBytes)}`);
  }
}
if (failures.length > 0) {
  console.error(`deploy dry run failed: ${failures.join("; ")}`);
  process.exit(1);
}
