import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { readPhoneList } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';

import { phonesField } from './members.factory';

export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a group',
	description: 'Create a WhatsApp group with participants',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Group Name',
		name: 'groupName',
		type: 'string',
		default: '',
		required: true,
		description: 'Name of the new group',
	},
	{
		...phonesField,
		description:
			'Numbers to add to the group, with country and area code, separated by commas (at least one)',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const groupName = requireString(this, 'groupName', i);
	const phones = readPhoneList(this, i);
	const answer = await apiRequest<unknown>(this, 'POST', '/api/whatsapp/create-group', {
		body: { groupName, phones },
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'create the group');
	const group = isObject(answer) ? answer : {};
	// PlugChat calls the new group's id `phone`; `groupId` is what the other group operations take.
	return [{ json: { groupName, phones, ...group, groupId: group.phone ?? null } }];
}
