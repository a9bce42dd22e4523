import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { select } from '../../../shared/descriptions';
import { actionResult } from '../../../shared/json';
import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.description';

export const option = {
	name: 'Trigger Signal',
	value: 'triggerSignal',
	action: 'Trigger a bot signal',
	description: 'Send a flag to a bot so its flow continues for a contact',
};

export const properties: INodeProperties[] = [
	select({
		name: 'botId',
		label: 'Bot',
		description: 'The bot (robô) whose flow continues',
		method: 'getBots',
		required: true,
	}),
	contactLocator('The contact (contato) the bot is talking to'),
	{
		displayName: 'Flag',
		name: 'flag',
		type: 'string',
		required: true,
		default: '',
		description: 'The flag the bot\'s flow waits for, e.g. the answer to a "bot.command" event',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const botId = requireString(this, 'botId', i);
	const contactId = requireString(this, 'contactId', i);
	const flag = requireString(this, 'flag', i);
	const response = await apiRequest<unknown>(
		this,
		'POST',
		`/api/v1/bots/${pathSegment(this, botId, 'botId', i)}/trigger-signal/${pathSegment(this, contactId, 'contactId', i)}`,
		{ qs: { flag }, itemIndex: i },
	);
	return [{ json: actionResult(response, { botId, contactId, flag }) }];
}
