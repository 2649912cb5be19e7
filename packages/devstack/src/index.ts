export {
  type ChannelStandIns,
  type RecordedPush,
  type RecordedSms,
  startChannelStandIns,
  type TestPushSubscription,
} from "./channels/index.ts";
export { startEmbeddedRedis } from "./embedded-redis/server.ts";
export { freePort, freePorts } from "./free-ports.ts";
export { startNeonTunnel } from "./neon-tunnel.ts";
export {
  type OidcClient,
  type OidcProvider,
  type OidcProviderOptions,
  type OidcUser,
  startOidcProvider,
} from "./oidc/index.ts";
export { resolvePostgres } from "./postgres.ts";
export { startQStashBroker } from "./qstash/index.ts";
export { resolveRedis } from "./redis.ts";
export { startRedisBridge } from "./redis-bridge/index.ts";
export {
  type StripeStandIn,
  type StripeStandInOptions,
  startStripeStandIn,
  stripeSignatureHeader,
  TEST_CARDS,
} from "./stripe/index.ts";
