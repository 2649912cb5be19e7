import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert.tsx";
import { Card } from "@/components/ui/card.tsx";
import { webEnv } from "@/lib/env.ts";
import { formatWhen } from "@/lib/format.ts";

export const metadata: Metadata = { title: "Dev SMS" };

type RecordedSms = { sid: string; to: string; from: string; body: string; receivedAt: string };

/** Texts the workers sent through Twilio's API to the local stand-in, newest first. */
async function loadTexts(base: string): Promise<RecordedSms[] | null> {
  try {
    const response = await fetch(`${base}/__dev/sms`, { cache: "no-store" });
    return response.ok ? ((await response.json()) as RecordedSms[]) : null;
  } catch {
    return null;
  }
}

export default async function DevSmsPage() {
  const { devChannelsUrl } = webEnv();
  const texts = devChannelsUrl ? await loadTexts(devChannelsUrl) : null;
  return (
    <>
      <header className="page-header">
        <h1>Dev SMS</h1>
        <p>
          Text messages the workers sent to the local Twilio stand-in. Only in development; e-mail is in the{" "}
          <Link href="/dev/mailbox">dev mailbox</Link>.
        </p>
      </header>
      <Card>
        {!devChannelsUrl && <Alert tone="warning">No SMS stand-in: start the stack with bun run dev.</Alert>}
        {devChannelsUrl && texts === null && <Alert tone="error">The SMS stand-in did not answer.</Alert>}
        {texts && texts.length === 0 && (
          <p className="muted">No texts yet. Reload after something is sent.</p>
        )}
        {texts && texts.length > 0 && (
          <ul className="list" aria-label="Text messages">
            {texts.map((t) => (
              <li key={t.sid} className="list__item">
                <div style={{ minWidth: 0 }}>
                  <strong>to {t.to}</strong>
                  <div style={{ overflowWrap: "anywhere" }}>{t.body}</div>
                  <div className="muted" style={{ fontSize: "0.875rem" }}>
                    from {t.from} · {formatWhen(t.receivedAt)}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
