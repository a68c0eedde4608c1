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
import { costMeterFor, logCost } from '../shared/intacct/n8n/costReport';
import { pollCostNotice } from './pollCost';
import { toNodeApiError } from '../shared/intacct/n8n/n8nErrors';
import { latestRecord, pollChanges, changeKind } from './pollChanges';
import { readPollSettings } from './pollSettings';

// A constant, not an inline array: the community rule wants NodeConnectionTypes.Main, the legacy
// outputs rule only counts string literals in an inline array.
const MAIN_OUTPUT: NodeConnectionType[] = [NodeConnectionTypes.Main];

export class SageIntacctPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Intacct Poll Trigger',
		name: 'sageIntacctPollTrigger',
		icon: { light: 'file:../SageIntacct/sageIntacct.svg', dark: 'file:../SageIntacct/sageIntacct.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New or updated " + $parameter["object"]}}',
		description: 'Starts the workflow when records of a Sage Intacct object are created or updated (polling; every poll costs API transactions)',
		defaults: {
			name: 'Sage Intacct Poll Trigger',
		},
		polling: true,
		inputs: [],
		outputs: MAIN_OUTPUT,
		credentials: [{ name: 'sageIntacctApi', required: true }],
		properties: [
			{
				displayName:
					pollCostNotice(),
				name: 'costNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Object',
				name: 'object',
				type: 'string',
				default: 'GLENTRY',
				placeholder: 'e.g. GLENTRY, GLBATCH, APBILL, VENDOR',
				description: 'Intacct object name to watch (any object with WHENMODIFIED, including custom objects)',
			},
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: 'e.g. RECORDNO, VENDORID, TOTALDUE',
				description:
					'Comma-separated fields to return. Empty: the standard GL entry fields for GLENTRY, only RECORDNO, WHENCREATED and WHENMODIFIED for other objects. RECORDNO, WHENCREATED and WHENMODIFIED are always included.',
			},
			{
				displayName: 'Trigger On',
				name: 'changes',
				type: 'options',
				options: [
					{ name: 'New or Updated Records', value: 'createdOrUpdated' },
					{ name: 'New Records', value: 'created', description: 'Records whose WHENCREATED equals WHENMODIFIED' },
					{ name: 'Updated Records', value: 'updated', description: 'Records changed after they were created' },
				],
				default: 'createdOrUpdated',
			},
			{
				displayName: 'Look-Back Window (Minutes)',
				name: 'lookBackMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				description:
					'How far before the last change seen each poll looks again, to catch changes that became visible late. Records already emitted are never repeated.',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description:
					'First poll only: emit every record modified since this date (backfill). Empty: start with changes made after the workflow is published. Intacct timestamps have no time zone; the date and time are used as written.',
			},
			{
				displayName: 'Options',
				name: 'options',
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
			throw toNodeApiError(this.getNode(), error);
		} finally {
			logCost(this, 'poll');
		}
	}
}
