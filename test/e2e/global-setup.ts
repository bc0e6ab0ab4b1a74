import { startStack } from './stack.js';

/** One platform for every journey; its URLs reach the test workers through the environment. */
export default async function globalSetup() {
  const stack = await startStack();
  process.env.KAPAL_E2E_URL = stack.url;
  process.env.KAPAL_E2E_CONTROL = stack.controlUrl;
  return () => stack.close();
}
