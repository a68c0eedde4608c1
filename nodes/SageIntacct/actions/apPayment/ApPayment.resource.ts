import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as reverse from './reverse.operation';

export { create, get, getMany, reverse };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apPayment'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Pay one or many bills of a vendor', action: 'Create an AP payment' },
			{ name: 'Get', value: 'get', description: 'Get an AP payment', action: 'Get an AP payment' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many AP payments', action: 'Get many AP payments' },
			{ name: 'Reverse', value: 'reverse', description: 'Reverse (void) a posted AP payment: its bills are open again', action: 'Reverse an AP payment' },
		],
		default: 'create',
	},
	{
		// docs/rest-wire.md, "Not yet over REST".
		displayName:
			'AP payments run over Web Services (XML) only in this version: set Authentication to Web Services (XML). Intacct\'s REST API has them (accounts-payable/payment, and /workflows/accounts-payable/payment/reverse) but this node does not send them there yet.',
		name: 'restApPaymentNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['apPayment'], authentication: ['oAuth2'] } },
	},
	...create.description,
	...get.description,
	...getMany.description,
	...reverse.description,
];
