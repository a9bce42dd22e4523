import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { pathSegment } from '../../../shared/parameters';
import { readGroupId } from '../../helpers/phone';
import { apiRequest } from '../../transport';
import { groupIdLocator } from '../common.description';

export const option = {
	name: 'Get Metadata',
	value: 'getMetadata',
	action: 'Get group metadata',
	description: 'Get the name, owner, invitation link and participants of a group',
};

export const properties: INodeProperties[] = [groupIdLocator];

function flag(value: unknown): boolean {
	return value === true || value === 'true';
}

export async function execute(this: IExecuteFunctions, i: number) {
	const groupId = readGroupId(this, i);
	const answer = await apiRequest<unknown>(
		this,
		'GET',
		`/api/whatsapp/group-metadata/${pathSegment(this, groupId, 'groupId', i)}`,
		{ itemIndex: i },
	);
	const group = isObject(answer) ? answer : {};
	// The participant flags are documented as strings in places; they come out as booleans.
	const participants = (Array.isArray(group.participants) ? group.participants : [])
		.filter(isObject)
		.map((participant) => ({
			...participant,
			isAdmin: flag(participant.isAdmin),
			isSuperAdmin: flag(participant.isSuperAdmin),
		}));
	return [{ json: { groupId, ...group, participants } }];
}
