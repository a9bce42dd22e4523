import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { departmentSelect } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a department',
};

export const properties: INodeProperties[] = [
	departmentSelect('The department (departamento) to get', true),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const departmentId = requireString(this, 'departmentId', i);
	return [
		{
			json: await apiRequest<IDataObject>(
				this,
				'GET',
				`/api/v1/departments/${pathSegment(this, departmentId, 'departmentId', i)}`,
				{ itemIndex: i },
			),
		},
	];
}
