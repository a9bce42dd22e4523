import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readInputFile } from '../../../shared/binary';
import { optionsCollection } from '../../../shared/descriptions';
import { optionalString, textParameter } from '../../../shared/parameters';
import { readRecipient } from '../../helpers/recipients';
import { apiRequest } from '../../transport';
import {
	dontOpenTicketOption,
	originOption,
	recipientProperties,
	userOption,
} from '../common.description';

export const option = {
	name: 'Send',
	value: 'send',
	action: 'Send a message',
	description: 'Send a text or a file to a contact or a phone number',
};

export const properties: INodeProperties[] = [
	...recipientProperties,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The message text. With an attachment it is the caption and may be empty.',
	},
	optionsCollection([
		{
			displayName: 'Attachment Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description:
				'Name of the input binary property holding a file to send (image, PDF, audio...). Its file name and MIME type go with it.',
		},
		dontOpenTicketOption,
		originOption,
		{
			displayName: 'Reply To Message ID',
			name: 'replyTo',
			type: 'string',
			default: '',
			description: 'ID of a message of this chat to quote in the reply',
		},
		userOption,
	]),
];

/** The acting user, origin and ticket choice every send shares. */
export function sendOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	const userId = optionalString(context, 'options.userId', itemIndex);
	if (userId) body.userId = userId;
	const origin = optionalString(context, 'options.origin', itemIndex);
	if (origin) body.origin = origin;
	// A real boolean: the vendor's examples show the string "true" and a misspelt key, both wrong.
	if (context.getNodeParameter('options.dontOpenTicket', itemIndex, false) === true)
		body.dontOpenTicket = true;
	return body;
}

export async function execute(this: IExecuteFunctions, i: number) {
	const body: IDataObject = { ...readRecipient(this, i), ...sendOptions(this, i) };
	const text = textParameter(this, 'text', i);
	const binaryPropertyName = optionalString(this, 'options.binaryPropertyName', i);
	if (binaryPropertyName) {
		const file = await readInputFile(this, i, binaryPropertyName);
		// No `type` with a file: every recorded send with a file leaves it out and Digisac types the
		// message image/video/document itself (github.com/douglara/digisac, spec/cassettes/Digisac/
		// _send_message_to_contact_id/send_picture.yml answers `"type":"image"`); what `chat` with a
		// file would do is not recorded. Raw base64 without a data: prefix, as Digisac takes it.
		body.file = {
			base64: file.buffer.toString('base64'),
			mimetype: file.mimeType,
			name: file.fileName,
		};
	} else if (!text.trim()) {
		throw new NodeOperationError(this.getNode(), '"Text" is required', {
			itemIndex: i,
			description:
				'Enter the message text, or attach a file under Options → Attachment Input Binary Field.',
		});
	} else {
		body.type = 'chat';
	}
	if (text) body.text = text;
	const replyTo = optionalString(this, 'options.replyTo', i);
	if (replyTo) body.replyTo = replyTo;
	const message = await apiRequest<IDataObject>(this, 'POST', '/api/v1/messages', {
		body,
		itemIndex: i,
	});
	return [{ json: message }];
}
