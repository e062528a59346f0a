/** The demo module's public use cases. */
export { seedDemo } from './seedDemo.ts';
