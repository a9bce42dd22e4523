import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { multiSelect, select } from '../../../shared/descriptions';
import { toList } from '../../../shared/parameters';
import type { DigisacQuery } from '../../helpers/query';
import { addInclude, likePattern, nameOrNumberSearch, phoneConditions } from '../../helpers/query';
import { phoneDigits } from '../../helpers/recipients';
import { customFieldsCollection, departmentSelect } from '../common.description';

/** Contact fields Digisac takes on create and update. */
export const contactFieldOptions: INodeProperties[] = [
	customFieldsCollection,
	{
		...departmentSelect('Department new tickets of this contact go to'),
		name: 'defaultDepartmentId',
		displayName: 'Default Department Name or ID',
	},
	{
		displayName: 'Internal Name',
		name: 'internalName',
		type: 'string',
		default: '',
		description: 'The name agents see for the contact in Digisac',
	},
	multiSelect({
		name: 'tagIds',
		label: 'Tag',
		description: 'Tags (etiquetas) of the contact',
		method: 'getTags',
	}),
];

interface CustomFieldEntry {
	id?: string;
	value?: unknown;
}

/** The JSON body for the fields a user filled in. */
export function contactBody(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	if (typeof fields.internalName === 'string' && fields.internalName.trim())
		body.internalName = fields.internalName.trim();
	if (fields.defaultDepartmentId) body.defaultDepartmentId = String(fields.defaultDepartmentId);
	if (fields.tagIds !== undefined) body.tagIds = toList(fields.tagIds);
	const customFields =
		((fields.customFields as IDataObject | undefined)?.field as CustomFieldEntry[] | undefined) ??
		[];
	const entries = customFields.filter((entry) => entry.id);
	if (entries.length)
		body.customFields = entries.map((entry) => ({
			id: String(entry.id),
			value: entry.value ?? '',
		}));
	if (typeof fields.number === 'string' && fields.number.trim())
		body.number = phoneDigits(context, fields.number, 'Phone Number', itemIndex);
	if (fields.serviceId) body.serviceId = String(fields.serviceId);
	if (typeof fields.isSilenced === 'boolean') body.isSilenced = fields.isSilenced;
	return body;
}

/** Filters shared by Get Many and Export CSV. */
export const contactFilterOptions: INodeProperties[] = [
	select({
		name: 'serviceId',
		label: 'Connection',
		description: 'Only contacts of this connection',
		method: 'getConnections',
	}),
	{
		displayName: 'Contact Type',
		name: 'contactType',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Contacts Only', value: 'contacts', description: 'Leave out WhatsApp groups' },
			{ name: 'Groups Only', value: 'groups' },
		],
		default: 'contacts',
	},
	select({
		name: 'customFieldId',
		label: 'Custom Field',
		description: 'Only contacts that have a value in this custom field (campo personalizado)',
		method: 'getCustomFields',
	}),
	{
		displayName: 'Custom Field Value',
		name: 'customFieldValue',
		type: 'string',
		default: '',
		description: 'Only contacts whose value in the chosen custom field contains this text',
	},
	{
		displayName: 'Name or Number Contains',
		name: 'search',
		type: 'string',
		default: '',
		description:
			'Only contacts whose name, internal name or phone number contains this, ignoring case and accents ("joao" finds "João")',
	},
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'string',
		default: '',
		description: 'Only contacts linked to this organization (organização) or person (pessoa)',
	},
	multiSelect({
		name: 'tagIds',
		label: 'Tag',
		description: 'Only contacts with at least one of these tags',
		method: 'getTags',
	}),
];

/**
 * The `query` object for the chosen contact filters, and for a name or number search the check
 * that drops the false positives of its accent-blind pattern. `ignoreAccents: false` sends the
 * name as typed (for exports, whose rows cannot be checked on our side).
 */
export function buildContactQuery(
	filters: IDataObject,
	{ ignoreAccents = true } = {},
): { query: DigisacQuery; keep?: (record: IDataObject) => boolean } {
	const where: IDataObject = {};
	const query: DigisacQuery = { where };
	let keep: ((record: IDataObject) => boolean) | undefined;
	if (filters.serviceId) where.serviceId = String(filters.serviceId);
	const contactType = filters.contactType ?? 'contacts';
	if (contactType === 'contacts') where.isGroup = { $eq: false };
	if (contactType === 'groups') where.isGroup = { $eq: true };
	const search = typeof filters.search === 'string' ? filters.search.trim() : '';
	if (search && ignoreAccents) {
		const found = nameOrNumberSearch(search, ['name', 'internalName', 'alternativeName']);
		where.$or = found.conditions;
		keep = found.keep;
	} else if (search) {
		const pattern = likePattern(search);
		const digits = search.replace(/\D/g, '');
		where.$or = [
			{ name: { $iLike: pattern } },
			{ internalName: { $iLike: pattern } },
			{ alternativeName: { $iLike: pattern } },
			...(digits.length >= 3 ? phoneConditions(digits) : []),
		];
	}
	const tagIds = toList(filters.tagIds);
	if (tagIds.length)
		addInclude(query, { model: 'tags', required: true, where: { id: { $in: tagIds } } });
	if (filters.customFieldId) {
		const valueWhere: IDataObject = { customFieldId: String(filters.customFieldId) };
		if (typeof filters.customFieldValue === 'string' && filters.customFieldValue.trim()) {
			valueWhere.value = { $iLike: likePattern(filters.customFieldValue.trim()) };
		}
		addInclude(query, { model: 'customFieldValues', required: true, where: valueWhere });
	}
	if (typeof filters.organizationId === 'string' && filters.organizationId.trim()) {
		// As in Digisac's own "contacts linked to an organization" request: the person include, by id.
		addInclude(query, {
			model: 'person',
			required: true,
			where: { id: filters.organizationId.trim() },
		});
	}
	return { query, keep };
}
