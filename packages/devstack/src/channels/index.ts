import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "../http-body.ts";
import { createSubscriptionKeys, decryptPushPayload, type TestSubscriptionKeys } from "./push-crypto.ts";
import { handleTwilioMessage, type RecordedSms, type TwilioAccount } from "./twilio.ts";
import { verifyVapid } from "./vapid.ts";

export interface RecordedPush {
  id: string;
  subscriptionId: string;
  /** The decrypted payload, as the service worker would read it. */
  payload: string;
  ttl: number | null;
  urgency: string | null;
  receivedAt: string;
}

export interface TestPushSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ChannelStandIns {
  url: string;
  /** TWILIO_API_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM for the workers. */
  twilio: TwilioAccount & { apiUrl: string };
  /** A subscription a browser would hold, endpoint on this stand-in. */
  createPushSubscription(): TestPushSubscription;
  /** From now on the endpoint answers 410 Gone, as a push service does for an expired subscription. */
  expirePushSubscription(id: string): void;
  pushes(subscriptionId?: string): RecordedPush[];
  sms(to?: string): RecordedSms[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024;

/**
 * Local stand-ins for the two outbound channels the workers speak to, on one port:
 * - a Web Push service: POST /push/:id takes what `web-push` sends, checks the VAPID JWT,
 *   DECRYPTS the aes128gcm body with the test subscription's private keys and records the text;
 *   404 for an unknown subscription, 410 for an expired one (the workers must drop it);
 * - Twilio's Messages API: POST /2010-04-01/Accounts/{sid}/Messages.json with basic auth and a
 *   form body, answered in Twilio's JSON shape and recorded.
 * GET /__dev/sms and /__dev/push list what was recorded (newest first) for the dev pages and tests;
 * POST /__dev/push/subscriptions makes a subscription.
 */
export async function startChannelStandIns(
  opts: { port?: number; host?: string; twilio?: Partial<TwilioAccount>; log?: (line: string) => void } = {},
): Promise<ChannelStandIns> {
  const log = opts.log ?? (() => {});
  const twilio: TwilioAccount = {
    accountSid: opts.twilio?.accountSid ?? `AC${randomBytes(16).toString("hex")}`,
    authToken: opts.twilio?.authToken ?? randomBytes(16).toString("hex"),
    from: opts.twilio?.from ?? "+15005550006",
  };
  const subscriptions = new Map<string, { keys: TestSubscriptionKeys; expired: boolean }>();
  const pushes: RecordedPush[] = [];
  const texts: RecordedSms[] = [];
  let url = "";

  const createPushSubscription = (): TestPushSubscription => {
    const id = randomUUID();
    const keys = createSubscriptionKeys();
    subscriptions.set(id, { keys, expired: false });
    return { id, endpoint: `${url}/push/${id}`, keys: { p256dh: keys.p256dh, auth: keys.auth } };
  };

  async function receivePush(id: string, req: IncomingMessage, body: Buffer): Promise<[number, unknown]> {
    const subscription = subscriptions.get(id);
    if (!subscription) return [404, { reason: "NotFound" }];
    if (subscription.expired) return [410, { reason: "Gone" }];
    const refused = await verifyVapid(req.headers.authorization ?? null, url);
    if (refused) return [403, { reason: refused }];
    if (req.headers["content-encoding"] !== "aes128gcm")
      return [415, { reason: "Content-Encoding must be aes128gcm" }];
    const payload = decryptPushPayload(body, subscription.keys);
    const ttl = Number(req.headers.ttl);
    const recorded: RecordedPush = {
      id: randomUUID(),
      subscriptionId: id,
      payload,
      ttl: Number.isFinite(ttl) ? ttl : null,
      urgency: (req.headers.urgency as string | undefined) ?? null,
      receivedAt: new Date().toISOString(),
    };
    pushes.unshift(recorded);
    log(`push to ${id}: ${payload.slice(0, 80)}`);
    return [201, { id: recorded.id }];
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", "http://stand-in");
    const body = await readBody(req, MAX_BODY_BYTES, () => new Error("request body too large"));
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" });
      res.end(JSON.stringify(json));
    };
    const push = /^\/push\/([0-9a-f-]{36})$/.exec(path.pathname);
    if (req.method === "POST" && push?.[1]) return reply(...(await receivePush(push[1], req, body)));
    const sms = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path.pathname);
    if (req.method === "POST" && sms?.[1]) {
      const [status, json, recorded] = handleTwilioMessage(
        twilio,
        decodeURIComponent(sms[1]),
        req.headers.authorization,
        body.toString("utf8"),
        req.headers["content-type"],
      );
      if (recorded) {
        texts.unshift(recorded);
        log(`sms to ${recorded.to}: ${recorded.body.slice(0, 80)}`);
      }
      return reply(status, json);
    }
    if (req.method === "GET" && path.pathname === "/__dev/sms") return reply(200, texts);
    if (req.method === "GET" && path.pathname === "/__dev/push") return reply(200, pushes);
    if (req.method === "POST" && path.pathname === "/__dev/push/subscriptions")
      return reply(201, createPushSubscription());
    return reply(404, { message: "Not Found" });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log(`${req.method} ${req.url} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: error instanceof Error ? error.message : String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? "127.0.0.1";
  url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  log(`push and SMS stand-ins listening on ${url}`);

  return {
    url,
    twilio: { ...twilio, apiUrl: url },
    createPushSubscription,
    expirePushSubscription(id) {
      const subscription = subscriptions.get(id);
      if (subscription) subscription.expired = true;
    },
    pushes: (subscriptionId) => pushes.filter((p) => !subscriptionId || p.subscriptionId === subscriptionId),
    sms: (to) => texts.filter((t) => !to || t.to === to),
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export type { RecordedSms, TwilioAccount } from "./twilio.ts";
