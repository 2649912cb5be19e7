import { describe, expect, it } from "vitest";
import {
  ConfigError,
  parseDevstackEnv,
  parseEdgeEnv,
  parseRealtimeEnv,
  parseWorkersEnv,
} from "../src/index.ts";

const edge = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/hometrip",
  UPSTASH_REDIS_REST_URL: "http://127.0.0.1:8079",
  UPSTASH_REDIS_REST_TOKEN: "redis-token",
  QSTASH_URL: "http://127.0.0.1:8081",
  QSTASH_TOKEN: "qstash-token",
  EVENTS_DESTINATION_URL: "http://127.0.0.1:8790",
  ADMIN_API_TOKEN: "a-long-operator-token",
  ROOM_TOKEN_SECRET: "a-room-token-secret-of-32-characters",
  REALTIME_PUBLIC_URL: "http://127.0.0.1:1999",
  APP_URL: "http://localhost:3000",
  JWT_SIGNING_KEYS: "k2:0123456789abcdef0123456789abcdef, k1:fedcba9876543210fedcba9876543210",
  TOTP_ENCRYPTION_KEY: btoa("x".repeat(32)),
  STRIPE_SECRET_KEY: "sk_test_config_0123456789",
  STRIPE_WEBHOOK_SECRET: "whsec_config_0123456789",
  UNSUBSCRIBE_SIGNING_KEY: "test-unsubscribe-signing-key-0123456789",
};

function failure(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("edge config", () => {
  it("parses bindings and applies defaults", () => {
    const env = parseEdgeEnv({ ...edge, CORS_ORIGINS: "http://localhost:3000, https://hometrip.app" });
    expect(env.APP_ENV).toBe("production");
    expect(env.CORS_ORIGINS).toEqual(["http://localhost:3000", "https://hometrip.app"]);
    expect(env.NEON_WS_PROXY).toBeUndefined();
    expect(env.NEON_HTTP_ENDPOINT).toBeUndefined();
  });

  it("names every missing variable", () => {
    const { DATABASE_URL: _d, QSTASH_TOKEN: _q, ...rest } = edge;
    const err = failure(() => parseEdgeEnv(rest));
    expect(err.issues.map((i) => i.variable).sort()).toEqual(["DATABASE_URL", "QSTASH_TOKEN"]);
    expect(err.message).toContain("DATABASE_URL: is required but not set");
  });

  it("treats an empty value as missing and explains a malformed one", () => {
    const err = failure(() => parseEdgeEnv({ ...edge, QSTASH_TOKEN: "", DATABASE_URL: "mysql://x" }));
    expect(err.message).toContain("QSTASH_TOKEN: is required but not set");
    expect(err.message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  });

  it("reads signing keys in order, the first one signing", () => {
    const env = parseEdgeEnv(edge);
    expect(env.JWT_SIGNING_KEYS.map((k) => k.kid)).toEqual(["k2", "k1"]);
  });

  it("rejects short signing secrets, duplicate key ids and a wrong-size encryption key", () => {
    expect(failure(() => parseEdgeEnv({ ...edge, JWT_SIGNING_KEYS: "k1:short" })).issues[0]?.variable).toBe(
      "JWT_SIGNING_KEYS",
    );
    const dup = `k1:${"a".repeat(32)},k1:${"b".repeat(32)}`;
    expect(failure(() => parseEdgeEnv({ ...edge, JWT_SIGNING_KEYS: dup })).message).toContain("unique");
    const key = failure(() => parseEdgeEnv({ ...edge, TOTP_ENCRYPTION_KEY: btoa("too short") }));
    expect(key.message).toContain("TOTP_ENCRYPTION_KEY: must be 32 bytes");
  });

  it("rejects a tunnel address without a port", () => {
    const err = failure(() => parseEdgeEnv({ ...edge, NEON_WS_PROXY: "localhost/v1" }));
    expect(err.issues[0]?.variable).toBe("NEON_WS_PROXY");
  });

  it("takes the SQL-over-HTTP endpoint as an http(s) URL only", () => {
    const local = parseEdgeEnv({ ...edge, NEON_HTTP_ENDPOINT: "http://127.0.0.1:4444/sql" });
    expect(local.NEON_HTTP_ENDPOINT).toBe("http://127.0.0.1:4444/sql");
    for (const value of ["127.0.0.1:4444/sql", "postgres://127.0.0.1:4444/sql"]) {
      const err = failure(() => parseEdgeEnv({ ...edge, NEON_HTTP_ENDPOINT: value }));
      expect(err.message).toContain("NEON_HTTP_ENDPOINT: must be an http(s) URL");
    }
  });
});

describe("workers config", () => {
  const workers = {
    DATABASE_URL: edge.DATABASE_URL,
    QSTASH_URL: edge.QSTASH_URL,
    QSTASH_TOKEN: edge.QSTASH_TOKEN,
    EVENTS_DESTINATION_URL: edge.EVENTS_DESTINATION_URL,
    UPSTASH_REDIS_REST_URL: edge.UPSTASH_REDIS_REST_URL,
    UPSTASH_REDIS_REST_TOKEN: edge.UPSTASH_REDIS_REST_TOKEN,
    APP_URL: edge.APP_URL,
    EMAIL_TRANSPORT: "dev",
    STRIPE_SECRET_KEY: edge.STRIPE_SECRET_KEY,
    UNSUBSCRIBE_SIGNING_KEY: "test-unsubscribe-signing-key-0123456789",
    API_PUBLIC_URL: "http://localhost:8787",
  };
  const keys = {
    QSTASH_CURRENT_SIGNING_KEY: "sig_current_key",
    QSTASH_NEXT_SIGNING_KEY: "sig_next_key_00",
  };

  it("requires both signing keys", () => {
    const err = failure(() => parseWorkersEnv(workers));
    expect(err.issues.map((i) => i.variable).sort()).toEqual([
      "QSTASH_CURRENT_SIGNING_KEY",
      "QSTASH_NEXT_SIGNING_KEY",
    ]);
  });

  it("coerces the port", () => {
    const env = parseWorkersEnv({
      ...workers,
      WORKERS_PORT: "9100",
      QSTASH_CURRENT_SIGNING_KEY: "sig_current_key",
      QSTASH_NEXT_SIGNING_KEY: "sig_next_key_00",
    });
    expect(env.WORKERS_PORT).toBe(9100);
  });

  it("gives hosts 24 h to answer a request unless BOOKING_REQUEST_RESPONSE_SECONDS says otherwise, within 10 s..7 days", () => {
    expect(parseWorkersEnv({ ...workers, ...keys }).BOOKING_REQUEST_RESPONSE_SECONDS).toBe(86_400);
    expect(
      parseWorkersEnv({ ...workers, ...keys, BOOKING_REQUEST_RESPONSE_SECONDS: "45" })
        .BOOKING_REQUEST_RESPONSE_SECONDS,
    ).toBe(45);
    for (const bad of ["9", "604801", "1.5", "soon"]) {
      const err = failure(() =>
        parseWorkersEnv({ ...workers, ...keys, BOOKING_REQUEST_RESPONSE_SECONDS: bad }),
      );
      expect(err.issues.map((i) => i.variable)).toEqual(["BOOKING_REQUEST_RESPONSE_SECONDS"]);
    }
  });

  it("holds a message e-mail 2 min for a live read unless NOTIFY_AWAY_DELAY_SECONDS says otherwise, within 5 s..1 h", () => {
    expect(parseWorkersEnv({ ...workers, ...keys }).NOTIFY_AWAY_DELAY_SECONDS).toBe(120);
    expect(
      parseWorkersEnv({ ...workers, ...keys, NOTIFY_AWAY_DELAY_SECONDS: "20" }).NOTIFY_AWAY_DELAY_SECONDS,
    ).toBe(20);
    const problems = {
      "4": "must be at least 5 seconds",
      "3601": "must be at most 3600 seconds (1 h)",
      "2.5": "must be a whole number of seconds",
      soon: "must be a whole number of seconds",
    };
    for (const [bad, problem] of Object.entries(problems)) {
      const err = failure(() => parseWorkersEnv({ ...workers, ...keys, NOTIFY_AWAY_DELAY_SECONDS: bad }));
      expect(err.issues).toEqual([{ variable: "NOTIFY_AWAY_DELAY_SECONDS", problem }]);
    }
  });

  it("needs a Resend key only when mail goes through Resend", () => {
    const err = failure(() => parseWorkersEnv({ ...workers, ...keys, EMAIL_TRANSPORT: "resend" }));
    expect(err.message).toContain("RESEND_API_KEY: is required when EMAIL_TRANSPORT=resend");
    expect(parseWorkersEnv({ ...workers, ...keys }).EMAIL_TRANSPORT).toBe("dev");
  });

  it("requires the Upstash Redis settings the API uses", () => {
    const { UPSTASH_REDIS_REST_URL: _url, UPSTASH_REDIS_REST_TOKEN: _token, ...rest } = workers;
    const err = failure(() => parseWorkersEnv({ ...rest, ...keys }));
    expect(err.issues.map((i) => i.variable).sort()).toEqual([
      "UPSTASH_REDIS_REST_TOKEN",
      "UPSTASH_REDIS_REST_URL",
    ]);
  });

  it("uses Typesense only when its URL is set, and then needs its key", () => {
    const env = parseWorkersEnv({ ...workers, ...keys });
    expect(env.TYPESENSE_URL).toBeUndefined();
    expect(env.TYPESENSE_COLLECTION).toBe("listings");
    const err = failure(() =>
      parseWorkersEnv({ ...workers, ...keys, TYPESENSE_URL: "http://127.0.0.1:8108" }),
    );
    expect(err.message).toContain("TYPESENSE_API_KEY: is required when TYPESENSE_URL is set");
    const typesense = { TYPESENSE_URL: "http://127.0.0.1:8108", TYPESENSE_API_KEY: "xyz" };
    expect(parseWorkersEnv({ ...workers, ...keys, ...typesense }).TYPESENSE_URL).toBe(
      "http://127.0.0.1:8108",
    );
  });
});

describe("devstack config", () => {
  it("works with nothing set", () => {
    const env = parseDevstackEnv({});
    expect(env.API_PORT).toBe(8787);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.HOMETRIP_DATA_DIR).toBe(".hometrip");
    expect(env).toMatchObject({ DEV_HOST: "127.0.0.1", DEV_INSPECT: false, REDIS_MODE: "auto" });
  });

  it("opens up only to an IP address, and inspects only when DEV_INSPECT is 1", () => {
    expect(parseDevstackEnv({ DEV_HOST: "0.0.0.0", DEV_INSPECT: "1" })).toMatchObject({
      DEV_HOST: "0.0.0.0",
      DEV_INSPECT: true,
    });
    expect(failure(() => parseDevstackEnv({ DEV_HOST: "my-laptop.local" })).issues[0]?.variable).toBe(
      "DEV_HOST",
    );
    expect(failure(() => parseDevstackEnv({ DEV_INSPECT: "yes" })).issues[0]?.variable).toBe("DEV_INSPECT");
  });

  it("forwards an away delay only when one is set", () => {
    expect(parseDevstackEnv({}).NOTIFY_AWAY_DELAY_SECONDS).toBeUndefined();
    expect(parseDevstackEnv({ NOTIFY_AWAY_DELAY_SECONDS: "20" }).NOTIFY_AWAY_DELAY_SECONDS).toBe(20);
    expect(failure(() => parseDevstackEnv({ NOTIFY_AWAY_DELAY_SECONDS: "0" })).message).toContain(
      "NOTIFY_AWAY_DELAY_SECONDS: must be at least 5 seconds",
    );
  });

  it("forwards a request response window only when one is set", () => {
    expect(parseDevstackEnv({}).BOOKING_REQUEST_RESPONSE_SECONDS).toBeUndefined();
    expect(
      parseDevstackEnv({ BOOKING_REQUEST_RESPONSE_SECONDS: "45" }).BOOKING_REQUEST_RESPONSE_SECONDS,
    ).toBe(45);
    expect(failure(() => parseDevstackEnv({ BOOKING_REQUEST_RESPONSE_SECONDS: "5" })).message).toContain(
      "BOOKING_REQUEST_RESPONSE_SECONDS",
    );
  });

  it("rejects a port out of range with the variable's name", () => {
    const err = failure(() => parseDevstackEnv({ API_PORT: "70000" }));
    expect(err.issues[0]?.variable).toBe("API_PORT");
  });
});

describe("stripe config", () => {
  it("points the SDK at Stripe unless STRIPE_API_BASE names the stand-in", () => {
    expect(parseEdgeEnv(edge).STRIPE_API_BASE).toBeUndefined();
    const local = parseEdgeEnv({ ...edge, STRIPE_API_BASE: "http://127.0.0.1:12111" });
    expect(local.STRIPE_API_BASE).toBe("http://127.0.0.1:12111");
  });

  it("accepts several webhook secrets (platform and Connect endpoints, rotation)", () => {
    const env = parseEdgeEnv({
      ...edge,
      STRIPE_WEBHOOK_SECRET: "whsec_platform_000000, whsec_connect_000000",
    });
    expect(env.STRIPE_WEBHOOK_SECRET).toEqual(["whsec_platform_000000", "whsec_connect_000000"]);
  });

  it("says clearly what is wrong with a Stripe setting", () => {
    const err = failure(() =>
      parseEdgeEnv({
        ...edge,
        STRIPE_SECRET_KEY: "pk_test_0123456789",
        STRIPE_WEBHOOK_SECRET: "secret",
        STRIPE_API_BASE: "http://127.0.0.1:12111/v1",
      }),
    );
    expect(Object.fromEntries(err.issues.map((i) => [i.variable, i.problem]))).toEqual({
      STRIPE_SECRET_KEY: "must be a Stripe secret key (sk_test_… or sk_live_…)",
      STRIPE_WEBHOOK_SECRET: "must be one or more whsec_… webhook signing secrets, comma-separated",
      STRIPE_API_BASE: "must be an origin, without a path",
    });
    const { STRIPE_SECRET_KEY: _s, ...rest } = edge;
    expect(failure(() => parseEdgeEnv(rest)).message).toContain("STRIPE_SECRET_KEY: is required but not set");
  });
});

describe("realtime config", () => {
  const realtime = {
    ROOM_TOKEN_SECRET: "a-room-token-secret-of-32-characters",
    REALTIME_INTERNAL_TOKEN: "an-internal-token-0123",
  };

  it("parses the rooms' secrets and defaults the heartbeat timeout to 25 s", () => {
    expect(parseRealtimeEnv(realtime)).toEqual({
      APP_ENV: "production",
      ...realtime,
      PRESENCE_TIMEOUT_MS: 25_000,
    });
    expect(parseRealtimeEnv({ ...realtime, PRESENCE_TIMEOUT_MS: "1200" }).PRESENCE_TIMEOUT_MS).toBe(1200);
  });

  it("refuses a short room token secret and a missing internal token", () => {
    const error = failure(() => parseRealtimeEnv({ ROOM_TOKEN_SECRET: "short" }));
    expect(error.message).toContain("ROOM_TOKEN_SECRET");
    expect(error.message).toContain("REALTIME_INTERNAL_TOKEN");
  });
});
