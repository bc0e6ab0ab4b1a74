export { workersModule } from './workers.module.js';
export { type WorkerDetails, type WorkerStatus, workerDetailsByName } from './workers.repository.js';
