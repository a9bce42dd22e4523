import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/descriptions';
import { asNodeError, errorItem } from '../../../shared/items';
import { asJson, isObject } from '../../../shared/json';
import { requireNumber, requireString } from '../../../shared/parameters';
import { readRequestOptions } from '../../../shared/requestOptions';
import { phoneDigits } from '../../helpers/recipients';
import { apiRequest } from '../../transport';
import { connectionSelect, phoneNumberField } from '../common.description';

import { contactBody, contactFieldOptions } from './fields';

export const option = {
	name: 'Create Many',
	value: 'createMany',
	action: 'Create many contacts',
	description: 'Create one contact per input item, sent in batches',
};

export const properties: INodeProperties[] = [
	phoneNumberField(
		"Phone number of each input item's contact, usually an expression",
		'e.g. {{ $json.phone }}',
	),
	connectionSelect('The connection (conexão) the contacts belong to'),
	additionalFieldsCollection(contactFieldOptions),
	{
		displayName: 'Contacts per Request',
		name: 'contactsPerRequest',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 500 },
		default: 100,
		description: 'How many input items are sent together in one request to Digisac',
	},
];

/** The contact one input item describes. */
function contactFromItem(context: IExecuteFunctions, i: number): IDataObject {
	const fields = context.getNodeParameter('additionalFields', i, {}) as IDataObject;
	return {
		...contactBody(context, fields, i),
		number: phoneDigits(context, requireString(context, 'number', i), 'Phone Number', i),
		serviceId: requireString(context, 'serviceId', i),
	};
}

/**
 * What one batch's answer becomes. One record per sent contact is paired 1:1 with the items; any
 * other answer (a different count, an object, an empty body) is paired with every item of the batch.
 */
function batchOutput(response: unknown, indexes: number[]): INodeExecutionData[] {
	const paired = indexes.map((item) => ({ item }));
	if (Array.isArray(response)) {
		const records = response.map(asJson);
		if (records.length === indexes.length)
			return records.map((json, k) => ({ json, pairedItem: { item: indexes[k] } }));
		return records.map((json) => ({ json, pairedItem: paired }));
	}
	if (isObject(response) && Object.keys(response).length)
		return [{ json: response, pairedItem: paired }];
	return [{ json: { success: true, created: indexes.length }, pairedItem: paired }];
}

/** Sends every input item's contact to POST /api/v1/contacts/many, in batches. */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	// Contacts per Request sets the groups; the Request Options' batch interval paces them.
	const { batchInterval: interval } = readRequestOptions(this);
	const perRequest = requireNumber(this, 'contactsPerRequest', 0, { min: 1, integer: true });
	const continueOnFail = this.continueOnFail();
	const output: INodeExecutionData[] = [];

	// Read and check every item first: a bad number fails (or is reported) before anything is sent.
	const valid: Array<{ index: number; contact: IDataObject }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			valid.push({ index: i, contact: contactFromItem(this, i) });
		} catch (error) {
			const nodeError = asNodeError(this, error, i);
			if (!continueOnFail) throw nodeError;
			output.push(errorItem(nodeError, i));
		}
	}

	for (let start = 0; start < valid.length; start += perRequest) {
		if (start > 0 && interval > 0) await sleep(interval);
		const batch = valid.slice(start, start + perRequest);
		const indexes = batch.map((entry) => entry.index);
		try {
			const response = await apiRequest<unknown>(this, 'POST', '/api/v1/contacts/many', {
				body: batch.map((entry) => entry.contact),
				itemIndex: indexes[0],
			});
			output.push(...batchOutput(response, indexes));
		} catch (error) {
			const nodeError = asNodeError(this, error, indexes[0]);
			if (!continueOnFail) throw nodeError;
			for (const index of indexes) output.push(errorItem(nodeError, index));
		}
	}
	output.sort((a, b) => firstPairedIndex(a) - firstPairedIndex(b));
	return [output];
}

function firstPairedIndex(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	if (Array.isArray(paired)) return paired[0]?.item ?? 0;
	if (typeof paired === 'object' && paired) return paired.item;
	return typeof paired === 'number' ? paired : 0;
}
