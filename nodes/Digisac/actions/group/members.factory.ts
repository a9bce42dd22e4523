import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { pathSegment, requireString, toList } from '../../../shared/parameters';
import { phoneDigits } from '../../helpers/recipients';
import { apiRequest } from '../../transport';
import { groupLocator } from '../common.description';

/** Members to add are phone numbers: [{number}] as Digisac takes them. */
export function memberNumbers(context: IExecuteFunctions, i: number): IDataObject[] {
	const members = toList(context.getNodeParameter('members', i, '') as unknown);
	if (members.length === 0) {
		throw new NodeOperationError(context.getNode(), '"Members" is required', {
			itemIndex: i,
			description: 'Enter at least one phone number.',
		});
	}
	return members.map((member) => ({ number: phoneDigits(context, member, 'Members', i) }));
}

/** Members to promote or demote are the participants' contact IDs. */
function memberContactIds(context: IExecuteFunctions, i: number): string[] {
	const members = toList(context.getNodeParameter('members', i, '') as unknown);
	if (members.length === 0) {
		throw new NodeOperationError(context.getNode(), '"Members" is required', {
			itemIndex: i,
			description: 'Enter at least one contact ID of a group participant.',
		});
	}
	return members;
}

export const memberNumbersProperty: INodeProperties = {
	displayName: 'Members',
	name: 'members',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 5511987654321, 5521912345678',
	description:
		'Phone numbers of the people to add, separated by commas (an array in an expression works too)',
};

const routes = {
	addMembers: 'add-members',
	promoteMembers: 'promote-members',
	demoteMembers: 'demote-members',
} as const;

export function membersOperation(operation: keyof typeof routes) {
	const byNumber = operation === 'addMembers';
	const properties: INodeProperties[] = [
		groupLocator,
		byNumber
			? memberNumbersProperty
			: {
					displayName: 'Members',
					name: 'members',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. 7a1e2b1c-0000-4000-8000-000000000001',
					description:
						operation === 'promoteMembers'
							? 'Contact IDs of the participants to make group admins, separated by commas'
							: 'Contact IDs of the participants whose admin rights are removed, separated by commas',
				},
	];
	return {
		properties,
		async execute(this: IExecuteFunctions, i: number) {
			const groupId = requireString(this, 'groupId', i);
			const body = byNumber ? memberNumbers(this, i) : memberContactIds(this, i);
			const response = await apiRequest<unknown>(
				this,
				'POST',
				`/api/v1/contacts/${pathSegment(this, groupId, 'groupId', i)}/${routes[operation]}`,
				{
					body,
					itemIndex: i,
				},
			);
			return [{ json: actionResult(response, { groupId, members: body as IDataObject[] }) }];
		},
	};
}
