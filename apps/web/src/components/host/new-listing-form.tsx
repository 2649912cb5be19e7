"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { SelectField } from "@/components/ui/select-field.tsx";
import { formErrorsFrom } from "@/lib/api-errors.ts";
import { type PropertyType, propertyTypeOptions } from "@/lib/listing-options.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

const labels = { title: "Title", propertyType: "Property type" };

/** listings.create makes a private draft from a title and a type; the editor takes it from there. */
export function NewListingForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [propertyType, setPropertyType] = useState<PropertyType>("apartment");
  const create = useMutation(
    trpc.listings.create.mutationOptions({
      onSuccess: (listing) => router.push(`/host/listings/${listing.id}?step=basics`),
    }),
  );
  const errors = formErrorsFrom(create.error, labels);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ title: title.trim(), propertyType });
  }

  return (
    <Card
      title="Create a listing"
      headingLevel={1}
      description="Start with a title; you can change everything later."
    >
      <form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <TextField
          label="Title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={120}
          hint="e.g. “Sunny loft by the river”"
          error={errors.fields.title}
        />
        <SelectField
          label="Property type"
          name="propertyType"
          value={propertyType}
          onChange={(e) => setPropertyType(e.target.value as PropertyType)}
          options={propertyTypeOptions}
          error={errors.fields.propertyType}
        />
        <div>
          <Button type="submit" pending={create.isPending || create.isSuccess}>
            Create listing
          </Button>
        </div>
      </form>
    </Card>
  );
}
