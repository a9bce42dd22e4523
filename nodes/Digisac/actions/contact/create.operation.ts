import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { phoneDigits } from '../../helpers/recipients';
import { apiRequest } from '../../transport';
import { connectionSelect, phoneNumberField } from '../common.description';

import { contactBody, contactFieldOptions } from './fields';

export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a contact',
	description: 'Create a contact (returns the existing one for a known number)',
};

export const properties: INodeProperties[] = [
	phoneNumberField(
		'Phone number with country and area code. If the connection already has this number, Digisac returns that contact.',
	),
	connectionSelect('The connection (conexão) the contact belongs to'),
	additionalFieldsCollection(contactFieldOptions),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {
		...contactBody(this, fields, i),
		number: phoneDigits(this, requireString(this, 'number', i), 'Phone Number', i),
		serviceId: requireString(this, 'serviceId', i),
	};
	const contact = await apiRequest<IDataObject>(this, 'POST', '/api/v1/contacts', {
		body,
		itemIndex: i,
	});
	return [{ json: contact }];
}
