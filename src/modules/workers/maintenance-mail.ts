/** One of the customer's apps that runs on the worker being drained. */
export interface MaintenanceApp {
  /** The customer's name for the app. */
  name: string;
  /** The catalog service and plan, e.g. "n8n (Starter)". */
  what: string;
  url: string;
}

/**
 * The `maintenance` mail: which apps, which worker, that they move and may be briefly unavailable.
 * Plain text for now; kept in this one function so the notifications module can move it onto a template.
 */
export function maintenanceMail(input: { customerName: string; worker: string; apps: MaintenanceApp[] }) {
  const one = input.apps.length === 1;
  const list = input.apps.map((a) => `  - ${a.what} "${a.name}" at ${a.url}`);
  return {
    subject: one
      ? `Maintenance: ${input.apps[0]!.name} is moving to another server`
      : `Maintenance: ${input.apps.length} of your apps are moving to another server`,
    text: [
      `Hello ${input.customerName},`,
      '',
      `We are taking the server ${input.worker} out of service for maintenance. ${one ? 'This app of yours runs' : 'These apps of yours run'} there:`,
      '',
      ...list,
      '',
      `${one ? 'It is' : 'They are'} being moved to another server now. ${one ? 'It' : 'Each'} may be unavailable for a short while as it restarts there; its data and address stay the same, and you need to do nothing.`,
      '',
      'If something does not come back, reply to this mail or contact support.',
    ].join('\n'),
  };
}
