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

  it('sends one welcome mail to the new user, without the name they typed, and the job completes', async () => {
    const user = await registerUser(t, { name: '<a href=http://evil>Click</a>' });
    const mail = await smtp.waitForMessage((m) => m.to.includes(user.email) && m.subject === 'Welcome to Kapal');
    expect(mail.raw).toContain('Your Kapal account is ready');
    // Nothing of the name, in any encoding the mail could carry it: no tag, no host, no word of it.
    for (const piece of ['<a', 'href', 'evil', 'Click', '&lt;', '=3C']) expect(mail.raw).not.toContain(piece);
    const queue = t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobState(`welcome-${user.id}`)) === 'completed', {
      what: 'the welcome job to complete',
    });
    expect((await queue.getJob(`welcome-${user.id}`))?.returnvalue).toEqual({ sent: true });
    expect(smtp.messages.filter((m) => m.to.includes(user.email) && m.subject === 'Welcome to Kapal')).toHaveLength(1);
  });

  it('sends nothing to a user who is gone by the time the job runs', async () => {
    const missing = '00000000-0000-4000-8000-00000000beef';
    const { id } = await t.runtime.jobs.enqueue('notifications.welcome', { userId: missing });
    const queue = t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobState(id)) === 'completed', { what: 'the job to complete' });
    expect((await queue.getJob(id))?.returnvalue).toEqual({ sent: false, reason: 'deleted' });
  });
});
