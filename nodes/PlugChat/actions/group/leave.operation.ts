import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { readGroupId } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { groupIdLocator } from '../common.description';

export const option = {
	name: 'Leave',
	value: 'leave',
	action: 'Leave a group',
	description: 'Make this WhatsApp number leave the group',
};

export const properties: INodeProperties[] = [groupIdLocator];

export async function execute(this: IExecuteFunctions, i: number) {
	const groupId = readGroupId(this, i);
	const answer = await apiRequest<unknown>(this, 'POST', '/api/whatsapp/leave-group', {
		body: { groupId },
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'leave the group');
	return [{ json: actionResult(answer, { groupId, left: true }) }];
}
