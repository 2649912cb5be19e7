"use client";
import type { RouterOutputs } from "@hometrip/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { CopyField } from "@/components/ui/copy-field.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { Spinner } from "@/components/ui/spinner.tsx";
import { errorMessage, formErrorsFrom } from "@/lib/api-errors.ts";
import { formatWhen } from "@/lib/format.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { feedRemovedMessage } from "./calendar-blocks.ts";
import { feedDisplayUrl } from "./feed-display-url.ts";

type Feed = RouterOutputs["calendar"]["icalImports"][number];

/**
 * Syncing with other platforms: the export link they subscribe to (nights booked or blocked here
 * show as busy there), and their feeds imported here as blocks, refreshed every half hour.
 * Removing a feed frees every night it blocked, so the host confirms it first.
 */
export function IcalCard({ listingId }: { listingId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const exportUrl = useQuery(trpc.calendar.icalExportUrl.queryOptions({ listingId }));
  const feeds = useQuery({
    ...trpc.calendar.icalImports.queryOptions({ listingId }),
    // A new feed syncs within moments: look again until its first outcome is in (for 2 minutes).
    refetchInterval: (query) => ((query.state.data ?? []).some(awaitingFirstSync) ? 5_000 : false),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.calendar.icalImports.queryKey({ listingId }) });
    // Imported events become blocks: the month view changes too.
    void queryClient.invalidateQueries({ queryKey: trpc.calendar.range.pathKey() });
  };
  // A sync that brought events in changed the month view's blocked nights too.
  const synced = (feeds.data ?? []).map((f) => `${f.id}:${f.lastSyncedAt}`).join();
  useEffect(() => {
    if (synced) void queryClient.invalidateQueries({ queryKey: trpc.calendar.range.pathKey() });
  }, [synced, queryClient, trpc]);
  const add = useMutation(trpc.calendar.addIcalImport.mutationOptions({ onSuccess: refresh }));
  /** The feed whose removal waits for the host to confirm it. */
  const [confirming, setConfirming] = useState<string | null>(null);
  // The question replaces the Remove button under the keyboard; focus the safe answer.
  const keepButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);
  const remove = useMutation(
    trpc.calendar.removeIcalImport.mutationOptions({
      onSuccess: refresh,
      onSettled: () => setConfirming(null),
    }),
  );
  const [url, setUrl] = useState("");
  const errors = formErrorsFrom(add.error, { url: "Calendar URL" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate({ listingId, url: url.trim() }, { onSuccess: () => setUrl("") });
  }

  return (
    <Card title="Sync with other calendars" headingLevel={3}>
      <div className="stack">
        {exportUrl.data ? (
          <CopyField
            label="Export link (iCal)"
            value={exportUrl.data.url}
            hint="Paste it into other platforms so they see the nights booked or blocked here. Keep it private."
          />
        ) : exportUrl.isError ? (
          <Alert tone="error">{errorMessage(exportUrl.error)}</Alert>
        ) : (
          <Spinner label="Loading the export link" />
        )}

        <h4 className="host-subheading">Imported calendars</h4>
        {feeds.isError && <Alert tone="error">{errorMessage(feeds.error)}</Alert>}
        {remove.isError && <Alert tone="error">{errorMessage(remove.error)}</Alert>}
        {remove.isSuccess && <Alert tone="success">{feedRemovedMessage(remove.data)}</Alert>}
        {feeds.data && feeds.data.length === 0 && <p className="muted">No calendars imported yet.</p>}
        {feeds.data && feeds.data.length > 0 && (
          <ul className="list" aria-label="Imported calendars">
            {feeds.data.map((feed) => (
              <li key={feed.id} className="list__item">
                <div className="host-feed">
                  <span className="mono host-feed__url">{feedDisplayUrl(feed.url)}</span>
                  <FeedStatus status={feed} />
                </div>
                {confirming === feed.url ? (
                  <div className="stack">
                    <p>Remove this calendar? Every night it blocked here is freed for guests to book.</p>
                    <div className="row">
                      <Button
                        variant="danger"
                        size="small"
                        pending={remove.isPending}
                        onClick={() => remove.mutate({ listingId, url: feed.url })}
                      >
                        Remove and free its nights
                      </Button>
                      <Button
                        ref={keepButton}
                        variant="ghost"
                        size="small"
                        disabled={remove.isPending}
                        onClick={() => setConfirming(null)}
                      >
                        Keep it
                      </Button>
                    </div>
                  </div>
                ) : (
                  <Button
                    variant="danger"
                    size="small"
                    aria-label={`Remove ${feedDisplayUrl(feed.url)}`}
                    disabled={remove.isPending}
                    onClick={() => {
                      add.reset();
                      remove.reset();
                      setConfirming(feed.url);
                    }}
                  >
                    Remove
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        <form method="post" className="host-inline-add" onSubmit={onSubmit} noValidate>
          <TextField
            label="Calendar URL"
            name="icalUrl"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://…/calendar.ics"
            hint="The iCal export link of another platform. Its events block nights here."
            error={errors.fields.url}
          />
          <Button type="submit" variant="secondary" pending={add.isPending}>
            Import calendar
          </Button>
        </form>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        {add.isSuccess && (
          <Alert tone="success">Calendar added. Its events appear as blocked nights once synced.</Alert>
        )}
      </div>
    </Card>
  );
}

/** A feed added in the last two minutes whose first sync has not reported yet. */
const awaitingFirstSync = (feed: Feed) =>
  feed.lastSyncedAt === null && feed.lastError === null && Date.now() - Date.parse(feed.createdAt) < 120_000;

function FeedStatus({ status }: { status: Feed }) {
  if (status.lastError) {
    return (
      <span className="field__error" data-testid="feed-status">
        Last sync failed{status.lastSyncedAt ? ` (${formatWhen(status.lastSyncedAt)})` : ""}:{" "}
        {status.lastError}
      </span>
    );
  }
  if (status.lastSyncedAt) {
    const events = status.lastEventCount ?? 0;
    return (
      <span className="muted" data-testid="feed-status">
        Synced {formatWhen(status.lastSyncedAt)} · {events} {events === 1 ? "event" : "events"}
      </span>
    );
  }
  return (
    <span className="muted" data-testid="feed-status">
      Waiting for the first sync…
    </span>
  );
}
