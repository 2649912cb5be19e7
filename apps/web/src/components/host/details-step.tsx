"use client";
import { useState } from "react";
import { TextAreaField, TextField } from "@/components/ui/field.tsx";
import { SelectField } from "@/components/ui/select-field.tsx";
import { type CancellationPolicy, cancellationPolicies } from "@/lib/listing-options.ts";
import { AmenitiesField } from "./amenities-field.tsx";
import { listingFormErrors, mergeErrors, parseBaths, parseWholeNumber } from "./listing-form.ts";
import { StepForm } from "./step-form.tsx";
import { type HostListing, useListingUpdate } from "./use-listing.ts";

const labels = {
  capacity: "Guests",
  bedrooms: "Bedrooms",
  beds: "Beds",
  baths: "Bathrooms",
  amenities: "Amenities",
  houseRules: "House rules",
  checkInTime: "Check-in from",
  checkOutTime: "Check-out by",
  cancellationPolicy: "Cancellation policy",
};

const MAX_AMENITIES = 60;

export function DetailsStep({ listing }: { listing: HostListing }) {
  const update = useListingUpdate(listing.id);
  const [counts, setCounts] = useState({
    capacity: String(listing.capacity),
    bedrooms: String(listing.bedrooms),
    beds: String(listing.beds),
    baths: String(listing.baths),
  });
  const [amenities, setAmenities] = useState<string[]>(listing.amenities);
  const [houseRules, setHouseRules] = useState(listing.houseRules);
  const [checkInTime, setCheckInTime] = useState(listing.checkInTime);
  const [checkOutTime, setCheckOutTime] = useState(listing.checkOutTime);
  const [policy, setPolicy] = useState<CancellationPolicy>(listing.cancellationPolicy);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = mergeErrors(local, listingFormErrors(update.error, labels));
  const setCount = (name: keyof typeof counts) => (e: { target: { value: string } }) =>
    setCounts((c) => ({ ...c, [name]: e.target.value }));

  function save() {
    const parsed = {
      capacity: parseWholeNumber(counts.capacity, 1, 50),
      bedrooms: parseWholeNumber(counts.bedrooms, 0, 50),
      beds: parseWholeNumber(counts.beds, 0, 100),
      baths: parseBaths(counts.baths),
    };
    const problems: Record<string, string> = {};
    for (const [name, result] of Object.entries(parsed)) if (!result.ok) problems[name] = result.message;
    if (amenities.length > MAX_AMENITIES) problems.amenities = `Choose at most ${MAX_AMENITIES} amenities.`;
    setLocal(problems);
    if (
      !parsed.capacity.ok ||
      !parsed.bedrooms.ok ||
      !parsed.beds.ok ||
      !parsed.baths.ok ||
      problems.amenities
    ) {
      return update.reset();
    }
    update.mutate({
      id: listing.id,
      changes: {
        capacity: parsed.capacity.value,
        bedrooms: parsed.bedrooms.value,
        beds: parsed.beds.value,
        baths: parsed.baths.value,
        amenities,
        houseRules,
        checkInTime,
        checkOutTime,
        cancellationPolicy: policy,
      },
    });
  }

  return (
    <StepForm
      step="details"
      description="How many people the home sleeps, what it offers, and the rules of the house."
      errors={errors}
      saved={update.isSuccess}
      pending={update.isPending}
      onSubmit={save}
    >
      <div className="host-grid host-grid--4">
        <TextField
          label="Guests"
          name="capacity"
          type="number"
          min={1}
          max={50}
          value={counts.capacity}
          onChange={setCount("capacity")}
          error={errors.fields.capacity}
        />
        <TextField
          label="Bedrooms"
          name="bedrooms"
          type="number"
          min={0}
          max={50}
          value={counts.bedrooms}
          onChange={setCount("bedrooms")}
          error={errors.fields.bedrooms}
        />
        <TextField
          label="Beds"
          name="beds"
          type="number"
          min={0}
          max={100}
          value={counts.beds}
          onChange={setCount("beds")}
          error={errors.fields.beds}
        />
        <TextField
          label="Bathrooms"
          name="baths"
          type="number"
          min={0}
          max={50}
          step={0.5}
          value={counts.baths}
          onChange={setCount("baths")}
          error={errors.fields.baths}
        />
      </div>

      <AmenitiesField amenities={amenities} onChange={setAmenities} error={errors.fields.amenities} />

      <TextAreaField
        label="House rules"
        name="houseRules"
        value={houseRules}
        onChange={(e) => setHouseRules(e.target.value)}
        rows={4}
        maxLength={5000}
        hint="One rule per line, e.g. “No parties or events.”"
        error={errors.fields.houseRules}
      />
      <div className="host-grid">
        <TextField
          label="Check-in from"
          name="checkInTime"
          type="time"
          value={checkInTime}
          onChange={(e) => setCheckInTime(e.target.value)}
          error={errors.fields.checkInTime}
        />
        <TextField
          label="Check-out by"
          name="checkOutTime"
          type="time"
          value={checkOutTime}
          onChange={(e) => setCheckOutTime(e.target.value)}
          error={errors.fields.checkOutTime}
        />
      </div>
      <SelectField
        label="Cancellation policy"
        name="cancellationPolicy"
        value={policy}
        onChange={(e) => setPolicy(e.target.value as CancellationPolicy)}
        options={Object.entries(cancellationPolicies).map(([value, p]) => ({ value, label: p.label }))}
        hint={cancellationPolicies[policy].hint}
        error={errors.fields.cancellationPolicy}
      />
    </StepForm>
  );
}
