import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { pathSegment, requireString } from '../../../shared/parameters';
import { backoffDelay } from '../../../shared/retry';
import { messageFile, messageFileItem } from '../../helpers/files';
import { apiRequest } from '../../transport';
import { messageLocator, outputBinaryOption } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a message',
	description: 'Get a message, optionally with its file as binary data',
};

/** The default of "Max File Size (MB)": the same as the trigger's media cap. */
const DEFAULT_MAX_FILE_MB = 50;

export const properties: INodeProperties[] = [
	messageLocator,
	{
		displayName: 'Download File',
		name: 'downloadFile',
		type: 'boolean',
		default: false,
		description:
			"Whether to download the message's media (image, audio, document...) as binary data",
	},
	{
		...optionsCollection([
			outputBinaryOption,
			{
				displayName: 'Max File Size (MB)',
				name: 'maxFileSizeMb',
				type: 'number',
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				default: DEFAULT_MAX_FILE_MB,
				description:
					'Largest file to download. A larger one is not downloaded (reading stops at this size) and the item gets a fileError saying so.',
			},
		]),
		displayOptions: { show: { downloadFile: [true] } },
	},
];

function maxFileBytes(context: IExecuteFunctions, itemIndex: number): number {
	const megabytes = Number(context.getNodeParameter('options.maxFileSizeMb', itemIndex, 0));
	const chosen = Number.isFinite(megabytes) && megabytes > 0 ? megabytes : DEFAULT_MAX_FILE_MB;
	return Math.floor(chosen * 1024 * 1024);
}

/** Digisac fetches media from WhatsApp after the message exists; a fresh message may not have it yet. */
const FILE_ATTEMPTS = 5;

function isDownloading(message: IDataObject): boolean {
	const data = message.data as IDataObject | undefined;
	const fileDownload = data?.fileDownload as IDataObject | undefined;
	return fileDownload?.isDownloading === true;
}

export async function execute(this: IExecuteFunctions, i: number) {
	const messageId = requireString(this, 'messageId', i);
	const path = `/api/v1/messages/${pathSegment(this, messageId, 'messageId', i)}`;
	const downloadFile = this.getNodeParameter('downloadFile', i, false) as boolean;
	if (!downloadFile)
		return [{ json: await apiRequest<IDataObject>(this, 'GET', path, { itemIndex: i }) }];

	const propertyName =
		(this.getNodeParameter('options.binaryPropertyName', i, 'data') as string) || 'data';
	for (let attempt = 1; ; attempt++) {
		const message = await apiRequest<IDataObject>(this, 'GET', path, {
			qs: { include: ['file'] },
			itemIndex: i,
		});
		const file = messageFile(message);
		if (file) {
			const maxBytes = maxFileBytes(this, i);
			const item = await messageFileItem(this, i, message, file, propertyName, maxBytes);
			if (item) return [item];
			const megabytes = Math.round((maxBytes / (1024 * 1024)) * 100) / 100;
			return [
				{
					json: {
						...message,
						fileError: `The file is larger than the ${megabytes} MB "Max File Size" of this node, so it was not downloaded. Raise the option to download it.`,
					},
				},
			];
		}
		if (!isDownloading(message)) return [{ json: message }];
		if (attempt >= FILE_ATTEMPTS) {
			return [
				{
					json: {
						...message,
						fileError: `The file was still being downloaded by Digisac after ${attempt} attempts. Try again later.`,
					},
				},
			];
		}
		await sleep(backoffDelay(attempt));
	}
}
