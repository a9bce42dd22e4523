import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locator } from '../../../shared/descriptions';
import { actionResult } from '../../../shared/json';
import { locatorValue, pathSegment } from '../../../shared/parameters';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Delete Message',
	value: 'deleteMessage',
	action: 'Delete a message from the send queue',
	description: 'Delete one message waiting to be sent',
};

export const properties: INodeProperties[] = [
	locator({
		displayName: 'Queued Message',
		name: 'zaapId',
		description: 'Message waiting in the queue, by its zaapId (returned by every send)',
		searchListMethod: 'searchQueue',
		modes: [
			// Named so the editor shows "By Zaap ID" (a mode named "id" always reads "By ID").
			{
				displayName: 'By Zaap ID',
				name: 'zaapId',
				placeholder: '39BB1684570F00E91090F6BBC7EE7646',
			},
		],
	}),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const zaapId = locatorValue(this, 'zaapId', i);
	if (!zaapId) {
		throw new NodeOperationError(this.getNode(), '"Queued Message" is required', {
			itemIndex: i,
			description: 'Give the zaapId of the queued message (every send returns one).',
		});
	}
	const answer = await apiRequest<unknown>(
		this,
		'DELETE',
		`/api/whatsapp/queue/${pathSegment(this, zaapId, 'zaapId', i)}`,
		{ itemIndex: i },
	);
	assertAccepted(this, answer, i, 'delete the queued message');
	return [{ json: actionResult(answer, { zaapId, deleted: true }) }];
}
