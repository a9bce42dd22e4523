import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { departmentSelect } from '../common.description';

const properties: INodeProperties[] = [
	departmentSelect('The department (departamento) to get', true),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['department'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const departmentId = requireString(this, 'departmentId', i);
	return [
		{
			json: await apiRequest<IDataObject>(
				this,
				'GET',
				`/api/v1/departments/${encodeURIComponent(departmentId)}`,
				{ itemIndex: i },
			),
		},
	];
}
