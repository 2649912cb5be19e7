export { createTypesenseSearchIndex, type TypesenseIndexOptions } from "./adapter.ts";
export {
  createTypesenseClient,
  dropCollection,
  ensureCollection,
  swapAlias,
  type TypesenseConnection,
} from "./client.ts";
export { countPublished, loadDocumentBatch, loadDocuments } from "./documents.ts";
export { collectionSchema, type ListingDocument } from "./schema.ts";
