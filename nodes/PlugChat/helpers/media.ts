import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readInputFile } from '../../shared/binary';
import { requireString } from '../../shared/parameters';

import { quoted } from './text';

export type MediaKind = 'image' | 'audio' | 'video' | 'document';

/** Extension ↔ MIME type for the files people send over WhatsApp. */
const MIME_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	mp3: 'audio/mpeg',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	wav: 'audio/wav',
	amr: 'audio/amr',
	mp4: 'video/mp4',
	'3gp': 'video/3gpp',
	mov: 'video/quicktime',
	pdf: 'application/pdf',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	csv: 'text/csv',
	txt: 'text/plain',
	zip: 'application/zip',
	xml: 'application/xml',
	json: 'application/json',
	rar: 'application/vnd.rar',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

// The first extension listed for a MIME type is the usual one (jpg, not jpeg).
const EXTENSION_BY_MIME: Record<string, string> = {};
for (const [extension, mime] of Object.entries(MIME_BY_EXTENSION))
	EXTENSION_BY_MIME[mime] ??= extension;

/** "Boleto Maio.PDF" → "pdf"; a URL's path works too. */
export function extensionOf(name: string | undefined): string | undefined {
	if (!name) return undefined;
	let path = name;
	try {
		if (/^https?:\/\//i.test(name)) path = decodeURIComponent(new URL(name).pathname);
	} catch {
		path = name;
	}
	const match = /\.([a-z0-9]{1,8})$/i.exec(path.trim());
	return match ? match[1].toLowerCase() : undefined;
}

export function extensionForMime(mimeType: string | undefined): string | undefined {
	if (!mimeType) return undefined;
	return EXTENSION_BY_MIME[mimeType.split(';')[0].trim().toLowerCase()];
}

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
		mimeType = MIME_BY_EXTENSION[extensionOf(file.fileName) ?? ''] ?? 'application/octet-stream';
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
