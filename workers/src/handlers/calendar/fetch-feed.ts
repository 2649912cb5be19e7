import { FeedFetchError } from "./feed-error.ts";
import { assertPublicHost } from "./private-address.ts";

export interface FeedFetchOptions {
  /** Production: false. Development and tests serve feeds from localhost. */
  allowPrivateNetworks: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const MAX_REDIRECTS = 3;

/**
 * Downloads an iCal feed: http(s) only, at most `maxBytes` (1 MB; a year of a busy listing is a
 * few KB), `timeoutMs` for the whole exchange (10 s), redirects followed by hand so each hop's
 * host is checked too. Anything that is not a VCALENDAR is an error: an empty or HTML answer
 * must never be read as "the feed has no events" and unblock every date.
 */
export async function fetchIcalFeed(url: string, opts: FeedFetchOptions): Promise<string> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 10_000);
  const doFetch = opts.fetch ?? fetch;
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (current.protocol !== "http:" && current.protocol !== "https:") {
      throw new FeedFetchError(`Only http and https feeds are fetched, not ${current.protocol}`);
    }
    if (!opts.allowPrivateNetworks) await assertPublicHost(current.hostname);
    const response = await doFetch(current, {
      redirect: "manual",
      signal,
      headers: { accept: "text/calendar, */*;q=0.5", "user-agent": "HomeTrip-Calendar-Sync/1" },
    });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      current = new URL(location, current);
      continue;
    }
    if (!response.ok) throw new FeedFetchError(`The calendar server answered ${response.status}`);
    const text = await readLimited(response, opts.maxBytes ?? 1_000_000);
    if (!text.includes("BEGIN:VCALENDAR"))
      throw new FeedFetchError("The address did not answer an iCal calendar");
    return text;
  }
  throw new FeedFetchError("Too many redirects");
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new FeedFetchError(`The calendar is larger than ${maxBytes} bytes`);
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FeedFetchError(`The calendar is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
