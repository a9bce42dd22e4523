import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get the send queue',
	description: 'Get the messages waiting to be sent',
};

/** Queue entries come with capitalised keys (`ZaapId`, `Phone`...): they come out in camelCase. */
function queueMessage(entry: IDataObject): IDataObject {
	const message: IDataObject = {};
	for (const [key, value] of Object.entries(entry))
		message[key.charAt(0).toLowerCase() + key.slice(1)] = value;
	const created = Number(message.created);
	if (Number.isFinite(created) && created > 0)
		message.createdAt = new Date(created < 1e12 ? created * 1000 : created).toISOString();
	return message;
}

export async function execute(this: IExecuteFunctions, i: number) {
	const answer = await apiRequest<unknown>(this, 'GET', '/api/whatsapp/queue', { itemIndex: i });
	const queue = isObject(answer) ? answer : {};
	const messages = (
		Array.isArray(queue.messages) ? queue.messages : Array.isArray(answer) ? answer : []
	)
		.filter(isObject)
		.map(queueMessage);
	const size = Number(queue.size);
	return [{ json: { size: Number.isFinite(size) ? size : messages.length, messages } }];
}
