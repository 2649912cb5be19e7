import { describe, expect, it } from "vitest";
import {
  contiguousSeq,
  mergeMessages,
  missesSomething,
  receiptFor,
  type ThreadMessage,
} from "./thread-model.ts";

const m = (seq: number, senderId = "a", body = `m${seq}`): ThreadMessage => ({
  id: `id-${seq}`,
  seq,
  senderId,
  body,
  masked: false,
  attachments: [],
  createdAt: new Date(0).toISOString(),
});
const seqs = (list: ThreadMessage[]) => list.map((x) => x.seq);

describe("thread model", () => {
  it("merges pages, live deliveries and catch-up in seq order without duplicates", () => {
    let held = mergeMessages([], [m(1), m(2), m(3)]);
    held = mergeMessages(held, [m(5)]); // live, arrived before the gap was filled
    held = mergeMessages(held, [m(4), m(5), m(6)]); // catch-up after seq 3 repeats 5
    held = mergeMessages(held, [m(6)]); // the same delivery twice
    expect(seqs(held)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("knows where to catch up from and when a live message skipped some", () => {
    expect(contiguousSeq([])).toBe(0);
    expect(contiguousSeq([m(1), m(2), m(4)])).toBe(2);
    expect(missesSomething([m(1), m(2)], m(3))).toBe(false);
    expect(missesSomething([m(1), m(2)], m(5))).toBe(true);
    expect(missesSomething([], m(1))).toBe(false);
  });

  it("turns my receipts to read up to the other party's position", () => {
    expect(receiptFor(m(3, "me"), "me", 3)).toBe("read");
    expect(receiptFor(m(4, "me"), "me", 3)).toBe("sent");
    expect(receiptFor(m(4, "them"), "me", 3)).toBeNull();
  });
});
