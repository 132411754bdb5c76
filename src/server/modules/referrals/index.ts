// The referrals module's public surface: what other modules and the app may import (decision 0014).
export type { ReferralDeps } from "./actions/context";
export { referralStepHooks } from "./actions/points";
export {
  REFERRAL_EVENTS,
  type ReferralSubscriberDeps,
  registerReferralSubscribers,
} from "./referrals.events";
export { referralsPolicy } from "./referrals.policy";
export { type ReferralRouteDeps, registerReferralRoutes } from "./referrals.routes";
