"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { describeDevice, formatWhen } from "@/lib/format.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

export function SessionsCard() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.listSessions.queryOptions());
  const revoke = useMutation(
    trpc.auth.revokeSession.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.listSessions.queryKey() }),
    }),
  );
  const everywhere = useMutation(
    trpc.auth.logOutEverywhere.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        router.push("/login");
        router.refresh();
      },
    }),
  );

  return (
    <Card title="Where you are signed in" description="Sign out of any device you do not recognise.">
      <div className="stack">
        {sessions.isPending && <LoadingBlock label="Loading sessions…" />}
        {sessions.isError && <Alert tone="error">{errorMessage(sessions.error)}</Alert>}
        {revoke.isError && <Alert tone="error">{errorMessage(revoke.error)}</Alert>}
        {sessions.data && (
          <ul className="list" aria-label="Sessions">
            {sessions.data.map((s) => (
              <li key={s.id} className="list__item">
                <div>
                  <div>
                    {describeDevice(s.userAgent)}{" "}
                    {s.current && <span className="badge badge--success">This device</span>}
                  </div>
                  <div className="muted" style={{ fontSize: "0.875rem" }}>
                    {s.ip ? `${s.ip} · ` : ""}signed in {formatWhen(s.createdAt)}
                    {s.lastUsedAt ? ` · last active ${formatWhen(s.lastUsedAt)}` : ""}
                  </div>
                </div>
                {!s.current && (
                  <Button
                    variant="danger"
                    size="small"
                    pending={revoke.isPending && revoke.variables?.sessionId === s.id}
                    onClick={() => revoke.mutate({ sessionId: s.id })}
                  >
                    Sign out
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {everywhere.isError && <Alert tone="error">{errorMessage(everywhere.error)}</Alert>}
        <div>
          <Button variant="danger" pending={everywhere.isPending} onClick={() => everywhere.mutate()}>
            Log out everywhere
          </Button>
        </div>
      </div>
    </Card>
  );
}
