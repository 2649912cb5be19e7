"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage, formErrorsFrom } from "@/lib/api-errors.ts";
import { formatWhen } from "@/lib/format.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { apiKeyScopes, isApiKeyScope } from "./api-key-scopes.ts";

export function ApiKeysCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  const errors = formErrorsFrom(create.error, { name: "Name", scopes: "Permissions" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "").trim();
    const scopes = data.getAll("scopes").map(String).filter(isApiKeyScope);
    create.mutate({ name, scopes }, { onSuccess: () => form.reset() });
  }

  return (
    <Card
      title="API keys"
      description="Let a partner app act for you with limited permissions. Keys are shown once."
    >
      <div className="stack">
        {create.data && (
          <Alert tone="warning" title="Copy your new key now">
            <p>This is the only time it is shown. Store it somewhere safe.</p>
            <code className="secret" data-testid="new-api-key">
              {create.data.key}
            </code>
          </Alert>
        )}
        {keys.isPending && <LoadingBlock label="Loading keys…" />}
        {keys.isError && <Alert tone="error">{errorMessage(keys.error)}</Alert>}
        {revoke.isError && <Alert tone="error">{errorMessage(revoke.error)}</Alert>}
        {keys.data && keys.data.length === 0 && <p className="muted">You have no API keys.</p>}
        {keys.data && keys.data.length > 0 && (
          <ul className="list" aria-label="API keys">
            {keys.data.map((k) => (
              <li key={k.id} className="list__item">
                <div>
                  <div>
                    <strong>{k.name}</strong> <code>{k.prefix}…</code>
                  </div>
                  <div className="muted" style={{ fontSize: "0.875rem" }}>
                    {k.scopes.join(", ") || "no scopes"} · created {formatWhen(k.createdAt)}
                    {k.lastUsedAt ? ` · last used ${formatWhen(k.lastUsedAt)}` : " · never used"}
                  </div>
                </div>
                <Button
                  variant="danger"
                  size="small"
                  pending={revoke.isPending && revoke.variables?.id === k.id}
                  onClick={() => revoke.mutate({ id: k.id })}
                  aria-label={`Revoke ${k.name}`}
                >
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form method="post" className="stack" onSubmit={onSubmit} noValidate>
          <h3>Create a key</h3>
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <TextField
            label="Name"
            name="name"
            placeholder="e.g. Channel manager"
            required
            error={errors.fields.name}
          />
          <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0, gap: "0.5rem" }}>
            <legend className="field__label" style={{ marginBottom: "0.35rem" }}>
              Permissions
            </legend>
            {apiKeyScopes.map((s) => (
              <label key={s.id} className="checkbox">
                <input type="checkbox" name="scopes" value={s.id} defaultChecked={s.id === "profile:read"} />
                <span>
                  {s.label} <code className="muted">{s.id}</code>
                </span>
              </label>
            ))}
            {errors.fields.scopes && <span className="field__error">{errors.fields.scopes}</span>}
          </fieldset>
          <div>
            <Button type="submit" pending={create.isPending}>
              Create key
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
