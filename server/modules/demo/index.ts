/** The demo module's public use cases. */
export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seedDemo.ts';
