import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireNumber, requireString } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';
import { phoneLocator, sendOptions } from '../common.description';

export const option = {
	name: 'Send Location',
	value: 'sendLocation',
	action: 'Send a location',
	description: 'Send a fixed location on the map',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Loja Centro',
		description: 'Name of the place',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Av. Paulista, 1000, Bela Vista, São Paulo, SP, 01310-100',
		description: 'Street, number, district, city, state and postal code, separated by commas',
	},
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'string',
		default: '',
		required: true,
		placeholder: '-23.5613',
		description: 'Latitude in decimal degrees (-90 to 90)',
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'string',
		default: '',
		required: true,
		placeholder: '-46.6565',
		description: 'Longitude in decimal degrees (-180 to 180)',
	},
	sendOptions,
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const title = requireString(this, 'title', i);
	const address = requireString(this, 'address', i);
	const latitude = requireNumber(this, 'latitude', i, { min: -90, max: 90 });
	const longitude = requireNumber(this, 'longitude', i, { min: -180, max: 180 });
	// PlugChat documents both coordinates as strings.
	return await sendMessage(this, i, '/api/whatsapp/send-location', {
		phone,
		title,
		address,
		latitude: String(latitude),
		longitude: String(longitude),
	});
}
