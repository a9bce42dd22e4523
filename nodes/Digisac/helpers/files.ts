import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	binaryItem,
	fileNameFromDisposition,
	toBuffer,
	extensionForMime,
} from '../../shared/binary';
import { summarizeTextBody } from '../../shared/errors';
import { isObject } from '../../shared/json';
import type { ServiceResponse } from '../../shared/transport';
import { headerValue } from '../../shared/transport';
import { apiRequestFull, downloadDigisacFile } from '../transport';

import { stringField } from './responses';

function fileNameFromUrl(url: string): string | undefined {
	try {
		const last = new URL(url, 'http://relative.invalid').pathname.split('/').filter(Boolean).pop();
		return last ? decodeURIComponent(last) : undefined;
	} catch {
		return undefined;
	}
}

function bodyText(body: unknown): string {
	return toBuffer(body).toString('utf8');
}

/**
 * Sends an export request and returns its file as the output item, in the binary field chosen
 * under Options (Put Output File in Field). An export changes nothing, so it is sent as
 * idempotent: a retry after a dropped connection is safe even for the POST exports.
 */
export async function exportFile(
	context: IExecuteFunctions,
	itemIndex: number,
	request: { method: 'GET' | 'POST'; path: string; qs?: IDataObject; body?: IDataObject },
	defaults: { fileName: string; mimeType: string },
	json: IDataObject = {},
): Promise<INodeExecutionData[]> {
	const { method, path, ...rest } = request;
	const response = await apiRequestFull<unknown>(context, method, path, {
		...rest,
		binary: true,
		idempotent: true,
		itemIndex,
	});
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const propertyName = String(options.binaryPropertyName || 'data');
	return [await exportToItem(context, itemIndex, response, defaults, propertyName, json)];
}

/**
 * Turns an export endpoint's answer into an output item. The file body becomes n8n binary data
 * (MIME type from Content-Type, name from Content-Disposition or the default). Should the API
 * answer JSON instead, a `url` in it is downloaded; any other JSON is passed on as it is (for
 * example a notice that the export will be e-mailed).
 */
async function exportToItem(
	context: IExecuteFunctions,
	itemIndex: number,
	response: ServiceResponse<unknown>,
	defaults: { fileName: string; mimeType: string },
	propertyName: string,
	json: IDataObject = {},
): Promise<INodeExecutionData> {
	const headers = response.headers ?? {};
	const contentType =
		headerValue(headers, 'content-type')?.split(';')[0].trim().toLowerCase() ?? '';
	const disposition = headerValue(headers, 'content-disposition');
	if (contentType.includes('json')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(bodyText(response.body));
		} catch {
			parsed = undefined;
		}
		const url =
			stringField(parsed, 'url') ?? stringField(parsed, 'fileUrl') ?? stringField(parsed, 'link');
		if (url) {
			const file = await downloadDigisacFile(context, url, itemIndex);
			const mimeType = file.mimeType || defaults.mimeType;
			const fileName =
				fileNameFromDisposition(file.disposition) ?? fileNameFromUrl(url) ?? defaults.fileName;
			return await binaryItem(context, file.data, fileName, mimeType, json, propertyName);
		}
		if (isObject(parsed)) return { json: { ...json, ...parsed } };
		return {
			json: {
				...json,
				result: (parsed ?? bodyText(response.body)) as IDataObject[keyof IDataObject],
			},
		};
	}
	if (contentType === 'text/html') {
		// A login or error page instead of the file: the account URL or the route is wrong.
		throw new NodeApiError(
			context.getNode(),
			{ message: 'Digisac answered with an HTML page instead of a file' },
			{
				message: 'Digisac answered with an HTML page instead of a file',
				description: `${summarizeTextBody(bodyText(response.body))}. Check the Account URL in the Digisac credential.`,
				itemIndex,
			},
		);
	}
	const data = toBuffer(response.body);
	const mimeType = contentType || defaults.mimeType;
	const fileName = fileNameFromDisposition(disposition) ?? defaults.fileName;
	return await binaryItem(context, data, fileName, mimeType, json, propertyName);
}

/** The URL of a message's media, wherever this API version puts it (`file.url` or `files[0].url`). */
export function messageFile(message: unknown): IDataObject | undefined {
	if (!isObject(message)) return undefined;
	if (isObject(message.file) && stringField(message.file, 'url')) return message.file;
	if (Array.isArray(message.files))
		return (message.files as unknown[]).filter(isObject).find((file) => stringField(file, 'url'));
	return undefined;
}

/**
 * Downloads a message's media and returns it as an output item next to the message JSON;
 * undefined when the file is larger than `maxBytes` (nothing beyond it was read).
 */
export async function messageFileItem(
	context: IExecuteFunctions,
	itemIndex: number,
	message: IDataObject,
	file: IDataObject,
	propertyName: string,
	maxBytes?: number,
): Promise<INodeExecutionData | undefined> {
	// The URL the API returned for the message (see downloadDigisacFile for where the token goes).
	const url = stringField(file, 'url') as string;
	const downloaded = await downloadDigisacFile(context, url, itemIndex, maxBytes);
	if (downloaded.tooLarge) return undefined;
	const mimeType =
		stringField(file, 'mimetype') ?? downloaded.mimeType ?? 'application/octet-stream';
	const extension = extensionForMime(mimeType);
	const fileName =
		stringField(file, 'name') ??
		stringField(file, 'publicFilename') ??
		fileNameFromDisposition(downloaded.disposition) ??
		fileNameFromUrl(url) ??
		`${stringField(message, 'id') ?? 'file'}${extension ? `.${extension}` : ''}`;
	const binary = await context.helpers.prepareBinaryData(downloaded.data, fileName, mimeType);
	return { json: message, binary: { [propertyName]: binary } };
}
