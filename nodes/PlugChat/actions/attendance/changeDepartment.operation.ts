import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { select } from '../../../shared/descriptions';
import { actionResult } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { phoneLocator } from '../common.description';

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
	select({
		name: 'departmentId',
		label: 'Department',
		description: 'Department (departamento) the chat moves to',
		method: 'getDepartments',
		required: true,
	}),
];

export async function execute(this: IExecuteFunctions, i: number) {
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
