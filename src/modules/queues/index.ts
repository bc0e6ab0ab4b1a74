export { queuesModule } from './queues.module.js';
