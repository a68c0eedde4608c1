/**
 * The cost meter in n8n: one meter per node execution (or poll, or webhook delivery), shown where
 * n8n users look - an execution hint under the node's output, and one line in n8n's log.
 */
import type { IExecuteFunctions, IPollFunctions, IWebhookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { CostMeter } from '../client/costMeter';

const meters = new WeakMap<object, CostMeter>();

/** The meter of this execution context (created on first use). */
export function costMeterFor(context: IExecuteFunctions | IPollFunctions | IWebhookFunctions | ILoadOptionsFunctions): CostMeter {
	let meter = meters.get(context);
	if (!meter) {
		meter = new CostMeter();
		meters.set(context, meter);
	}
	return meter;
}

/** The meter's line as an execution hint and in the log; nothing when no call was made. */
export function reportCost(context: IExecuteFunctions): void {
	const meter = meters.get(context);
	if (!meter || meter.snapshot().requests === 0) return;
	const line = `Sage Intacct: ${meter.summary()}`;
	context.addExecutionHints({ message: line, location: 'outputPane' });
	context.logger.info(line, { node: context.getNode().name, ...meter.snapshot(), transactions: meter.total() });
}

/** The poll's (or delivery's) line in n8n's log. */
export function logCost(context: IPollFunctions | IWebhookFunctions, what: string): void {
	const meter = meters.get(context);
	if (!meter || meter.snapshot().requests === 0) return;
	context.logger.info(`Sage Intacct ${what}: ${meter.summary()}`, { node: context.getNode().name, ...meter.snapshot(), transactions: meter.total() });
}
