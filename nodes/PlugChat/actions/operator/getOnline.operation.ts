import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOf } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { addIsoTimes } from '../../helpers/normalize';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Get Online',
	value: 'getOnline',
	action: 'Get online operators',
	description: 'List operators with their online or offline state',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		default: '',
		required: true,
		description: 'ID of the PlugChat account; it appears in the address of the operator chat page',
	},
	{
		displayName: 'Online Only',
		name: 'onlineOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to return only operators whose state is online (otherwise everyone, with their state)',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const accountId = requireString(this, 'accountId', i);
	const answer = await apiRequest<unknown>(this, 'GET', '/api/account/get-operators-online', {
		qs: { id: accountId },
		itemIndex: i,
	});
	const timeZone = this.getTimezone();
	let operators = listOf(answer).map((operator) =>
		addIsoTimes(
			{ ...operator, online: String(operator.state ?? '').toLowerCase() === 'online' },
			timeZone,
		),
	);
	if (this.getNodeParameter('onlineOnly', i, false) === true)
		operators = operators.filter((operator) => operator.online);
	return operators.map((json) => ({ json }));
}
