// `@liebian/core/http`: the handler's options beyond the basics (CORS, rate limits, the public view of an invite).
// `createHandler`, `createClient` and the invite functions are on the root.
export { type CorsOptions, withCors } from './cors.js';
export type { ClientOptions } from './create-client.js';
export { type InviteCheck, type PublicInvite, publicInvite } from './invite-token.js';
export { memoryRateCounter, type RateCounter, type RateLimit } from './rate-limiter.js';
