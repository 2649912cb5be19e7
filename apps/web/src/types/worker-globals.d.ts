// The AppRouter type is inferred from edge/api's source, so `tsc` here checks that source too, and
// it names Worker globals (R2Bucket, ExecutionContext, …). Declaring them lets the router's types
// resolve; skipLibCheck keeps the overlap with the DOM library quiet. Web code must still only use
// browser and Node APIs: this file is for the API's types, not an invitation to use Worker ones.
/// <reference types="@cloudflare/workers-types" />
