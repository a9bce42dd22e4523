import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { readGroupId } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { groupIdLocator } from '../common.description';

export const option = {
	name: 'Update Description',
	value: 'updateDescription',
	action: 'Update the description of a group',
	description: 'Change the description of the group',
};

export const properties: INodeProperties[] = [
	groupIdLocator,
	{
		displayName: 'Group Description',
		name: 'groupDescription',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'New description of the group; empty clears it. Only group admins can change it.',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const groupId = readGroupId(this, i);
	const raw = this.getNodeParameter('groupDescription', i, '') as unknown;
	const groupDescription = raw === null || raw === undefined ? '' : String(raw);
	const answer = await apiRequest<unknown>(this, 'POST', '/api/whatsapp/update-group-description', {
		body: { groupId, groupDescription },
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'change the group description');
	return [{ json: actionResult(answer, { groupId, groupDescription }) }];
}
