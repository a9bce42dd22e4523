import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { InputFile } from './binary';
import { fileToBlob } from './binary';

export type FormValue = string | number | boolean | undefined | null;

export interface MultipartPart {
	field: string;
	file: InputFile;
}

/** Who the body is for: errors name the node and the item. */
export interface FormOwner {
	context: Pick<IExecuteFunctions, 'getNode'>;
	itemIndex: number;
}

function refuse(owner: FormOwner, message: string, description: string): never {
	throw new NodeOperationError(owner.context.getNode(), message, {
		itemIndex: owner.itemIndex,
		description,
	});
}

/**
 * Every value of a multipart body must be text (or a number or boolean sent as text), and every
 * file a Buffer with a text name and type: anything else would be sent as "[object Object]" or
 * fail inside the size count. readInputFile() already checks files read from n8n binary data;
 * this holds for whatever a caller builds.
 */
function checkParts(
	fields: Record<string, FormValue>,
	files: MultipartPart[],
	owner: FormOwner,
): void {
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
			refuse(
				owner,
				`The form field "${name}" must be text`,
				`Item ${owner.itemIndex} gave ${Array.isArray(value) ? 'a list' : typeof value} for "${name}". If it comes from an expression, pick a single text field.`,
			);
		}
	}
	for (const { field, file } of files) {
		if (!Buffer.isBuffer(file?.buffer))
			refuse(owner, `The file for "${field}" has no data`, 'Read the file in an earlier node.');
		for (const key of ['fileName', 'mimeType'] as const) {
			if (typeof file[key] !== 'string') {
				refuse(
					owner,
					`The file for "${field}" has a ${key === 'fileName' ? 'file name' : 'MIME type'} that is not text`,
					`Item ${owner.itemIndex} gave ${typeof file[key]} as the ${key} of "${field}".`,
				);
			}
		}
	}
}

/**
 * Builds a native FormData body (n8n's HTTP client sends it as multipart/form-data with its own
 * boundary). Empty values are left out; other values are sent as text, so callers encode booleans
 * the way their API wants them.
 */
export function buildFormData(
	fields: Record<string, FormValue>,
	files: MultipartPart[],
	owner: FormOwner,
): FormData {
	checkParts(fields, files, owner);
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		form.append(name, String(value));
	}
	for (const { field, file } of files) form.append(field, fileToBlob(file), file.fileName);
	return form;
}

/** Size of the multipart body in bytes, close enough to enforce an API's request-size limit. */
export function multipartSize(
	fields: Record<string, FormValue>,
	files: MultipartPart[],
	owner: FormOwner,
): number {
	checkParts(fields, files, owner);
	const perPartOverhead = 160; // boundary line and part headers
	let size = 0;
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		size += perPartOverhead + Buffer.byteLength(name) + Buffer.byteLength(String(value));
	}
	for (const { field, file } of files) {
		size +=
			perPartOverhead +
			Buffer.byteLength(field) +
			Buffer.byteLength(file.fileName) +
			Buffer.byteLength(file.mimeType) +
			file.buffer.length;
	}
	return size;
}
