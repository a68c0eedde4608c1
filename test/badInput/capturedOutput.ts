/**
 * The suite's collector, capturing from the moment this module loads. Import it FIRST in a test
 * file: n8n's logger (winston) binds console.log when it is created, so the capture must already
 * be in place when n8n-core and the harness load.
 */
import { OutputCollector } from './collector';

export const collector = new OutputCollector();
collector.captureConsole();
