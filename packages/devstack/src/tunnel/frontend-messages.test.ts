import { describe, expect, it } from "vitest";
import { FrontendMessageTracker } from "./frontend-messages.ts";
import { wire } from "./test-support.ts";

const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
const cancelRequest = Buffer.concat([Buffer.from([0, 0, 0, 16, 0x04, 0xd2, 0x16, 0x2e]), Buffer.alloc(8)]);

function feed(chunks: Buffer[]): boolean[] {
  const tracker = new FrontendMessageTracker();
  return chunks.map((c) => tracker.push(c));
}

describe("FrontendMessageTracker", () => {
  it("spots Terminate after startup and queries", () => {
    expect(feed([wire.startup("postgres", "db"), wire.query("SELECT 1"), wire.terminate])).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("is not fooled by an 'X' inside a message body", () => {
    const sneaky = wire.query("SELECT 'X\0\0\0\x04'");
    expect(feed([wire.startup("postgres", "db"), sneaky])).toEqual([false, false]);
  });

  it("follows messages split across frames and frames holding several messages", () => {
    const stream = Buffer.concat([wire.startup("postgres", "db"), wire.query("SELECT 42"), wire.terminate]);
    const byteByByte = feed([...stream].map((b) => Buffer.from([b])));
    expect(byteByByte.indexOf(true)).toBe(stream.length - 1);
    expect(feed([stream])).toEqual([true]);
  });

  it("handles an SSLRequest answered with 'N' followed by a plain startup", () => {
    expect(feed([sslRequest, wire.startup("postgres", "db"), wire.terminate])).toEqual([false, false, true]);
  });

  it("gives up (never closes early) once the stream turns into TLS", () => {
    const clientHello = Buffer.from([0x16, 0x03, 0x01, 0x00, 0x58, 0x58, 0, 0, 0, 4]);
    expect(feed([sslRequest, clientHello, wire.terminate])).toEqual([false, false, false]);
  });

  it("treats a CancelRequest as the connection's last message", () => {
    expect(feed([cancelRequest])).toEqual([true]);
  });
});
