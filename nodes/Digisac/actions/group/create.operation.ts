import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { pathSegment, requireString } from '../../../shared/parameters';
import { stringField } from '../../helpers/responses';
import { apiRequest } from '../../transport';
import { connectionSelect } from '../common.description';

import { memberNumbers, memberNumbersProperty } from './members.factory';

export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a group',
	description: 'Create a WhatsApp group with its first members',
};

export const properties: INodeProperties[] = [
	connectionSelect('The WhatsApp connection (conexão) that creates the group'),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: "The group's name",
	},
	{
		...memberNumbersProperty,
		description:
			'Phone numbers of the first participants, separated by commas (WhatsApp needs at least one)',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const members = memberNumbers(this, i);
	const body: IDataObject = {
		serviceId: requireString(this, 'serviceId', i),
		internalName: requireString(this, 'name', i),
		isGroup: true,
	};
	const group = await apiRequest<IDataObject>(this, 'POST', '/api/v1/contacts', {
		body,
		itemIndex: i,
	});
	const groupId = stringField(group, 'id');
	if (!groupId) return [{ json: group }];
	try {
		const added = await apiRequest<unknown>(
			this,
			'POST',
			`/api/v1/contacts/${pathSegment(this, groupId, 'groupId', i)}/add-members`,
			{
				body: members,
				itemIndex: i,
			},
		);
		return [{ json: { ...group, members, addMembersResult: (added ?? null) as IDataObject } }];
	} catch (error) {
		const nodeError =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		// The group exists now; say so, so a retry does not create a second one.
		nodeError.description =
			`The group was created (ID ${groupId}) but adding its members failed. Add them with "Add Members". ${nodeError.description ?? ''}`.trim();
		throw nodeError;
	}
}
