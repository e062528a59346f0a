import { pgliteTarget } from '/work/main/test/helpers/storageTargets.ts';
import { startTestServer } from '/work/main/test/helpers/testServer.ts';
let t = Date.now();
const s = await startTestServer(pgliteTarget, { ADMIN_EMAIL: 'a@b.cd', ADMIN_PASSWORD: 'xxxxxxxxxxxxxxx' });
console.log('start', Date.now() - t); t = Date.now();
await s.stop();
console.log('stop', Date.now() - t);
