import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { getManyLimit } from '../../helpers/filters';
import { apiRequestAllItems } from '../../transport';

const show = { resource: ['organization'], operation: ['getAll'] };

const properties: INodeProperties[] = [...returnAllOrLimit(show)];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return toItems(
		await apiRequestAllItems(this, '/organization/list', {}, getManyLimit(this, i), i),
	);
}
