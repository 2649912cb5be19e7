"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

type PushState = "unsupported" | "off" | "on" | "denied";

/** base64url → the bytes PushManager.subscribe wants as its applicationServerKey. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Registers /sw.js and subscribes this browser to push with the server's VAPID key. */
export function PushOptIn() {
  const trpc = useTRPC();
  const vapid = useQuery(trpc.notifications.vapidPublicKey.queryOptions());
  const [state, setState] = useState<PushState>("off");
  const [problem, setProblem] = useState<string | null>(null);
  const subscribe = useMutation(trpc.notifications.subscribePush.mutationOptions());
  const unsubscribe = useMutation(trpc.notifications.unsubscribePush.mutationOptions());

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("PushManager" in window)) return setState("unsupported");
    if (Notification.permission === "denied") return setState("denied");
    void navigator.serviceWorker.getRegistration("/sw.js").then(async (registration) => {
      const existing = await registration?.pushManager.getSubscription();
      if (existing) setState("on");
    });
  }, []);

  async function turnOn() {
    setProblem(null);
    try {
      if (!vapid.data?.publicKey) throw new Error("Push is not available on this server.");
      const permission = await Notification.requestPermission();
      if (permission !== "granted") return setState(permission === "denied" ? "denied" : "off");
      const registration = await navigator.serviceWorker.register("/sw.js");
      await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(vapid.data.publicKey),
      });
      const json = subscription.toJSON();
      await subscribe.mutateAsync({
        endpoint: subscription.endpoint,
        keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
      });
      setState("on");
    } catch (error) {
      setProblem(error instanceof Error ? error.message : errorMessage(error));
    }
  }

  async function turnOff() {
    setProblem(null);
    const registration = await navigator.serviceWorker.getRegistration("/sw.js");
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      await unsubscribe.mutateAsync({ endpoint: subscription.endpoint }).catch(() => undefined);
      await subscription.unsubscribe();
    }
    setState("off");
  }

  return (
    <Card
      title="Push on this device"
      description="Get messages and booking updates as notifications, even with HomeTrip closed."
    >
      <div className="stack">
        {problem && <Alert tone="error">{problem}</Alert>}
        {state === "unsupported" && (
          <p className="muted">This browser does not support push notifications.</p>
        )}
        {state === "denied" && (
          <p className="muted">Notifications are blocked for this site in your browser settings.</p>
        )}
        {state === "off" && (
          <div>
            <Button
              onClick={turnOn}
              pending={subscribe.isPending}
              disabled={vapid.isPending || !vapid.data?.publicKey}
            >
              Turn on push
            </Button>
            {vapid.data && !vapid.data.publicKey && (
              <p className="muted">Push is not configured on this server.</p>
            )}
          </div>
        )}
        {state === "on" && (
          <div className="row" style={{ gap: "0.75rem", alignItems: "center" }}>
            <span className="badge badge--success">On for this device</span>
            <Button variant="secondary" size="small" onClick={turnOff} pending={unsubscribe.isPending}>
              Turn off
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}
