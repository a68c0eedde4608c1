import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	type NodeConnectionType,
} from 'n8n-workflow';

import { outputRecord } from '../shared/intacct/records/simplify';
import { createClientFromContext } from '../shared/intacct/n8n/n8nHttpPost';
import { toN8nError } from '../shared/intacct/n8n/errors';
import { DEFAULT_EVENTS_PER_POLL, drainEventQueue } from './eventQueueDrain';
import { costMeterFor, logCost } from '../shared/intacct/n8n/costReport';
import { eventQueueCostNotice, pollCostNotice } from './pollCost';
import { latestRecord, pollChanges, changeKind } from './pollChanges';
import { readPollSettings } from './pollSettings';

// A constant, not an inline array: the community rule wants NodeConnectionTypes.Main, the legacy
// outputs rule only counts string literals in an inline array.
const MAIN_OUTPUT: NodeConnectionType[] = [NodeConnectionTypes.Main];

export class SageIntacctPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Intacct Record Changes Trigger',
		name: 'sageIntacctPollTrigger',
		icon: { light: 'file:../SageIntacct/sageIntacct.svg', dark: 'file:../SageIntacct/sageIntacct.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New or updated " + $parameter["object"]}}',
		description: 'Starts the workflow when records of any Sage Intacct object are created or updated, checked on a schedule (each check costs API transactions)',
		defaults: {
			name: 'Sage Intacct Record Changes Trigger',
		},
		polling: true,
		inputs: [],
		outputs: MAIN_OUTPUT,
		credentials: [
			{ name: 'sageIntacctApi', required: true, displayOptions: { show: { source: ['records'] } } },
			{ name: 'sageIntacctOAuth2Api', required: true, displayOptions: { show: { source: ['eventQueue'] } } },
		],
		properties: [
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				options: [
					{ name: 'Changed Records (Query)', value: 'records', description: 'Query an object for records created or updated since the last poll' },
					{
						name: 'Event Queue (Missed Webhook Deliveries)',
						value: 'eventQueue',
						description: 'Drain the trigger event queue: events webhook delivery could not hand over, once each, oldest first',
					},
				],
				default: 'records',
			},
			{
				displayName:
					'Drains the Platform Services trigger event queue of your REST client application (Early Adopter, 2025 R2): events Intacct could not deliver to the Sage Intacct Trigger, for example while n8n was down. Each comes out once, oldest first, and is acknowledged on the next poll, after the workflow has it. ' +
					eventQueueCostNotice() +
					' To see changes again that were already acknowledged, use Source: Changed Records with a Start Date.',
				name: 'eventQueueNotice',
				type: 'notice',
				displayOptions: { show: { source: ['eventQueue'] } },
				default: '',
			},
			{
				displayName: 'Events per Poll',
				name: 'eventsPerPoll',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				displayOptions: { show: { source: ['eventQueue'] } },
				default: DEFAULT_EVENTS_PER_POLL,
				description: 'Oldest events taken per poll; a longer queue drains over several polls',
			},
			{
				displayName: 'Replay Since',
				name: 'replaySince',
				type: 'dateTime',
				displayOptions: { show: { source: ['eventQueue'] } },
				default: '',
				description:
					'Recovery: emit again the events still in the queue that this node already emitted since this date (applied once per value). Acknowledged events are gone from Intacct; use Source: Changed Records with a Start Date for those.',
			},
			{
				displayName:
					pollCostNotice(),
				name: 'costNotice',
				displayOptions: { show: { source: ['records'] } },
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Object',
				name: 'object',
				displayOptions: { show: { source: ['records'] } },
				type: 'string',
				default: 'GLENTRY',
				placeholder: 'e.g. GLENTRY, GLBATCH, APBILL, VENDOR',
				description: 'Intacct object name to watch (any object with WHENMODIFIED, including custom objects)',
			},
			{
				displayName: 'Fields',
				name: 'fields',
				displayOptions: { show: { source: ['records'] } },
				type: 'string',
				default: '',
				placeholder: 'e.g. RECORDNO, VENDORID, TOTALDUE',
				description:
					'Comma-separated fields to return. Empty: the standard GL entry fields for GLENTRY, only RECORDNO, WHENCREATED and WHENMODIFIED for other objects. RECORDNO, WHENCREATED and WHENMODIFIED are always included.',
			},
			{
				displayName: 'Trigger On',
				name: 'changes',
				displayOptions: { show: { source: ['records'] } },
				type: 'options',
				options: [
					{ name: 'New or Updated Records', value: 'createdOrUpdated', action: 'On new or updated records' },
					{ name: 'New Records', value: 'created', action: 'On new records', description: 'Records whose WHENCREATED equals WHENMODIFIED' },
					{ name: 'Updated Records', value: 'updated', action: 'On updated records', description: 'Records changed after they were created' },
				],
				default: 'createdOrUpdated',
			},
			{
				displayName: 'Look-Back Window (Minutes)',
				name: 'lookBackMinutes',
				displayOptions: { show: { source: ['records'] } },
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				description:
					'How far before the last change seen each poll looks again, to catch changes that became visible late. Records already emitted are never repeated.',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				displayOptions: { show: { source: ['records'] } },
				type: 'dateTime',
				default: '',
				description:
					'First poll only: emit every record modified since this date (backfill). Empty: start with changes made after the workflow is published. Intacct timestamps have no time zone; the date and time are used as written.',
			},
			{
				displayName: 'Options',
				name: 'options',
				displayOptions: { show: { source: ['records'] } },
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Records per Poll',
						name: 'maxRecordsPerPoll',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 5000,
						description: 'A larger backlog is drained over several polls, oldest first; nothing is skipped',
					},
					{
						displayName: 'Page Size',
						name: 'pageSize',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 2000 },
						default: 2000,
						description: 'Records per API call (1-2000); each page is one API transaction',
					},
					{
						displayName: 'Simplify',
						name: 'simplify',
						type: 'boolean',
						default: true,
						description: 'Whether to return readable field names, numbers and ISO dates instead of Intacct\'s raw fields',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getNodeParameter('source', 'records') === 'eventQueue') {
			try {
				const items = await drainEventQueue(this, {
					eventsPerPoll: Number(this.getNodeParameter('eventsPerPoll', DEFAULT_EVENTS_PER_POLL)),
					replaySince: String(this.getNodeParameter('replaySince', '') || ''),
				});
				return items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
			} catch (error) {
				throw toN8nError(this.getNode(), error);
			} finally {
				logCost(this, 'poll');
			}
		}
		const simplify = (this.getNodeParameter('options', {}) as IDataObject).simplify !== false;
		try {
			const settings = readPollSettings(this);
			const client = createClientFromContext(this, { meter: costMeterFor(this) });
			if (this.getMode() === 'manual') {
				// "Fetch test event": a real sample, the most recently changed record; no cursor change.
				const latest = await latestRecord(client, settings);
				if (!latest) return null;
				return [this.helpers.returnJsonArray([{ changeType: changeKind(latest), ...outputRecord(settings.object, latest, simplify) }])];
			}
			const changed = await pollChanges(this, client, settings);
			if (changed.length === 0) return null;
			const items = changed.map(({ record, change }) => ({ changeType: change, ...outputRecord(settings.object, record, simplify) }));
			return [this.helpers.returnJsonArray(items)];
		} catch (error) {
			throw toN8nError(this.getNode(), error);
		} finally {
			logCost(this, 'poll');
		}
	}
}
