import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateFieldsCollection } from '../../../shared/descriptions';
import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { webhookLocator } from '../common.description';

import { activeField, additionalEvents, eventList, hasEvents, webhookEvents } from './fields';

export const option = {
	name: 'Update',
	value: 'update',
	action: 'Update a webhook',
};

export const properties: INodeProperties[] = [
	webhookLocator,
	updateFieldsCollection([
		activeField,
		{
			...additionalEvents,
			description:
				'Other event names, separated by commas. Together with Events they replace the current events.',
		},
		{
			...webhookEvents,
			description: 'Events Digisac sends to the URL; they replace the current events',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/digisac-events',
		},
	]),
];

/** Fields Digisac's own client sends back when it edits a webhook. */
const EDITABLE = ['active', 'name', 'url', 'events', 'type', 'userId'];

export async function execute(this: IExecuteFunctions, i: number) {
	const webhookId = requireString(this, 'webhookId', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes: IDataObject = {};
	if (typeof fields.active === 'boolean') changes.active = fields.active;
	if (typeof fields.name === 'string' && fields.name.trim()) changes.name = fields.name.trim();
	if (typeof fields.url === 'string' && fields.url.trim()) changes.url = fields.url.trim();
	if (hasEvents(fields)) {
		const events = eventList(fields.events, fields.additionalEvents);
		if (events.length === 0) {
			throw new NodeOperationError(this.getNode(), 'A webhook needs at least one event', {
				itemIndex: i,
			});
		}
		changes.events = events;
	}
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex: i,
			description: 'Add at least one field under "Update Fields".',
		});
	}
	const path = `/api/v1/me/webhooks/${pathSegment(this, webhookId, 'webhookId', i)}`;
	// Digisac's edit request sends the whole webhook back, so the current one is read first.
	const current = await apiRequest<IDataObject>(this, 'GET', path, { itemIndex: i });
	const body: IDataObject = {};
	for (const key of EDITABLE) if (current?.[key] !== undefined) body[key] = current[key];
	Object.assign(body, changes);
	return [{ json: await apiRequest<IDataObject>(this, 'PUT', path, { body, itemIndex: i }) }];
}
