"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Card } from "@/components/ui/card.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatWhen } from "@/lib/format.ts";
import { linksIn } from "@/lib/mail-links.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

export function MailMessage({ id }: { id: string }) {
  const trpc = useTRPC();
  const mail = useQuery(trpc.devMailbox.get.queryOptions({ id }));

  if (mail.isPending) return <LoadingBlock label="Opening message…" />;
  if (mail.isError) return <Alert tone="error">{errorMessage(mail.error)}</Alert>;
  const m = mail.data;
  const links = linksIn(m.text);
  return (
    <>
      <p>
        <Link href="/dev/mailbox">← All mail</Link>
      </p>
      <Card title={m.subject} headingLevel={1}>
        <dl
          className="muted"
          style={{ display: "grid", gridTemplateColumns: "auto 1fr", gap: "0.25rem 1rem" }}
        >
          <dt>From</dt>
          <dd style={{ margin: 0 }}>{m.from}</dd>
          <dt>To</dt>
          <dd style={{ margin: 0 }}>{m.to}</dd>
          <dt>Sent</dt>
          <dd style={{ margin: 0 }}>{formatWhen(m.createdAt)}</dd>
          {Object.entries(m.headers).map(([name, value]) => (
            <Fragment key={name}>
              <dt>{name}</dt>
              <dd style={{ margin: 0, overflowWrap: "anywhere" }} className="mono">
                {value}
              </dd>
            </Fragment>
          ))}
        </dl>
        {links.length > 0 && (
          <nav aria-label="Links in this message" style={{ margin: "1rem 0" }}>
            <ul className="list">
              {links.map((href) => (
                <li key={href} className="list__item">
                  <a href={href} className="mono" style={{ wordBreak: "break-all" }}>
                    {href}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <pre style={{ whiteSpace: "pre-wrap", fontFamily: "var(--font-sans)", margin: 0 }}>{m.text}</pre>
        {m.html && (
          <details style={{ marginTop: "1rem" }}>
            <summary>HTML version</summary>
            {/* sandboxed: the mail's markup cannot run scripts or reach this page */}
            <iframe
              title="HTML version of the message"
              sandbox=""
              srcDoc={m.html}
              style={{ width: "100%", minHeight: 360, border: "1px solid var(--border)", borderRadius: 8 }}
            />
          </details>
        )}
      </Card>
    </>
  );
}
