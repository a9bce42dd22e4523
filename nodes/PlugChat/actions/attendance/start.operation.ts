import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { multiSelect, select, optionsCollection } from '../../../shared/descriptions';
import { isObject } from '../../../shared/json';
import { toList } from '../../../shared/parameters';
import { normalizeStatus } from '../../helpers/normalize';
import { readPhone } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { phoneLocator } from '../common.description';

export const option = {
	name: 'Start',
	value: 'start',
	action: 'Start an attendance',
	description: 'Start an attendance (atendimento) with one or more operators',
};

export const properties: INodeProperties[] = [
	phoneLocator({
		allowGroup: false,
		description: 'WhatsApp number of the customer, with country and area code (e.g. 5511987654321)',
	}),
	multiSelect({
		name: 'operatorIds',
		label: 'Operator',
		description: 'Operators who will serve the chat',
		method: 'getOperators',
		required: true,
	}),
	optionsCollection([
		select({
			name: 'departmentId',
			label: 'Department',
			description: 'Department (departamento) the chat will belong to',
			method: 'getDepartments',
		}),
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i, 'phone', { allowGroup: false });
	const operatorIds = toList(this.getNodeParameter('operatorIds', i, []));
	if (operatorIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one operator', {
			itemIndex: i,
			description:
				'PlugChat needs the operators who will serve the chat ("Operator Names or IDs").',
		});
	}
	const options = this.getNodeParameter('options', i, {}) as { departmentId?: string };
	const departmentId = String(options.departmentId ?? '').trim() || undefined;
	const body: IDataObject = { phone, operators: operatorIds };
	if (departmentId) body.departmentId = departmentId;

	const answer = await apiRequest<unknown>(this, 'POST', '/api/integrations/start-attendance', {
		body,
		itemIndex: i,
	});

	// PlugChat answers a bare `true` when it started the attendance, and an object with
	// status "progress" when the chat was already being served: both are a success.
	if (
		isObject(answer) &&
		typeof answer.status === 'string' &&
		answer.status.trim().toLowerCase() === 'progress'
	) {
		return [
			{ json: { started: false, alreadyInService: true, phone, ...normalizeStatus(answer) } },
		];
	}
	assertAccepted(this, answer, i, 'start the attendance');
	const json: IDataObject = { started: true, alreadyInService: false, phone, operatorIds };
	if (departmentId) json.departmentId = departmentId;
	if (isObject(answer)) Object.assign(json, answer);
	return [{ json }];
}
