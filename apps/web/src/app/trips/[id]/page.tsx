import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TripDetail } from "@/components/booking/trip-detail.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { requireUser } from "@/lib/session.ts";

export const metadata: Metadata = { title: "Your trip" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function TripPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  if (!uuid.test(id)) notFound();
  const booked = (await searchParams).booked === "1";
  await requireUser(`/trips/${id}`);
  return (
    <>
      <p>
        <ButtonLink href="/trips" variant="ghost" size="small">
          ← All trips
        </ButtonLink>
      </p>
      <TripDetail bookingId={id} justBooked={booked} />
    </>
  );
}
