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
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	const mimeType = binary.mimeType || 'application/octet-stream';
	const extension = binary.fileExtension ? `.${binary.fileExtension}` : '';
	return {
		propertyName,
		buffer,
		fileName: binary.fileName || `${propertyName}${extension}`,
		mimeType,
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
