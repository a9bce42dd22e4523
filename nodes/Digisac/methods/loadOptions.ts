import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { queryParameter } from '../helpers/query';
import type { DigisacQuery } from '../helpers/query';
import { stringField } from '../helpers/responses';
import { apiRequestAllItems } from '../transport';

/** Dropdowns stop here; a bigger account uses the expression / ID mode. */
const MAX_OPTIONS = 1000;

async function options(
	context: ILoadOptionsFunctions,
	path: string,
	label: (record: IDataObject) => string | undefined,
	query: DigisacQuery = {},
	describe?: (record: IDataObject) => string | undefined,
): Promise<INodePropertyOptions[]> {
	const records = await apiRequestAllItems(context, path, queryParameter(query), MAX_OPTIONS);
	const result: INodePropertyOptions[] = [];
	for (const record of records) {
		const id = stringField(record, 'id');
		if (!id) continue;
		const option: INodePropertyOptions = { name: label(record) || id, value: id };
		const description = describe?.(record);
		if (description) option.description = description;
		result.push(option);
	}
	return result.sort((a, b) => a.name.localeCompare(b.name));
}

const notArchived: DigisacQuery = {
	where: { archivedAt: { $eq: null } },
	order: [['name', 'ASC']],
};

export async function getConnections(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(
		this,
		'/api/v1/services',
		(record) => {
			const name = stringField(record, 'name');
			const type = stringField(record, 'type');
			return name && type ? `${name} (${type})` : name;
		},
		notArchived,
		(record) => {
			const status = (record.data as IDataObject | undefined)?.status as IDataObject | undefined;
			if (status?.isConnected === true) return 'Connected';
			if (status?.isConnected === false) return 'Disconnected';
			return undefined;
		},
	);
}

export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(
		this,
		'/api/v1/departments',
		(record) => stringField(record, 'name'),
		notArchived,
	);
}

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(
		this,
		'/api/v1/users',
		(record) => stringField(record, 'name'),
		{ order: [['name', 'ASC']] },
		(record) => stringField(record, 'email'),
	);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(
		this,
		'/api/v1/tags',
		(record) => stringField(record, 'label') ?? stringField(record, 'name'),
	);
}

export async function getTicketTopics(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await options(
		this,
		'/api/v1/ticket-topics',
		(record) => stringField(record, 'name'),
		notArchived,
	);
}

export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await options(
		this,
		'/api/v1/custom-fields',
		(record) => stringField(record, 'name'),
		{},
		(record) => stringField(record, 'allowed'),
	);
}

export async function getBots(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/api/v1/bots', (record) => stringField(record, 'name'), {
		order: [['name', 'ASC']],
	});
}

/** WhatsApp Business templates; with a connection chosen, only that connection's. */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let serviceId: string | undefined;
	try {
		const value = this.getCurrentNodeParameter('serviceId');
		serviceId = typeof value === 'string' && value && !value.startsWith('=') ? value : undefined;
	} catch {
		serviceId = undefined;
	}
	return await options(
		this,
		'/api/v1/whatsapp-business-templates',
		(record) => {
			const name = stringField(record, 'internalName') || stringField(record, 'name');
			const language = stringField(record, 'language');
			return name && language ? `${name} (${language})` : name;
		},
		serviceId ? { where: { serviceId } } : {},
		(record) => stringField(record, 'status'),
	);
}
