export { workersModule } from './workers.module.js';
