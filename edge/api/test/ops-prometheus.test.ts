import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "./harness.ts";
import { ashburn, callFrom, lisbon, metricsPrefix, trpcGet } from "./ops-support.ts";

const metricsToken = "prometheus-scrape-token-0123456789";

function scrape(headers: Record<string, string>, overrides: Record<string, string>) {
  return call("/metrics", { headers }, { ...overrides, METRICS_TOKEN: metricsToken });
}

describe("GET /metrics", () => {
  it("refuses a scrape without the metrics or operator token", async () => {
    const prefix = metricsPrefix("prom-auth");
    const refused: Record<string, string>[] = [
      {},
      { authorization: "Bearer wrong-token-wrong-token" },
      { authorization: metricsToken },
    ];
    for (const headers of refused) {
      const response = await scrape(headers, prefix);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(await response.text()).not.toContain("hometrip_edge");
    }
    expect((await scrape({ authorization: `Bearer ${env.ADMIN_API_TOKEN}` }, prefix)).status).toBe(200);
  });

  it("exposes cumulative counters and histograms in the text format", async () => {
    const prefix = metricsPrefix("prom-format");
    await callFrom(lisbon, trpcGet("system.version"), prefix);
    await callFrom(lisbon, trpcGet("system.version"), prefix);
    await callFrom(ashburn, trpcGet("listings.get", { id: "not-a-uuid" }), prefix);
    const response = await scrape({ authorization: `Bearer ${metricsToken}` }, prefix);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    const lines = text.trimEnd().split("\n");
    // Every sample line is `name{labels} value`; every family has HELP and TYPE.
    for (const line of lines) {
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+\{[^}]*\} -?[\d.e+-]+)$/);
    }
    expect(text).toContain('hometrip_edge_calls_total{procedure="system.version",status_class="2xx"} 2');
    expect(text).toContain('hometrip_edge_calls_total{procedure="listings.get",status_class="4xx"} 1');
    expect(text).toContain('hometrip_edge_region_calls_total{region="EU",status_class="2xx"} 2');
    expect(text).toContain('hometrip_edge_colo_calls_total{colo="IAD",status_class="4xx"} 1');
    expect(text).toContain("# TYPE hometrip_edge_call_duration_seconds histogram");

    const buckets = lines
      .filter((l) => l.startsWith('hometrip_edge_call_duration_seconds_bucket{procedure="system.version"'))
      .map((l) => Number(l.split(" ").at(-1)));
    expect(buckets.length).toBeGreaterThan(10);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(2);
    expect(text).toContain('hometrip_edge_call_duration_seconds_count{procedure="system.version"} 2');
  });
});
