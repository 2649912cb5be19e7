import type { RouterOutputs } from "@hometrip/api";
import { cache } from "react";
import { apiErrorCode } from "@/lib/api-errors.ts";
import { serverApi } from "@/lib/session.ts";

export type ListingView = RouterOutputs["listings"]["get"];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The listing as this visitor may see it (published ones to everyone, drafts to their host), or
 * null when there is nothing to show: unknown, unpublished, or not an id at all. One API call per
 * request for the page and its metadata together.
 */
export const loadListing = cache(async (id: string): Promise<ListingView | null> => {
  if (!uuid.test(id)) return null;
  try {
    return await (await serverApi()).listings.get.query({ id });
  } catch (error) {
    if (apiErrorCode(error) === "NOT_FOUND") return null;
    throw error;
  }
});
