// The setup module's public surface (issue 17 part 1, first run): what the app and scripts may import.
export { createPlatformAdmin, issueSetupLink, SETUP_LINK_HOURS } from "./first-run";
export { registerSetupRoutes } from "./setup.routes";
