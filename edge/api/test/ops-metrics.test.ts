import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import {
  dataPointBlobs,
  dataPointDoubles,
  recordingSink,
  toAnalyticsEngine,
} from "../src/metrics/data-points.ts";
import { createTestClient, origin, settle } from "./harness.ts";
import { ashburn, callFrom, frankfurt, lisbon, metricsPrefix, tokyo, trpcGet } from "./ops-support.ts";
import { createMember, type Member } from "./users-support.ts";

const missingListing = "00000000-0000-4000-8000-000000000000";

let admin: Member;
beforeAll(async () => {
  admin = await createMember("ops-admin", { role: "admin" });
});

describe("edge metrics from several regions", () => {
  it("counts each call by region, colo, procedure and status class", async () => {
    const prefix = metricsPrefix("regions");
    for (let i = 0; i < 3; i++) await callFrom(lisbon, trpcGet("system.version"), prefix);
    await callFrom(frankfurt, trpcGet("system.version"), prefix);
    await callFrom(ashburn, trpcGet("listings.get", { id: missingListing }), prefix);
    await callFrom(tokyo, "/health", prefix);
    // A batch whose calls disagree (207): each call counts with its own status.
    const batch = await callFrom(
      ashburn,
      `/trpc/system.version,listings.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: { id: missingListing } }))}`,
      prefix,
    );
    expect(batch.status).toBe(207);

    const report = await createTestClient(admin.auth, prefix).ops.traffic.query({ window: "hour" });
    const byKey = <T extends { key: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.key, r]));
    const regions = byKey(report.regions);
    expect(regions.EU).toMatchObject({ calls: 4, errorRatio: 0, clientErrorRatio: 0 });
    expect(regions.NA).toMatchObject({ calls: 3, clientErrorRatio: 2 / 3 });
    expect(regions.AS?.calls).toBe(1);
    expect(byKey(report.colos).LIS?.calls).toBe(3);
    expect(byKey(report.colos).FRA?.calls).toBe(1);
    const procedures = byKey(report.procedures);
    expect(procedures["system.version"]?.calls).toBe(5);
    expect(procedures["listings.get"]).toMatchObject({ calls: 2, clientErrorRatio: 1 });
    expect(procedures["GET /health"]?.calls).toBe(1);
    // The admin's own ops.traffic call is recorded after its answer, so the total is the 8 above.
    expect(report.total.calls).toBe(8);
    expect(report.total.p50).not.toBeNull();
    expect(report.regionsWithErrors).toEqual([]);
  });

  it("labels unknown tRPC paths and unmatched routes without echoing them", async () => {
    const prefix = metricsPrefix("unknown");
    await callFrom(lisbon, trpcGet("nope.doesNotExist"), prefix);
    await callFrom(lisbon, "/no/such/route/abc123", prefix);
    const report = await createTestClient(admin.auth, prefix).ops.traffic.query({ window: "day" });
    expect(report.procedures.map((p) => p.key).sort()).toEqual(["trpc:unknown", "unmatched"]);
    expect(report.procedures.every((p) => p.clientErrorRatio === 1)).toBe(true);
  });

  it("draws a series per region, one point per minute of the hour", async () => {
    const prefix = metricsPrefix("series");
    await callFrom(lisbon, trpcGet("system.version"), prefix);
    await callFrom(tokyo, trpcGet("system.version"), prefix);
    const series = await createTestClient(admin.auth, prefix).ops.trafficSeries.query({ window: "hour" });
    expect(series.timestamps).toHaveLength(60);
    expect(series.timestamps[59]! - series.timestamps[0]!).toBe(59 * 60);
    expect(series.regions.map((r) => r.key)).toEqual(["AS", "EU"]);
    const last = (values: number[]) => values.reduce((a, b) => a + b, 0) * 60;
    expect(last(series.total.rate)).toBeCloseTo(2);
    expect(series.regions.every((r) => r.rate.length === 60)).toBe(true);
  });
});

describe("Analytics Engine data points", () => {
  it("writes one point per call with the named blobs and doubles", async () => {
    const sink = recordingSink();
    const app = createApp({ metrics: { dataPoints: sink } });
    const ctx = createExecutionContext();
    const request = new Request(`${origin}/trpc/system.version,system.version?batch=1`, {
      cf: tokyo,
    } as RequestInit);
    await app.fetch(request, { ...env, ...metricsPrefix("points") }, ctx);
    await waitOnExecutionContext(ctx);
    expect(sink.points).toHaveLength(2);
    expect(sink.points[0]).toMatchObject({
      procedure: "system.version",
      statusClass: "2xx",
      colo: "NRT",
      country: "JP",
      continent: "AS",
      region: "Tokyo",
      method: "GET",
      status: 200,
      batchSize: 2,
    });
    const written = toAnalyticsEngine(sink.points[0]!);
    expect(written.blobs).toHaveLength(dataPointBlobs.length);
    expect(written.blobs?.[dataPointBlobs.indexOf("colo")]).toBe("NRT");
    expect(written.doubles?.[dataPointDoubles.indexOf("status")]).toBe(200);
    expect(written.indexes).toEqual(["system.version"]);
  });
});

describe("ops authz", () => {
  it("answers admins only", async () => {
    const prefix = metricsPrefix("authz");
    const member = await createMember("ops-member");
    const asMember = await settle(() =>
      createTestClient(member.auth, prefix).ops.traffic.query({ window: "hour" }),
    );
    expect(asMember.status).toBe(403);
    const anonymous = await settle(() =>
      createTestClient({}, prefix).ops.trafficSeries.query({ window: "hour" }),
    );
    expect(anonymous.status).toBe(401);
    const asAdmin = await settle(() =>
      createTestClient(admin.auth, prefix).ops.traffic.query({ window: "hour" }),
    );
    expect(asAdmin.status).toBe(200);
  });
});
