// The messages module's public surface: what other modules and the app may import (decision 0014).
export { type MessageDeps, unreadCount as unreadMessagesCount } from "./actions/messages";
export { MESSAGE_EVENTS, registerMessageSubscribers } from "./messages.events";
export { registerMessageRoutes } from "./messages.routes";
