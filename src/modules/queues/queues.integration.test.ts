import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createWorker } from '../../worker.js';

/** Real Redis; the failing job is a real delivery of a mail whose SMTP server does not exist. */
describe('admin queues', () => {
  let t: TestRuntime;
  let admin: TestUser;
  let failedJobId: string;
  let deliveryId: string;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens, so every delivery attempt fails.
    t = await startTestRuntime({ env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    // A job that fails for good at once: a mail queued through the notifications port, its own delivery
    // job swapped for one with a single attempt, straight on its queue.
    const queue = t.runtime.jobs.queues().get('notifications')!;
    const queued = await t.runtime.modules.ports.notifications!.queue({
      template: 'welcome',
      data: {},
      eventKey: 'queues-test-welcome',
      userId: admin.id,
    });
    deliveryId = queued.deliveryId!;
    await queue.remove(`delivery-${deliveryId}`);
    const job = await queue.add('notifications.deliver', { deliveryId }, { attempts: 1, removeOnFail: false });
    failedJobId = job.id!;
    const worker = createWorker(t.runtime);
    await worker.start();
    try {
      await waitFor(async () => (await queue.getJobState(failedJobId)) === 'failed', { what: 'the job to fail' });
    } finally {
      await worker.close();
    }
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: admin.headers });

  it('counts jobs by state and lists the latest failures with their reason', async () => {
    const res = await get('/api/v1/admin/queues');
    expect(res.statusCode).toBe(200);
    const notifications = res.json().queues.find((q: { name: string }) => q.name === 'notifications');
    expect(notifications.counts.failed).toBe(1);
    expect(notifications.latestFailed).toEqual([
      expect.objectContaining({
        id: failedJobId,
        name: 'notifications.deliver',
        attemptsMade: 1,
        failedReason: expect.stringMatching(/ECONNREFUSED|connect/),
        data: { deliveryId },
      }),
    ]);
    expect((await get('/api/v1/admin/queues?failedLimit=0')).json().queues[0].latestFailed).toEqual([]);
    expect((await get('/api/v1/admin/queues?failedLimit=500')).statusCode).toBe(400);
  });

  it('retries a failed job, and refuses what is not a failed job', async () => {
    const retry = (queue: string, id: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/admin/queues/${queue}/failed/${id}/retry`, headers: admin.headers });
    const res = await retry('notifications', failedJobId);
    expect(res.statusCode).toBe(202);
    expect(res.json().id).toBe(failedJobId);
    const queue = t.runtime.jobs.queues().get('notifications')!;
    expect(await queue.getJobState(failedJobId)).toBe('waiting');
    expect((await retry('notifications', failedJobId)).statusCode).toBe(409);
    expect((await retry('notifications', 'no-such-job')).statusCode).toBe(404);
    expect((await retry('no-such-queue', failedJobId)).json().error.message).toBe('Queue no-such-queue not found');
  });
});
