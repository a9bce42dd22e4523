import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireString } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';
import { quoted, optionalText, readText } from '../../helpers/text';
import { phoneLocator, sendOptionsWith, messageTextField } from '../common.description';

export const option = {
	name: 'Send Link',
	value: 'sendLink',
	action: 'Send a link',
	description: 'Send a link with a preview',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	messageTextField(
		'Text about the link. PlugChat wants the link at the end of the text; it is added when missing.',
	),
	{
		displayName: 'Link URL',
		name: 'linkUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com',
		description: 'Address the preview points to',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'Title of the link preview',
	},
	sendOptionsWith([
		{
			displayName: 'Image URL',
			name: 'image',
			type: 'string',
			default: '',
			description: 'Address of the image shown in the preview',
		},
		{
			displayName: 'Link Description',
			name: 'linkDescription',
			type: 'string',
			default: '',
			description: 'Description shown in the preview',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const linkUrl = requireString(this, 'linkUrl', i);
	if (!/^https?:\/\/\S+$/i.test(linkUrl)) {
		throw new NodeOperationError(this.getNode(), `${quoted(linkUrl)} is not a web address`, {
			itemIndex: i,
			description: 'The link must start with https:// or http://.',
		});
	}
	let message = readText(this, 'message', i).trimEnd();
	// PlugChat makes the preview only when the text ends with the link.
	if (!message.endsWith(linkUrl)) message = `${message}\n${linkUrl}`;
	const body: IDataObject & { phone: string } = { phone, message, linkUrl };
	const title = optionalText(this, 'title', i);
	if (title) body.title = title;
	const options = this.getNodeParameter('options', i, {}) as {
		image?: string;
		linkDescription?: string;
	};
	if (String(options.image ?? '').trim()) body.image = String(options.image).trim();
	if (String(options.linkDescription ?? '').trim())
		body.linkDescription = String(options.linkDescription);
	return await sendMessage(this, i, '/api/whatsapp/send-link', body);
}
