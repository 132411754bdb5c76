// The onboarding module's public surface (issue 16 parts 7 and 8: hiring, the starter form, onboarding).
export type { OnboardingDeps } from "./actions/context";
export { selectionStepHooks } from "./actions/hire";
export {
  ONBOARDING_EVENTS,
  type OnboardingSubscriberDeps,
  registerOnboardingSubscribers,
} from "./onboarding.events";
export { type OnboardingRouteDeps, registerOnboardingRoutes } from "./onboarding.routes";
