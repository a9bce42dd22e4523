import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { binaryItem, toBuffer } from '../../../shared/binary';
import { isObject } from '../../../shared/json';
import { headerValue } from '../../../shared/transport';
import { apiRequestFull } from '../../transport';

export const option = {
	name: 'Get QR Code',
	value: 'getQrCode',
	action: 'Get the QR code',
	description: 'Get the QR code that connects a WhatsApp number, as an image',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description: 'Name of the binary property that receives the QR code image',
	},
];

interface Image {
	data: Buffer;
	mimeType: string;
}

function sniffImage(bytes: Buffer): string | undefined {
	if (
		bytes.length > 8 &&
		bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
	)
		return 'image/png';
	if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
		return 'image/jpeg';
	return undefined;
}

/** "data:image/png;base64,iVBOR..." or bare base64 → image bytes; anything else → undefined. */
function decodeImageText(text: string): Image | undefined {
	const value = text.trim();
	const dataUri = /^data:(image\/[a-z0-9.+-]+);base64,(.+)$/is.exec(value);
	if (dataUri)
		return {
			data: Buffer.from(dataUri[2].replace(/\s/g, ''), 'base64'),
			mimeType: dataUri[1].toLowerCase(),
		};
	if (/^[A-Za-z0-9+/=\s]{12,}$/.test(value)) {
		const data = Buffer.from(value.replace(/\s/g, ''), 'base64');
		const mimeType = sniffImage(data);
		if (mimeType) return { data, mimeType };
	}
	return undefined;
}

/**
 * Z-API answers `{"value": "data:image/png;base64,..."}` (GUESS for PlugChat, whose page only
 * says "an image of the base64 type"); raw image bytes and a bare base64 string are read too.
 * An answer without an image (the number is already connected) is returned as it came.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const response = await apiRequestFull<unknown>(this, 'GET', '/api/whatsapp/qr-code/image', {
		binary: true,
		itemIndex: i,
	});
	const bytes = toBuffer(response.body);
	const contentType = (headerValue(response.headers, 'content-type') ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();

	let image: Image | undefined;
	let answer: IDataObject = {};
	const sniffed = sniffImage(bytes);
	if (sniffed || contentType.startsWith('image/')) {
		image = { data: bytes, mimeType: sniffed ?? contentType };
	} else {
		const text = bytes.toString('utf8');
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
		if (typeof parsed === 'string') {
			image = decodeImageText(parsed);
			if (!image && parsed.trim()) answer = { result: parsed.trim().slice(0, 500) };
		} else if (isObject(parsed)) {
			answer = parsed;
			for (const key of ['value', 'qrCode', 'image', 'base64']) {
				if (typeof parsed[key] === 'string') image = decodeImageText(parsed[key] as string);
				if (image) break;
			}
		}
	}

	if (!image) return [{ json: { qrCode: false, ...answer } }];
	const { value: _value, ...rest } = answer;
	const propertyName =
		String(this.getNodeParameter('binaryPropertyName', i, 'data')).trim() || 'data';
	const extension = image.mimeType === 'image/jpeg' ? 'jpg' : 'png';
	// WhatsApp replaces the code about every 20 seconds, so it must be scanned right away.
	return [
		await binaryItem(
			this,
			image.data,
			`plugchat-qr-code.${extension}`,
			image.mimeType,
			{ qrCode: true, ...rest },
			propertyName,
		),
	];
}
