import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
	description:
		'Create a contact, or get the existing one (same ID) for a number the connection already has',
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
	// Digisac answers 200 for a number WhatsApp does not know and keeps the contact with
	// `data.valid: false` (github.com/douglara/digisac, spec/cassettes/Digisac/create_contact/
	// invalid_contact.yml; the gem treats it as an error too): nothing could be sent to it.
	const data = contact && typeof contact.data === 'object' ? (contact.data as IDataObject) : {};
	if (data.valid === false) {
		throw new NodeOperationError(
			this.getNode(),
			`Digisac does not know ${String(body.number)} as a WhatsApp number: the contact was saved with valid: false`,
			{
				itemIndex: i,
				description: `Check the number (country and area code). Digisac kept the contact (ID ${String(contact.id)}, number ${String(data.number ?? body.number)}); delete it with Contact → Delete if it is not wanted.`,
			},
		);
	}
	return [{ json: contact }];
}
