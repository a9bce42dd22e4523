import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { select, multiSelect, updateFieldsCollection } from '../../../shared/descriptions';
import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.description';

import { contactBody, contactFieldOptions } from './fields';

export const option = {
	name: 'Update',
	value: 'update',
	action: 'Update a contact',
	description: 'Change names, number, tags, custom fields or default department',
};

const [customFieldsField, defaultDepartmentField, internalNameField] = contactFieldOptions;

export const properties: INodeProperties[] = [
	contactLocator('The contact (contato) to update'),
	updateFieldsCollection([
		select({
			name: 'serviceId',
			label: 'Connection',
			description: 'Move the contact to this connection',
			method: 'getConnections',
		}),
		customFieldsField,
		defaultDepartmentField,
		internalNameField,
		{
			displayName: 'Phone Number',
			name: 'number',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5511987654321',
			description: 'New phone number with country and area code',
		},
		{
			displayName: 'Silenced',
			name: 'isSilenced',
			type: 'boolean',
			default: false,
			description: "Whether the contact's chat is muted for agents",
		},
		multiSelect({
			name: 'tagIds',
			label: 'Tag',
			description: 'Tags (etiquetas) of the contact; they replace its current tags',
			method: 'getTags',
		}),
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const contactId = requireString(this, 'contactId', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body = contactBody(this, fields, i);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex: i,
			description: 'Add at least one field under "Update Fields".',
		});
	}
	const contact = await apiRequest<IDataObject>(
		this,
		'PUT',
		`/api/v1/contacts/${pathSegment(this, contactId, 'contactId', i)}`,
		{ body, itemIndex: i },
	);
	return [{ json: contact }];
}
