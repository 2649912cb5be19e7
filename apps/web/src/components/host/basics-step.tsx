"use client";
import { useState } from "react";
import { TextAreaField, TextField } from "@/components/ui/field.tsx";
import { SelectField } from "@/components/ui/select-field.tsx";
import { type PropertyType, propertyTypeOptions } from "@/lib/listing-options.ts";
import { listingFormErrors, mergeErrors } from "./listing-form.ts";
import { StepForm } from "./step-form.tsx";
import { type HostListing, useListingUpdate } from "./use-listing.ts";

const labels = { title: "Title", description: "Description", propertyType: "Property type" };

export function BasicsStep({ listing }: { listing: HostListing }) {
  const update = useListingUpdate(listing.id);
  const [title, setTitle] = useState(listing.title);
  const [description, setDescription] = useState(listing.description);
  const [propertyType, setPropertyType] = useState<PropertyType>(listing.propertyType);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = mergeErrors(local, listingFormErrors(update.error, labels));

  function save() {
    const problems: Record<string, string> = {};
    if (title.trim() === "") problems.title = "Give your listing a title.";
    setLocal(problems);
    if (Object.keys(problems).length > 0) return update.reset();
    update.mutate({ id: listing.id, changes: { title, description, propertyType } });
  }

  return (
    <StepForm
      step="basics"
      description="What guests see first in search results and at the top of your listing."
      errors={errors}
      saved={update.isSuccess}
      pending={update.isPending}
      onSubmit={save}
    >
      <TextField
        label="Title"
        name="title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={120}
        hint="Up to 120 characters, e.g. “Sunny loft by the river”."
        error={errors.fields.title}
      />
      <TextAreaField
        label="Description"
        name="description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        rows={6}
        maxLength={5000}
        hint="The space, the neighbourhood, what makes a stay here good."
        error={errors.fields.description}
      />
      <SelectField
        label="Property type"
        name="propertyType"
        value={propertyType}
        onChange={(e) => setPropertyType(e.target.value as PropertyType)}
        options={propertyTypeOptions}
        error={errors.fields.propertyType}
      />
    </StepForm>
  );
}
