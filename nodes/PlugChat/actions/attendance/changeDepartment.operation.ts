import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requireString } from '../../../shared/parameters';
import { phoneLocator } from '../../helpers/fields';
import { readPhone } from '../../helpers/phone';
import { actionResult, assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Change Department',
	value: 'changeDepartment',
	action: 'Change the department of a chat',
	description: 'Transfer a chat to another department (departamento)',
};

export const properties: INodeProperties[] = [
	phoneLocator({
		allowGroup: false,
		description: 'WhatsApp number of the chat to transfer, with country and area code',
	}),
	{
		displayName: 'Department Name or ID',
		name: 'departmentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDepartments' },
		default: '',
		required: true,
		description:
			'Department (departamento) the chat moves to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const phone = readPhone(this, i, 'phone', { allowGroup: false });
	const departmentId = requireString(this, 'departmentId', i);
	// The field table says `departamentId`; PlugChat's own example (and API) uses `departmentId`.
	const answer = await apiRequest<unknown>(this, 'POST', '/api/integrations/change-department', {
		body: { phone, departmentId },
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'change the department');
	return [{ json: actionResult(answer, { phone, departmentId }) }];
}
