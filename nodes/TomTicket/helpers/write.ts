import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readInputFiles, splitPropertyNames } from '../../shared/binary';
import { isObject } from '../../shared/json';
import type { FormValue, MultipartPart } from '../../shared/multipart';
import { buildFormData, multipartSize } from '../../shared/multipart';
import { labelFor, requireString } from '../../shared/parameters';
import { apiRequest } from '../transport';

import { MAX_ATTACHMENTS, MAX_REQUEST_BYTES } from './constants';

function megabytes(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads the files of a comma-separated list of binary properties as TomTicket's `attachment[n]`
 * parts. No property names means no attachments.
 */
export async function attachmentParts(
	context: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyNames: unknown,
): Promise<MultipartPart[]> {
	const none =
		binaryPropertyNames === undefined || binaryPropertyNames === null || binaryPropertyNames === '';
	if (
		none ||
		(typeof binaryPropertyNames === 'string' &&
			splitPropertyNames(binaryPropertyNames).length === 0)
	)
		return [];
	const files = await readInputFiles(context, itemIndex, binaryPropertyNames);
	if (files.length > MAX_ATTACHMENTS) {
		throw new NodeOperationError(
			context.getNode(),
			`TomTicket accepts at most ${MAX_ATTACHMENTS} attachments per request`,
			{
				itemIndex,
				description: `Item ${itemIndex} names ${files.length} binary properties. Split the files over several requests.`,
			},
		);
	}
	return files.map((file, index) => ({ field: `attachment[${index}]`, file }));
}

/**
 * Sends a TomTicket write: multipart form data (the API refuses JSON with a bare 401), refused
 * before sending when it would exceed the API's 25 MB request limit.
 */
export async function postForm(
	context: IExecuteFunctions,
	path: string,
	fields: Record<string, FormValue>,
	files: MultipartPart[],
	itemIndex: number,
): Promise<IDataObject> {
	const size = multipartSize(fields, files, { context, itemIndex });
	if (size > MAX_REQUEST_BYTES) {
		throw new NodeOperationError(
			context.getNode(),
			`The request would be ${megabytes(size)}, above TomTicket's 25 MB limit`,
			{
				itemIndex,
				description: `TomTicket limits a whole request (text and all attachments together) to 25 MB. Files: ${files
					.map(({ file }) => `${file.fileName} (${megabytes(file.buffer.length)})`)
					.join(', ')}. Send fewer or smaller files.`,
			},
		);
	}
	const answer = await apiRequest<IDataObject | boolean>(context, 'POST', path, {
		body: buildFormData(fields, files, { context, itemIndex }),
		itemIndex,
	});
	// Some answers may be bare; the output is always an object.
	return isObject(answer) ? answer : { success: Boolean(answer) };
}

/**
 * A required text limited to `maxLength` characters (counted as the user sees them). `advice`
 * ends the error's description: what to do with a text that is too long depends on the field.
 */
export function requireText(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	maxLength?: number,
	advice = `TomTicket accepts at most ${maxLength} characters here. Shorten the text, or send the rest in a second reply or as an attachment.`,
): string {
	const value = requireString(context, name, itemIndex);
	const length = [...value].length;
	if (maxLength !== undefined && length > maxLength) {
		throw new NodeOperationError(
			context.getNode(),
			`"${labelFor(name)}" is too long for TomTicket: ${length} characters, at most ${maxLength}`,
			{
				itemIndex,
				description: advice,
			},
		);
	}
	return value;
}

/** custom_field[<id>] = value pairs from a "Custom Fields" fixed collection. */
export function customFieldEntries(
	context: IExecuteFunctions,
	collection: IDataObject | undefined,
	itemIndex: number,
): Record<string, string> {
	const rows = (collection?.field ?? []) as IDataObject[];
	const fields: Record<string, string> = {};
	for (const row of Array.isArray(rows) ? rows : [rows]) {
		const fieldId = String(row?.fieldId ?? '').trim();
		if (!fieldId) {
			throw new NodeOperationError(context.getNode(), 'A custom field has no field ID', {
				itemIndex,
				description: 'Pick the field in "Custom Fields", or remove the empty row.',
			});
		}
		const value = row.value;
		// A nested object would be stored as the text "[object Object]" (seen in production by a
		// third-party TomTicket client): send JSON instead.
		fields[`custom_field[${fieldId}]`] =
			value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value ?? '');
	}
	return fields;
}
