import type { WorkersEnv } from "@hometrip/config";
import { createEmailTransport, type EmailTransport } from "@hometrip/core";

/** What the mail handlers need: where links point, and how a mail leaves. */
export interface MailDeps {
  /** Origin of the web app; mail links are `${appUrl}/verify-email?token=…` and the like. */
  appUrl: string;
  transport: EmailTransport;
}

type MailEnv = Pick<
  WorkersEnv,
  "APP_URL" | "EMAIL_TRANSPORT" | "EMAIL_FROM" | "RESEND_API_KEY" | "RESEND_API_URL"
>;

export function createMailDeps(env: MailEnv): MailDeps {
  const from = env.EMAIL_FROM;
  if (env.EMAIL_TRANSPORT === "dev")
    return { appUrl: env.APP_URL, transport: createEmailTransport({ kind: "dev", from }) };
  // parseWorkersEnv already refuses EMAIL_TRANSPORT=resend without a key; this keeps that promise local.
  if (!env.RESEND_API_KEY) throw new Error("RESEND_API_KEY is required when EMAIL_TRANSPORT=resend");
  return {
    appUrl: env.APP_URL,
    transport: createEmailTransport({
      kind: "resend",
      from,
      apiUrl: env.RESEND_API_URL,
      apiKey: env.RESEND_API_KEY,
    }),
  };
}

/** `${appUrl}${path}` with the token as the only query parameter; tolerant of a trailing slash. */
export function appLink(appUrl: string, path: string, token?: string): string {
  const base = `${appUrl.replace(/\/+$/, "")}${path}`;
  return token === undefined ? base : `${base}?token=${encodeURIComponent(token)}`;
}
