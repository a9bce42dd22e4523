import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { extensionForMime, extensionOf } from '../../../shared/binary';
import { readMedia } from '../../helpers/media';
import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';
import { quoted } from '../../helpers/text';
import { mediaSourceFields, phoneLocator, sendOptionsWith } from '../common.description';

export const option = {
	name: 'Send Document',
	value: 'sendDocument',
	action: 'Send a document',
	description: 'Send any file as a document (PDF, spreadsheet...)',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	...mediaSourceFields('document'),
	sendOptionsWith([
		{
			displayName: 'Extension',
			name: 'extension',
			type: 'string',
			default: '',
			placeholder: 'pdf',
			description:
				'File extension PlugChat puts in the path (/send-document/{extension}). By default it comes from the file name, or from the MIME type.',
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'Boleto maio.pdf',
			description: 'Name the recipient sees. By default the name of the binary file.',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const media = await readMedia(this, i, 'document');
	const options = this.getNodeParameter('options', i, {}) as {
		extension?: string;
		fileName?: string;
	};
	const fileName = String(options.fileName ?? '').trim() || media.fileName;
	const extension = (
		String(options.extension ?? '')
			.trim()
			.replace(/^\./, '') ||
		extensionOf(fileName) ||
		extensionOf(media.fileName) ||
		extensionForMime(media.mimeType) ||
		''
	).toLowerCase();
	if (!/^[a-z0-9]{1,10}$/.test(extension)) {
		throw new NodeOperationError(
			this.getNode(),
			extension
				? `${quoted(extension)} is not a file extension`
				: 'Could not tell the file extension of the document',
			{
				itemIndex: i,
				description:
					'PlugChat needs the extension in the request path (e.g. pdf). Set "Extension" under Options, or give the file a name that ends in one.',
			},
		);
	}
	const body: IDataObject & { phone: string } = { phone, document: media.value };
	if (fileName) body.fileName = fileName;
	return await sendMessage(this, i, `/api/whatsapp/send-document/${extension}`, body, {
		source: media.source,
		fileName,
		extension,
		mimeType: media.mimeType,
		fileSize: media.fileSize,
	});
}
