import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AppError } from "@hometrip/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNominatimGeocoder } from "./nominatim-geocoder.ts";

/** A local stand-in for a Nominatim server: answers what the test sets and records each request. */
let server: Server;
let baseUrl: string;
let reply: { status: number; body: string } = { status: 200, body: "[]" };
const requests: { url: URL; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: new URL(req.url ?? "/", "http://stand-in"), headers: req.headers });
    res.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nominatim`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const geocoder = () =>
  createNominatimGeocoder({ url: baseUrl, userAgent: "HomeTrip test (hosts@hometrip.test)" });

const rossio = {
  lat: "38.7139",
  lon: "-9.1394",
  name: "Rua Augusta",
  display_name: "12, Rua Augusta, Baixa, Santa Maria Maior, Lisboa, 1100-053, Portugal",
  address: {
    house_number: "12",
    road: "Rua Augusta",
    quarter: "Baixa",
    city: "Lisboa",
    state: "Lisboa",
    postcode: "1100-053",
    country: "Portugal",
    country_code: "pt",
  },
};

describe("the Nominatim geocoder", () => {
  it("asks /search for jsonv2 with address details, in English, naming itself", async () => {
    reply = { status: 200, body: JSON.stringify([rossio]) };
    await geocoder().search("Rua Augusta 12, Lisboa");
    const request = requests.at(-1)!;
    expect(request.url.pathname).toBe("/nominatim/search");
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      q: "Rua Augusta 12, Lisboa",
      format: "jsonv2",
      addressdetails: "1",
      limit: "8",
      "accept-language": "en",
    });
    expect(request.headers["user-agent"]).toBe("HomeTrip test (hosts@hometrip.test)");
  });

  it("turns results into places with the zone at their position", async () => {
    const sydney = {
      lat: "-33.8688",
      lon: "151.2093",
      address: {
        house_number: "1",
        road: "George Street",
        suburb: "The Rocks",
        city: "Sydney",
        state: "New South Wales",
        country: "Australia",
        country_code: "au",
      },
    };
    const nowhere = { lat: "1", lon: "2", address: { country_code: "zz" } };
    reply = { status: 200, body: JSON.stringify([rossio, sydney, nowhere, { lat: "not a number" }]) };
    expect(await geocoder().search("somewhere")).toEqual([
      {
        kind: "address",
        label: "Rua Augusta 12, Lisboa, Portugal",
        addressLine1: "Rua Augusta 12",
        city: "Lisboa",
        region: "Lisboa",
        postalCode: "1100-053",
        country: "PT",
        lat: 38.7139,
        lng: -9.1394,
        timezone: "Europe/Lisbon",
      },
      expect.objectContaining({
        addressLine1: "1 George Street",
        country: "AU",
        timezone: "Australia/Sydney",
      }),
    ]);
  });

  it("reports an upstream failure as unavailable, and a body that is not a list as no places", async () => {
    reply = { status: 502, body: "bad gateway" };
    const failure = await geocoder()
      .search("Lisboa")
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: "UNAVAILABLE" });
    reply = { status: 200, body: '{"error":"Unable to geocode"}' };
    expect(await geocoder().search("Lisboa")).toEqual([]);
  });
});
