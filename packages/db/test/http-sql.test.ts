import { neonConfig } from "@neondatabase/serverless";
import { describe, expect, it } from "vitest";
import { createHttpSql } from "../src/http-sql.ts";

// The driver resolves the endpoint through the global neonConfig.fetchEndpoint(host, port).
const endpointFor = (host: string, port: string) => {
  const endpoint = neonConfig.fetchEndpoint;
  return typeof endpoint === "function" ? endpoint(host, port) : endpoint;
};

describe("createHttpSql", () => {
  it("sends each database's queries to its own endpoint and others to Neon's", () => {
    createHttpSql({
      connectionString: "postgres://app@127.0.0.1:5432/one",
      fetchEndpoint: "http://127.0.0.1:4444/sql",
    });
    createHttpSql({
      connectionString: "postgresql://app@Db.Local/two",
      fetchEndpoint: "http://127.0.0.1:5555/sql",
    });
    expect(endpointFor("127.0.0.1", "5432")).toBe("http://127.0.0.1:4444/sql");
    expect(endpointFor("db.local", "")).toBe("http://127.0.0.1:5555/sql");
    expect(endpointFor("ep-cool-1.eu-central-1.aws.neon.tech", "")).toBe(
      "https://api.eu-central-1.aws.neon.tech/sql",
    );
  });

  it("without an endpoint leaves the driver's own choice alone", () => {
    createHttpSql({ connectionString: "postgres://app@ep-x.us-east-2.aws.neon.tech/db" });
    expect(endpointFor("ep-x.us-east-2.aws.neon.tech", "")).toBe("https://api.us-east-2.aws.neon.tech/sql");
  });

  it("refuses a connection string that is not a postgres URL", () => {
    expect(() =>
      createHttpSql({ connectionString: "mysql://x@h/db", fetchEndpoint: "http://h/sql" }),
    ).toThrow(/postgres/);
  });
});
