import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { ticketLocator } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a ticket',
	description: 'Get a ticket with its contact, department, user and topics',
};

export const properties: INodeProperties[] = [
	ticketLocator,
	optionsCollection([
		{
			displayName: 'Include Transfers',
			name: 'includeTransfers',
			type: 'boolean',
			default: false,
			description:
				'Whether to include the transfer history, with who transferred or closed the ticket',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const ticketId = requireString(this, 'ticketId', i);
	// The includes of Digisac's own "one ticket" request: contact (with avatars), department, user, topics.
	const include: Array<string | IDataObject> = [
		{ model: 'contact', include: ['avatar', 'thumbAvatar'] },
		'department',
		'user',
		'ticketTopics',
	];
	if (this.getNodeParameter('options.includeTransfers', i, false))
		include.push({ model: 'ticketTransfers', include: ['byUser'] });
	const ticket = await apiRequest<IDataObject>(
		this,
		'GET',
		`/api/v1/tickets/${pathSegment(this, ticketId, 'ticketId', i)}`,
		{
			qs: { include },
			itemIndex: i,
		},
	);
	return [{ json: ticket }];
}
