import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { requireString, toList } from '../../../shared/parameters';
import { phoneDigits } from '../../helpers/recipients';
import { apiRequest } from '../../transport';
import { connectionSelect } from '../common.description';

export const option = {
	name: 'Check WhatsApp',
	value: 'checkWhatsApp',
	action: 'Check phone numbers',
	description: 'Check whether phone numbers have a WhatsApp account',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Numbers',
		name: 'numbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5511987654321, 5521912345678',
		description:
			'Phone numbers to check, separated by commas (an array in an expression works too)',
	},
	connectionSelect('The WhatsApp connection (conexão) that checks the numbers'),
];

/**
 * One item per checked number. The answer's shape is not documented, so each plausible form is
 * read: a list of records, a list of booleans in request order, or an object keyed by number.
 */
function resultsPerNumber(response: unknown, numbers: string[]): IDataObject[] {
	if (Array.isArray(response)) {
		return response.map((entry, k) => {
			if (isObject(entry)) return { number: numbers[k], ...entry };
			return { number: numbers[k], exists: entry === true || entry === 'true' };
		});
	}
	if (isObject(response)) {
		const source = isObject(response.data)
			? response.data
			: Array.isArray(response.data)
				? undefined
				: response;
		if (!source) return resultsPerNumber(response.data, numbers);
		const keyed = numbers.filter((number) => number in source);
		if (keyed.length) {
			return numbers.map((number) => {
				const value = source[number];
				if (isObject(value)) return { number, ...value };
				return { number, exists: value === true || value === 'true' };
			});
		}
		return [response];
	}
	return numbers.map((number) => ({ number, exists: response === true }));
}

export async function execute(this: IExecuteFunctions, i: number) {
	const raw = this.getNodeParameter('numbers', i, '') as unknown;
	const numbers = toList(raw).map((number) => phoneDigits(this, number, 'Numbers', i));
	if (numbers.length === 0) {
		throw new NodeOperationError(this.getNode(), '"Numbers" is required', {
			itemIndex: i,
			description: 'Enter at least one phone number.',
		});
	}
	const serviceId = requireString(this, 'serviceId', i);
	// The documented form is numbers[]=…&numbers[]=…, written out here so the brackets stay as documented.
	const list = numbers.map((number) => `numbers[]=${encodeURIComponent(number)}`).join('&');
	const response = await apiRequest<unknown>(this, 'GET', `/api/v1/contacts/exists?${list}`, {
		qs: { serviceId },
		itemIndex: i,
	});
	return resultsPerNumber(response, numbers).map((json) => ({ json }));
}
