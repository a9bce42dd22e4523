import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { select, filtersCollection } from '../../../shared/descriptions';
import { checkPeriod, toIsoDate } from '../../helpers/query';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Get Attendance',
	value: 'getAttendance',
	action: 'Get attendance statistics',
	description: 'Ticket and service statistics for a period',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Start of Period',
		name: 'startPeriod',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the period the statistics cover',
	},
	{
		displayName: 'End of Period',
		name: 'endPeriod',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the period the statistics cover',
	},
	filtersCollection([
		select({
			name: 'serviceId',
			label: 'Connection',
			description: 'Only tickets of this connection',
			method: 'getConnections',
		}),
		{
			displayName: 'Date Used',
			name: 'periodType',
			type: 'options',
			options: [
				{ name: 'Closing Date', value: 'closeDate' },
				{ name: 'Opening Date', value: 'openDate' },
			],
			default: 'openDate',
			description: 'Which date of a ticket must fall in the period',
		},
		{
			displayName: 'Department Counted',
			name: 'departmentParticipation',
			type: 'options',
			options: [
				{ name: 'Last Department', value: 'last' },
				{ name: 'Every Department on the Way', value: 'middle' },
			],
			default: 'last',
			description: 'For transferred tickets, which departments they count for',
		},
		select({
			name: 'departmentId',
			label: 'Department',
			description: 'Only tickets of this department',
			method: 'getDepartments',
		}),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Closed', value: 'close' },
				{ name: 'Open', value: 'open' },
			],
			default: 'all',
		},
		{
			displayName: 'User Counted',
			name: 'userParticipation',
			type: 'options',
			options: [
				{ name: 'Last User', value: 'last' },
				{ name: 'Every User on the Way', value: 'middle' },
			],
			default: 'last',
			description: 'For transferred tickets, which users they count for',
		},
		select({
			name: 'userId',
			label: 'User',
			description: 'Only tickets of this user (atendente)',
			method: 'getUsers',
		}),
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const start = toIsoDate(this, this.getNodeParameter('startPeriod', i, ''), 'Start of Period', i);
	const end = toIsoDate(this, this.getNodeParameter('endPeriod', i, ''), 'End of Period', i);
	if (!start || !end) {
		throw new NodeOperationError(this.getNode(), 'The period needs a start and an end', {
			itemIndex: i,
		});
	}
	checkPeriod(this, start, end, i);
	const qs: IDataObject = { startPeriod: start, endPeriod: end };
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	for (const key of [
		'serviceId',
		'departmentId',
		'userId',
		'periodType',
		'status',
		'departmentParticipation',
		'userParticipation',
	]) {
		if (filters[key] !== undefined && filters[key] !== '') qs[key] = String(filters[key]);
	}
	const statistics = await apiRequest<IDataObject>(this, 'GET', '/api/v1/dashboard/general', {
		qs,
		itemIndex: i,
	});
	return [{ json: statistics }];
}
