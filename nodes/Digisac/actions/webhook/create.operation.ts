import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { webhookOwner } from '../../helpers/owner';
import { apiRequest } from '../../transport';

import { activeField, additionalEvents, eventList, webhookEvents } from './fields';

export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a webhook',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'A name that tells what the webhook is for',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/digisac-events',
		description:
			'Where Digisac POSTs the events. To start workflows from events, use the Digisac Trigger node instead: it registers itself.',
	},
	webhookEvents,
	optionsCollection([activeField, additionalEvents]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const url = requireString(this, 'url', i);
	if (!/^https?:\/\/\S+$/i.test(url)) {
		throw new NodeOperationError(this.getNode(), '"URL" must be an http(s) address', {
			itemIndex: i,
			description: `Item ${i} gave ${JSON.stringify(url)}.`,
		});
	}
	const events = eventList(
		this.getNodeParameter('events', i, []),
		this.getNodeParameter('options.additionalEvents', i, ''),
	);
	if (events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event', {
			itemIndex: i,
			description: 'Pick events in "Events" or type them in Options → Additional Events.',
		});
	}
	const body: IDataObject = {
		name: requireString(this, 'name', i),
		url,
		events,
		active: this.getNodeParameter('options.active', i, true) as boolean,
		type: 'general',
		// As the trigger's registration: from one GET /me per execution.
		...(await webhookOwner(this, i)),
	};
	return [
		{
			json: await apiRequest<IDataObject>(this, 'POST', '/api/v1/me/webhooks', {
				body,
				itemIndex: i,
			}),
		},
	];
}
