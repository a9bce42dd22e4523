import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { binaryItem, toBuffer } from '../../../shared/binary';
import { isObject } from '../../../shared/json';
import { headerValue } from '../../../shared/transport';
import { readPhone } from '../../helpers/phone';
import { apiRequest, apiRequestFull } from '../../transport';
import { phoneLocator } from '../common.description';

export const option = {
	name: 'Get Profile Picture',
	value: 'getProfilePicture',
	action: 'Get the profile picture of a contact',
	description: 'Get the current profile picture link, optionally as a file',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	{
		displayName: 'Download Picture',
		name: 'download',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the picture as binary data (the link itself expires after 48 hours)',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { download: [true] } },
		hint: 'The name of the output binary field to put the file in',
		description: 'Name of the binary property that receives the picture',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const answer = await apiRequest<unknown>(this, 'GET', '/api/whatsapp/profile-picture', {
		qs: { phone },
		itemIndex: i,
	});
	// Documented as `[{"link": ...}]`; clients in the wild read `{"link": ...}`. Both are read.
	const record = Array.isArray(answer)
		? answer.find(isObject)
		: isObject(answer)
			? answer
			: undefined;
	const link =
		typeof record?.link === 'string' && record.link.trim() ? record.link.trim() : undefined;
	const json = { phone, link: link ?? null, hasPicture: Boolean(link) };
	if (!link || this.getNodeParameter('download', i, false) !== true) return [{ json }];

	// The picture lives on WhatsApp's CDN: fetched without PlugChat's token.
	const response = await apiRequestFull(this, 'GET', link, {
		binary: true,
		anonymous: true,
		itemIndex: i,
	});
	const mimeType = (headerValue(response.headers, 'content-type') ?? 'image/jpeg')
		.split(';')[0]
		.trim();
	const extension = mimeType === 'image/png' ? 'png' : mimeType === 'image/webp' ? 'webp' : 'jpg';
	const propertyName =
		String(this.getNodeParameter('binaryPropertyName', i, 'data')).trim() || 'data';
	return [
		await binaryItem(
			this,
			toBuffer(response.body),
			`${phone}.${extension}`,
			mimeType,
			json,
			propertyName,
		),
	];
}
