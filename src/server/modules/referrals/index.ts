// The referrals module's public surface: what other modules and the app may import (decision 0014).
export type { ReferralDeps, ReferrerDeps } from "./actions/context";
export { DEFAULT_POINTS, referralStepHooks } from "./actions/points";
export { referralReach } from "./actions/staff";
export { type ReferralSubscriberDeps, registerReferralSubscribers } from "./referrals.events";
export { referralsPolicy } from "./referrals.policy";
export { type ReferralRouteDeps, registerReferralRoutes } from "./referrals.routes";
export { REFERRAL_EVENTS, type ReferrerSubscriberDeps, registerReferrerSubscribers } from "./referrer.events";
export { registerReferrerRoutes } from "./referrer.routes";
