import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface InputFile {
	propertyName: string;
	buffer: Buffer;
	fileName: string;
	mimeType: string;
}

/** "data, attachment2" (or a list) → ["data", "attachment2"]; anything else → []. */
export function splitPropertyNames(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return parts
		.filter((name): name is string => typeof name === 'string')
		.map((name) => name.trim())
		.filter((name) => name.length > 0);
}

const METADATA_LABELS = {
	fileName: 'file name',
	mimeType: 'MIME type',
	fileExtension: 'file extension',
} as const;

function describeValue(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object' && value !== null) return 'an object';
	return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * One text field of a binary's metadata. n8n's own nodes always write text, but a Code node can
 * write anything (`item.binary.data.fileName = 123`), and string methods would then fail.
 */
function metadataText(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	binary: IBinaryData,
	field: keyof typeof METADATA_LABELS,
): string | undefined {
	const value = (binary as unknown as Record<string, unknown>)[field];
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string') return value;
	const label = METADATA_LABELS[field];
	throw new NodeOperationError(
		context.getNode(),
		`The file in "${propertyName}" has a ${label} that is not text`,
		{
			itemIndex,
			description: `Item ${itemIndex}'s binary property "${propertyName}" has ${describeValue(value)} as its ${field}. Set it to text where the file is made, e.g. in a Code node: item.binary.${propertyName}.${field} = ${field === 'mimeType' ? "'application/pdf'" : field === 'fileName' ? "'boleto.pdf'" : "'pdf'"}.`,
		},
	);
}

/** Reads one binary property of an input item, with an error that names what is missing. */
export async function readInputFile(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<InputFile> {
	const item = context.getInputData()[itemIndex];
	const binary: IBinaryData | undefined = item?.binary?.[propertyName];
	if (!binary) {
		const available = Object.keys(item?.binary ?? {});
		throw new NodeOperationError(
			context.getNode(),
			`Item ${itemIndex} has no binary property "${propertyName}"`,
			{
				itemIndex,
				description: available.length
					? `Binary properties on this item: ${available.join(', ')}. Set "Input Binary Field" to one of them.`
					: 'This item carries no binary data. Read or download a file in an earlier node (for example "Read/Write Files from Disk" or "HTTP Request") first.',
			},
		);
	}
	const fileName = metadataText(context, itemIndex, propertyName, binary, 'fileName');
	const mimeType = metadataText(context, itemIndex, propertyName, binary, 'mimeType');
	const fileExtension = metadataText(context, itemIndex, propertyName, binary, 'fileExtension');
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	return {
		propertyName,
		buffer,
		fileName: fileName || `${propertyName}${fileExtension ? `.${fileExtension}` : ''}`,
		mimeType: mimeType || 'application/octet-stream',
	};
}

/** Reads a comma-separated list of binary properties. */
export async function readInputFiles(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyNames: unknown,
): Promise<InputFile[]> {
	if (
		propertyNames !== undefined &&
		propertyNames !== null &&
		typeof propertyNames !== 'string' &&
		!Array.isArray(propertyNames)
	) {
		throw new NodeOperationError(context.getNode(), 'The binary property name must be text', {
			itemIndex,
			description: `Item ${itemIndex} gave ${typeof propertyNames}. Enter names like "data" or "data, attachment".`,
		});
	}
	const names = splitPropertyNames(propertyNames);
	if (names.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No binary property given', {
			itemIndex,
			description: 'Enter the name of the binary property that holds the file, for example "data".',
		});
	}
	const files: InputFile[] = [];
	for (const name of names) files.push(await readInputFile(context, itemIndex, name));
	return files;
}

/** A native Blob for multipart bodies (FormData) built from an input file. */
export function fileToBlob(file: InputFile): Blob {
	return new Blob([file.buffer], { type: file.mimeType });
}

/** Builds an output item holding a downloaded file as n8n binary data. */
export async function binaryItem(
	context: IExecuteFunctions,
	data: Buffer,
	fileName: string,
	mimeType: string,
	json: INodeExecutionData['json'] = {},
	propertyName = 'data',
): Promise<INodeExecutionData> {
	const binary = await context.helpers.prepareBinaryData(data, fileName, mimeType);
	return {
		json: { fileName, mimeType, fileSize: data.length, ...json },
		binary: { [propertyName]: binary },
	};
}

/** Picks a file name from a Content-Disposition header, if the server sent one. */
export function fileNameFromDisposition(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
	const plain = /filename\s*=\s*("?)([^";]+)\1/i.exec(disposition);
	return plain?.[2]?.trim();
}

/** Turns an ArrayBuffer / Buffer / string body into a Buffer. */
export function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body);
	return Buffer.from(JSON.stringify(body ?? ''));
}

/** Extension ↔ MIME type of the files people send over WhatsApp and the platforms export. */
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

/** The usual extension of a MIME type ("text/csv; charset=utf-8" → "csv"). */
export function extensionForMime(mimeType: string | undefined): string | undefined {
	if (!mimeType) return undefined;
	return EXTENSION_BY_MIME[mimeType.split(';')[0].trim().toLowerCase()];
}

/** The MIME type a file name's extension stands for, if it is a known one. */
export function mimeTypeForName(name: string | undefined): string | undefined {
	const extension = extensionOf(name);
	return extension ? MIME_BY_EXTENSION[extension] : undefined;
}
