import { randomBytes } from "node:crypto";

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  /** The sender number the account owns. */
  from: string;
}

export interface RecordedSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  receivedAt: string;
}

const e164 = /^\+[1-9]\d{1,14}$/;
const error = (status: number, code: number, message: string): [number, unknown] => [
  status,
  { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
];

/**
 * POST /2010-04-01/Accounts/{sid}/Messages.json as Twilio answers it: basic auth with the account
 * SID and auth token (20003 otherwise), a form body with To, From or MessagingServiceSid and Body
 * (21211 bad To, 21602 no Body, 21604 no sender), 201 with the message resource.
 */
export function handleTwilioMessage(
  account: TwilioAccount,
  sidInPath: string,
  authorization: string | undefined,
  body: string,
  contentType: string | undefined,
): [number, unknown, RecordedSms?] {
  const expected = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`;
  if (authorization !== expected || sidInPath !== account.accountSid) {
    return error(401, 20003, "Authenticate");
  }
  if (!(contentType ?? "").startsWith("application/x-www-form-urlencoded")) {
    return error(400, 20001, "Content-Type must be application/x-www-form-urlencoded");
  }
  const form = new URLSearchParams(body);
  const to = form.get("To") ?? "";
  const from = form.get("From") ?? form.get("MessagingServiceSid") ?? "";
  const text = form.get("Body") ?? "";
  if (!e164.test(to)) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  if (!from) return error(400, 21604, "A 'From' phone number is required.");
  if (!text) return error(400, 21602, "Message body is required.");
  if (text.length > 1600)
    return error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
  const now = new Date();
  const recorded: RecordedSms = {
    sid: `SM${randomBytes(16).toString("hex")}`,
    to,
    from,
    body: text,
    receivedAt: now.toISOString(),
  };
  return [
    201,
    {
      sid: recorded.sid,
      account_sid: account.accountSid,
      to,
      from,
      body: text,
      status: "queued",
      num_segments: String(Math.ceil(text.length / 153) || 1),
      direction: "outbound-api",
      date_created: now.toUTCString(),
      uri: `/2010-04-01/Accounts/${account.accountSid}/Messages/${recorded.sid}.json`,
    },
    recorded,
  ];
}
