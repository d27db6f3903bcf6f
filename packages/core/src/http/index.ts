// `@liebian/core/http`: the handler's options beyond the basics (CORS, the public view of an invite); rate
// counters are in `./store` (a shared counter is a store).
// `createHandler`, `createClient` and the invite functions are on the root.
export type { BeaconOptions, BeaconRefusal, BeaconResult } from './beacon.js';
export { type CorsOptions, withCors } from './cors.js';
export type { ClientOptions, PageEventInput } from './create-client.js';
export { type InviteCheck, type PublicInvite, publicInvite } from './invite-token.js';
