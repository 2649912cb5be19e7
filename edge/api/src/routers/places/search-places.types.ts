import { zSearchPlacesInput, zSearchPlacesOutput } from "@hometrip/contracts";

export const ZSearchPlacesRequestSchema = zSearchPlacesInput;
export const ZSearchPlacesResponseSchema = zSearchPlacesOutput;
