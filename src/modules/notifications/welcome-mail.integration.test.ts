import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../../test/helpers/accounts.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import type { WorkerRunner } from '../../platform/queue/worker-runner.js';
import { createWorker } from '../../worker.js';

describe('welcome mail: registration → notifications.welcome job → worker → SMTP', () => {
  let smtp: SmtpSink;
  let t: TestRuntime;
  let worker: WorkerRunner;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestRuntime({ env: { SMTP_URL: smtp.url } });
    worker = createWorker(t.runtime);
    await worker.start();
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await smtp.close();
  });

  it('sends one welcome mail to the new user, by name, and the job completes', async () => {
    const user = await registerUser(t, { name: 'Putu Wijaya' });
    const mail = await smtp.waitForMessage((m) => m.to.includes(user.email));
    expect(mail.subject).toBe('Welcome to Kapal');
    expect(mail.raw).toContain('Hi Putu Wijaya,');
    const queue = t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobState(`welcome-${user.id}`)) === 'completed', {
      what: 'the welcome job to complete',
    });
    expect((await queue.getJob(`welcome-${user.id}`))?.returnvalue).toEqual({ sent: true });
    expect(smtp.messages.filter((m) => m.to.includes(user.email))).toHaveLength(1);
  });

  it('sends nothing to a user who is gone by the time the job runs', async () => {
    const missing = '00000000-0000-4000-8000-00000000beef';
    const { id } = await t.runtime.jobs.enqueue('notifications.welcome', { userId: missing });
    const queue = t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobState(id)) === 'completed', { what: 'the job to complete' });
    expect((await queue.getJob(id))?.returnvalue).toEqual({ sent: false, reason: 'deleted' });
  });
});
