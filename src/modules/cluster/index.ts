export { clusterModule } from './cluster.module.js';
export type { ClusterInventory, InventorySubscription } from './inventory.js';
