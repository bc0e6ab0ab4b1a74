export { adminUsersModule } from './admin-users.module.js';
export type { LiveSubscriptions } from './live-subscriptions.js';
