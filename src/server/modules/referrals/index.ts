// The referrals module's public surface: what other modules and the app may import (decision 0014).

export type { ReferrerDeps } from "./actions/context";
export { referralsPolicy } from "./referrals.policy";
export { REFERRER_EVENTS, type ReferrerSubscriberDeps, registerReferrerSubscribers } from "./referrer.events";
export { registerReferrerRoutes } from "./referrer.routes";
