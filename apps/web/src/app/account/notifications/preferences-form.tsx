"use client";
import {
  isLockedOn,
  type NotificationCategory,
  type NotificationChannel,
  notificationCategories,
  notificationChannels,
} from "@hometrip/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { CheckboxField } from "@/components/ui/checkbox-field.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { SelectField } from "@/components/ui/select-field.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { PhoneVerification } from "./phone-verification.tsx";
import { categoryLabels, channelLabels } from "./preference-labels.ts";
import "@/components/notifications/notifications.css";

export function PreferencesForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notifications.getPreferences.queryOptions());
  const save = useMutation(
    trpc.notifications.updatePreferences.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.notifications.getPreferences.queryKey(), data),
    }),
  );
  const zones = useMemo(() => {
    const names = Intl.supportedValuesOf("timeZone");
    // Some engines leave UTC (the default until a member picks a zone) out of the list.
    return (names.includes("UTC") ? names : ["UTC", ...names]).map((z) => ({
      value: z,
      label: z.replaceAll("_", " "),
    }));
  }, []);

  // The box changes at once; the answer (or, after an error, a refetch) settles it.
  function onToggle(category: NotificationCategory, channel: NotificationChannel, enabled: boolean) {
    const key = trpc.notifications.getPreferences.queryKey();
    queryClient.setQueryData(key, (old) =>
      old
        ? {
            ...old,
            categories: {
              ...old.categories,
              [category]: { ...old.categories[category], [channel]: enabled },
            },
          }
        : old,
    );
    save.mutate(
      { categories: { [category]: { [channel]: enabled } } },
      { onError: () => queryClient.invalidateQueries({ queryKey: key }) },
    );
  }

  function onSaveSettings(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const quiet = form.get("quietOn") === "on";
    const phone = String(form.get("phone") ?? "").replace(/[\s()-]/g, "");
    save.mutate({
      timeZone: String(form.get("timeZone")),
      quietHours: quiet ? { start: String(form.get("quietStart")), end: String(form.get("quietEnd")) } : null,
      phone: phone || null,
    });
  }

  if (prefs.isPending) return <LoadingBlock label="Loading your settings…" />;
  if (prefs.isError) return <Alert tone="error">{errorMessage(prefs.error)}</Alert>;
  const p = prefs.data;
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <>
      <Card title="What we tell you, and where" description="Changes are saved as you make them.">
        {save.isError && <Alert tone="error">{errorMessage(save.error)}</Alert>}
        <div style={{ overflowX: "auto" }}>
          <table className="prefs-table">
            <thead>
              <tr>
                <th scope="col">Category</th>
                {notificationChannels.map((c) => (
                  <th scope="col" key={c}>
                    {channelLabels[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {notificationCategories.map((category) => (
                <tr key={category}>
                  <th scope="row" style={{ fontWeight: 500 }}>
                    {categoryLabels[category].label}
                    <div className="muted" style={{ fontSize: "0.8125rem", fontWeight: 400 }}>
                      {categoryLabels[category].hint}
                    </div>
                  </th>
                  {notificationChannels.map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-label={`${categoryLabels[category].label}: ${channelLabels[channel]}`}
                        checked={p.categories[category][channel]}
                        disabled={isLockedOn(category, channel)}
                        onChange={(e) => onToggle(category, channel, e.currentTarget.checked)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!p.phone && <p className="muted">SMS needs a phone number below.</p>}
        {p.phone && !p.phoneVerified && (
          <p className="muted">No texts are sent until you verify your number below.</p>
        )}
      </Card>
      <Card
        title="Quiet hours and phone"
        description="During quiet hours e-mail, push and SMS wait until the morning; nothing is lost."
      >
        <form className="stack" onSubmit={onSaveSettings}>
          <SelectField
            label="Your time zone"
            name="timeZone"
            defaultValue={p.timeZone === "UTC" ? browserZone : p.timeZone}
            options={zones}
          />
          <CheckboxField label="Keep quiet at night" name="quietOn" defaultChecked={Boolean(p.quietHours)} />
          <div className="row" style={{ gap: "1rem", flexWrap: "wrap" }}>
            <TextField
              label="From"
              name="quietStart"
              type="time"
              defaultValue={p.quietHours?.start ?? "22:00"}
            />
            <TextField
              label="Until"
              name="quietEnd"
              type="time"
              defaultValue={p.quietHours?.end ?? "07:00"}
            />
          </div>
          <TextField
            label="Mobile number for SMS"
            name="phone"
            type="tel"
            autoComplete="tel"
            placeholder="+14155550123"
            hint="International format, starting with +. A new number must be verified again."
            defaultValue={p.phone ?? ""}
          />
          {save.isSuccess && <Alert tone="success">Saved.</Alert>}
          <div>
            <Button type="submit" pending={save.isPending}>
              Save
            </Button>
          </div>
        </form>
        {p.phone && <PhoneVerification key={p.phone} phone={p.phone} verified={p.phoneVerified} />}
      </Card>
    </>
  );
}
