import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readMedia } from '../../helpers/media';
import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';
import { optionalText } from '../../helpers/text';
import { mediaSourceFields, phoneLocator, sendOptions } from '../common.description';

export const option = {
	name: 'Send Image',
	value: 'sendImage',
	action: 'Send an image',
	description: 'Send an image with an optional caption',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	...mediaSourceFields('image'),
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Text shown under the image',
	},
	sendOptions,
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const media = await readMedia(this, i, 'image');
	const body: IDataObject & { phone: string } = { phone, image: media.value };
	const caption = optionalText(this, 'caption', i);
	if (caption) body.caption = caption;
	return await sendMessage(this, i, '/api/whatsapp/send-image', body, {
		source: media.source,
		fileName: media.fileName,
		mimeType: media.mimeType,
		fileSize: media.fileSize,
	});
}
