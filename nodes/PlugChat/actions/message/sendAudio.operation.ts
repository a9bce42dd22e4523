import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readMedia } from '../../helpers/media';
import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';
import { mediaSourceFields, phoneLocator, sendOptions } from '../common.description';

export const option = {
	name: 'Send Audio',
	value: 'sendAudio',
	action: 'Send an audio message',
	description: 'Send an audio file or voice note',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	...mediaSourceFields('audio'),
	sendOptions,
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const media = await readMedia(this, i, 'audio');
	const body: IDataObject & { phone: string } = { phone, audio: media.value };
	return await sendMessage(this, i, '/api/whatsapp/send-audio', body, {
		source: media.source,
		fileName: media.fileName,
		mimeType: media.mimeType,
		fileSize: media.fileSize,
	});
}
