// The channels module's public surface (issue 15 part 7, the multiposter): what the app may import.
export type { ChannelDeps } from "./actions/context";
export { type ChannelRouteDeps, registerChannelRoutes } from "./channels.routes";
