import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { mediaSourceFields, phoneLocator, sendOptions } from '../../helpers/fields';
import { readMedia } from '../../helpers/media';
import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';

const properties: INodeProperties[] = [phoneLocator(), ...mediaSourceFields('audio'), sendOptions];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendAudio'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
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
