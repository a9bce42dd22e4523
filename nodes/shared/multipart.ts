import type { InputFile } from './binary';
import { fileToBlob } from './binary';

export type FormValue = string | number | boolean | undefined | null;

export interface MultipartPart {
	field: string;
	file: InputFile;
}

/**
 * Builds a native FormData body (n8n's HTTP client sends it as multipart/form-data with its own
 * boundary). Empty values are left out; other values are sent as text, so callers encode booleans
 * the way their API wants them.
 */
export function buildFormData(
	fields: Record<string, FormValue>,
	files: MultipartPart[] = [],
): FormData {
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
	files: MultipartPart[] = [],
): number {
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
			file.mimeType.length +
			file.buffer.length;
	}
	return size;
}
