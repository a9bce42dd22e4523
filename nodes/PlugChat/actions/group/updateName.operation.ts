import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { readGroupId } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { groupIdLocator } from '../common.description';

export const option = {
	name: 'Update Name',
	value: 'updateName',
	action: 'Rename a group',
	description: 'Change the name of the group',
};

export const properties: INodeProperties[] = [
	groupIdLocator,
	{
		displayName: 'Group Name',
		name: 'groupName',
		type: 'string',
		default: '',
		required: true,
		description: 'New name of the group',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const groupId = readGroupId(this, i);
	const groupName = requireString(this, 'groupName', i);
	const answer = await apiRequest<unknown>(this, 'POST', '/api/whatsapp/update-group-name', {
		body: { groupId, groupName },
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'rename the group');
	return [{ json: actionResult(answer, { groupId, groupName }) }];
}
