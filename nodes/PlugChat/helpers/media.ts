import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readInputFile, mimeTypeForName } from '../../shared/binary';
import { requireString } from '../../shared/parameters';

import { quoted } from './text';

type MediaKind = 'image' | 'audio' | 'video' | 'document';

export interface Media {
	/** What goes into the API's media field: the URL, or a `data:<mime>;base64,` URI. */
	value: string;
	source: 'binary' | 'url';
	fileName?: string;
	mimeType?: string;
	fileSize?: number;
}

/**
 * Reads the file of a media send. A binary file becomes a data URI, the form PlugChat's Z-API
 * based sends document for base64 ("data:image/png;base64,..."); a URL is passed on as it is.
 */
export async function readMedia(
	context: IExecuteFunctions,
	itemIndex: number,
	kind: MediaKind,
): Promise<Media> {
	const source = context.getNodeParameter('source', itemIndex, 'binary') as 'binary' | 'url';
	if (source === 'url') {
		const url = requireString(context, 'mediaUrl', itemIndex);
		if (!/^https?:\/\/\S+$/i.test(url)) {
			throw new NodeOperationError(context.getNode(), `${quoted(url)} is not a web address`, {
				itemIndex,
				description: `The ${kind} URL must start with https:// (or http://) so PlugChat can download it. To send a file from this workflow, set Source to Binary File.`,
			});
		}
		return {
			value: url,
			source,
			fileName: decodeURIComponent(url.split(/[?#]/)[0].split('/').pop() ?? '') || undefined,
		};
	}

	const propertyName = requireString(context, 'binaryPropertyName', itemIndex);
	const file = await readInputFile(context, itemIndex, propertyName);
	let mimeType = file.mimeType.split(';')[0].trim().toLowerCase();
	// n8n labels files it cannot identify application/octet-stream; WhatsApp needs the real type.
	if (mimeType === 'application/octet-stream' || !mimeType) {
		mimeType = mimeTypeForName(file.fileName) ?? 'application/octet-stream';
	}
	if (
		kind !== 'document' &&
		mimeType !== 'application/octet-stream' &&
		!mimeType.startsWith(`${kind}/`)
	) {
		const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
		throw new NodeOperationError(
			context.getNode(),
			`The file in ${quoted(propertyName)} is ${mimeType}, not ${article} ${kind}`,
			{
				itemIndex,
				description: `"${file.fileName}" cannot be sent as ${article} ${kind}. Use the matching Send operation, or Send Document for any file.`,
			},
		);
	}
	if (file.buffer.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			`The file in ${quoted(propertyName)} is empty`,
			{ itemIndex },
		);
	}
	return {
		value: `data:${mimeType};base64,${file.buffer.toString('base64')}`,
		source,
		fileName: file.fileName,
		mimeType,
		fileSize: file.buffer.length,
	};
}
