import type { AddressInfo } from "node:net";
import type { WebSocketConstructor } from "@neondatabase/serverless";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { coalescingWebSocket } from "../src/websocket/coalescing.ts";

type Frame = { binary: boolean; bytes: string };

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A server that records every frame it receives, and when the client closed. */
async function recordingServer(): Promise<{ url: string; frames: Frame[]; closed: Promise<void> }> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const frames: Frame[] = [];
  const closed = new Promise<void>((resolve) => {
    server.on("connection", (socket) => {
      socket.on("message", (data, binary) => {
        frames.push({ binary, bytes: Buffer.from(data as Buffer).toString() });
      });
      socket.on("close", () => resolve());
    });
  });
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, frames, closed };
}

async function openClient(url: string): Promise<WebSocket> {
  const Coalescing = coalescingWebSocket(WebSocket as unknown as WebSocketConstructor);
  const client = new (Coalescing as unknown as typeof WebSocket)(url);
  await new Promise((resolve) => client.once("open", resolve));
  return client;
}

const bytes = (text: string) => Buffer.from(text);

describe("coalescingWebSocket", () => {
  it("sends the binary writes of one synchronous run as one frame, in order", async () => {
    const server = await recordingServer();
    const client = await openClient(server.url);
    for (const part of ["Parse|", "Bind|", "Describe|", "Execute|", "Sync"]) client.send(bytes(part));
    await new Promise((resolve) => setTimeout(resolve, 20));
    client.send(bytes("next query"));
    client.close();
    await server.closed;
    expect(server.frames).toEqual([
      { binary: true, bytes: "Parse|Bind|Describe|Execute|Sync" },
      { binary: true, bytes: "next query" },
    ]);
  });

  it("sends what it holds before a close, so a last message (Terminate) is not lost", async () => {
    const server = await recordingServer();
    const client = await openClient(server.url);
    client.send(bytes("X"));
    client.close(1000);
    await server.closed;
    expect(server.frames).toEqual([{ binary: true, bytes: "X" }]);
  });

  it("keeps the order when a text frame follows held binary writes", async () => {
    const server = await recordingServer();
    const client = await openClient(server.url);
    client.send(bytes("a"));
    client.send(bytes("b"));
    client.send("text");
    client.close();
    await server.closed;
    expect(server.frames).toEqual([
      { binary: true, bytes: "ab" },
      { binary: false, bytes: "text" },
    ]);
  });
});
