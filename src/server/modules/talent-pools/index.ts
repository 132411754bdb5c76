// The talent-pools module's public surface: what other modules and the app may import (decision 0014).
export type { TalentPoolDeps } from "./actions/context";
export {
  registerTalentPoolSubscribers,
  TALENT_POOL_EVENTS,
  type TalentPoolSubscriberDeps,
} from "./talent-pools.events";
export { registerTalentPoolRoutes } from "./talent-pools.routes";
