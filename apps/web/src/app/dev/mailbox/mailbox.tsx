"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatWhen } from "@/lib/format.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

export function Mailbox({ to }: { to: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  // Mail arrives a moment after the request that caused it (event → broker → worker): keep looking.
  const mails = useQuery({ ...trpc.devMailbox.list.queryOptions(to ? { to } : {}), refetchInterval: 2000 });

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("to") ?? "").trim();
    router.push(value ? `/dev/mailbox?to=${encodeURIComponent(value)}` : "/dev/mailbox");
  }

  return (
    <Card>
      <form
        method="get"
        action="/dev/mailbox"
        className="row"
        onSubmit={onFilter}
        style={{ alignItems: "flex-end", marginBottom: "1rem" }}
      >
        <div style={{ flex: 1, minWidth: 220 }}>
          <TextField
            label="Recipient"
            name="to"
            type="email"
            defaultValue={to ?? ""}
            placeholder="Everyone"
          />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {mails.isPending && <LoadingBlock label="Loading mail…" />}
      {mails.isError && <Alert tone="error">{errorMessage(mails.error)}</Alert>}
      {mails.data && mails.data.length === 0 && (
        <p className="muted">No mail yet. It appears here within seconds.</p>
      )}
      {mails.data && mails.data.length > 0 && (
        <ul className="list" aria-label="Messages">
          {mails.data.map((m) => (
            <li key={m.id} className="list__item">
              <div>
                <Link href={`/dev/mailbox/${m.id}`}>
                  <strong>{m.subject}</strong>
                </Link>
                <div className="muted" style={{ fontSize: "0.875rem" }}>
                  to {m.to} · {formatWhen(m.createdAt)}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
