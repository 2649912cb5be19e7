import * as z from "zod";
import { url } from "./fields.ts";

/**
 * `kid:secret` pairs, comma-separated. The first signs new access tokens; all of them verify,
 * so a key is rotated by putting a new one first and dropping the old one a token-lifetime later.
 */
export const signingKeys = z.string().transform((value, ctx) => {
  const keys = value
    .split(",")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf(":");
      return { kid: pair.slice(0, at), secret: pair.slice(at + 1) };
    });
  const bad = keys.find((k) => !/^[A-Za-z0-9_-]{1,32}$/.test(k.kid) || k.secret.length < 32);
  if (keys.length === 0 || bad) {
    ctx.addIssue({ code: "custom", message: "must be kid:secret pairs, each secret at least 32 characters" });
    return z.NEVER;
  }
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) {
    ctx.addIssue({ code: "custom", message: "key ids must be unique" });
    return z.NEVER;
  }
  return keys;
});

/** 32 random bytes, base64: the AES-GCM key that encrypts TOTP secrets at rest. */
export const encryptionKey = z.string().refine((v) => {
  try {
    return atob(v).length === 32;
  } catch {
    return false;
  }
}, "must be 32 bytes, base64-encoded");

/** Identity settings of the API Worker (accounts, tokens, 2FA, OAuth). */
export const edgeIdentityShape = {
  /** Origin of the web app: links in mails and OAuth redirects point here. */
  APP_URL: url,
  JWT_SIGNING_KEYS: signingKeys,
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  TOTP_ENCRYPTION_KEY: encryptionKey,
  /** A provider is offered only when its client id is set. Endpoints are settings so tests use a local provider. */
  OAUTH_GOOGLE_CLIENT_ID: z.string().optional(),
  OAUTH_GOOGLE_CLIENT_SECRET: z.string().optional(),
  OAUTH_GOOGLE_ISSUER: url.default("https://accounts.google.com"),
  OAUTH_GITHUB_CLIENT_ID: z.string().optional(),
  OAUTH_GITHUB_CLIENT_SECRET: z.string().optional(),
  OAUTH_GITHUB_AUTHORIZE_URL: url.default("https://github.com/login/oauth/authorize"),
  OAUTH_GITHUB_TOKEN_URL: url.default("https://github.com/login/oauth/access_token"),
  OAUTH_GITHUB_API_URL: url.default("https://api.github.com"),
  /** Signs one-click unsubscribe links; the workers sign with the same key. */
  UNSUBSCRIBE_SIGNING_KEY: z.string().min(32, { message: "must be at least 32 characters" }),
  /** Handed to browsers that subscribe to push (the workers hold the private half). */
  VAPID_PUBLIC_KEY: z.string().min(80).optional(),
};

/** Mail settings of the workers service, which sends every mail from events. */
export const workersEmailShape = {
  /** Origin of the web app, for the links in mails. */
  APP_URL: url,
  /** `dev` stores mails in Postgres for the dev mailbox page; `resend` sends them. */
  EMAIL_TRANSPORT: z.enum(["dev", "resend"]),
  EMAIL_FROM: z.string().min(3).default("HomeTrip <no-reply@hometrip.app>"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_API_URL: url.default("https://api.resend.com"),
  /** Signs one-click unsubscribe links (List-Unsubscribe); edge/api checks them with the same key. */
  UNSUBSCRIBE_SIGNING_KEY: z.string().min(32, { message: "must be at least 32 characters" }),
  /** Public base URL of edge/api, where the unsubscribe links point. */
  API_PUBLIC_URL: url,
};

/** Web Push (VAPID) and SMS (Twilio's Messages API) for the notification workers; unset, the channel is off. */
export const workersChannelShape = {
  VAPID_PUBLIC_KEY: z.string().min(80).optional(),
  VAPID_PRIVATE_KEY: z.string().min(40).optional(),
  /** `mailto:` or https contact the push services may write to about our sends. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/)
    .default("mailto:ops@hometrip.app"),
  TWILIO_API_URL: url.default("https://api.twilio.com"),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/)
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  /** E.164 sender number or a Messaging Service SID. */
  TWILIO_FROM: z.string().min(2).optional(),
};
