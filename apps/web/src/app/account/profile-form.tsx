"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextAreaField, TextField } from "@/components/ui/field.tsx";
import { formErrorsFrom } from "@/lib/api-errors.ts";
import { formValues } from "@/lib/forms.ts";
import type { SessionUser } from "@/lib/session.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

const fields = ["displayName", "bio", "languages", "phone"] as const;
const labels = { displayName: "Name", bio: "About you", languages: "Languages", phone: "Phone" };

export function ProfileForm({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.users.updateProfile.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.users.me.queryKey() });
        router.refresh();
      },
    }),
  );
  const errors = formErrorsFrom(update.error, labels);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget, fields);
    update.mutate({
      displayName: v.displayName,
      bio: v.bio,
      languages: v.languages
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
      phone: v.phone === "" ? null : v.phone,
    });
  }

  return (
    <Card title="Profile">
      <form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        {update.isSuccess && <Alert tone="success">Your profile is saved.</Alert>}
        <TextField
          label="Name"
          name="displayName"
          defaultValue={user.displayName}
          required
          error={errors.fields.displayName}
        />
        <TextAreaField
          label="About you"
          name="bio"
          defaultValue={user.bio}
          hint="Shown on your public profile."
          error={errors.fields.bio}
        />
        <TextField
          label="Languages you speak"
          name="languages"
          defaultValue={user.languages.join(", ")}
          hint="Two-letter language codes separated by commas, e.g. en, es, fr"
          error={errors.fields.languages}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={user.phone ?? ""}
          hint="Only shared with hosts and guests you have a booking with."
          error={errors.fields.phone}
        />
        <div>
          <Button type="submit" pending={update.isPending}>
            Save profile
          </Button>
        </div>
      </form>
    </Card>
  );
}
