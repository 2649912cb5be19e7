import type { Metadata } from "next";
import { NewListingForm } from "@/components/host/new-listing-form.tsx";
import { requireHost } from "../../require-host.ts";

export const metadata: Metadata = { title: "Create a listing" };

export default async function NewListingPage() {
  await requireHost("/host/listings/new");
  return (
    <div className="page page--narrow">
      <NewListingForm />
    </div>
  );
}
