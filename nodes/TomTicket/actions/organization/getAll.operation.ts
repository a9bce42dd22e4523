import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { readLimit } from '../../../shared/parameters';
import { apiRequestAllItems } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many organizations',
	description: 'List the customer organizations (organizações)',
};

export const properties: INodeProperties[] = [...returnAllOrLimit()];

export async function execute(this: IExecuteFunctions, i: number) {
	return toItems(await apiRequestAllItems(this, '/organization/list', {}, readLimit(this, i), i));
}
