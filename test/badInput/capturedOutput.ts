/**
 * The suite's collector, capturing from the moment this module loads. Import it FIRST in a test
 * file: n8n's logger (winston) binds console.log when it is created, so the capture must already
 * be in place when n8n-core and the harness load.
 */
import { OutputCollector } from './collector';

// The rest of the tests run n8n's logger silent (test/support/quietN8nLogger.ts); this suite audits
// what n8n logs for secrets, so it logs at n8n's default level, into the collector.
process.env.N8N_LOG_LEVEL = 'info';

export const collector = new OutputCollector();
collector.captureConsole();
