import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { customFieldList, mergeOperators, nestedDepartments } from '../helpers/lookups';
import { apiRequest, apiRequestAllItems, listData } from '../transport';

/** The first non-empty value among parameter paths ("departmentId", "filters.departmentId"…). */
function currentValue(context: ILoadOptionsFunctions, paths: string[]): string | undefined {
	for (const path of paths) {
		const value = context.getCurrentNodeParameter(path);
		if (
			value !== undefined &&
			value !== null &&
			typeof value !== 'object' &&
			String(value).trim() &&
			!String(value).startsWith('=')
		) {
			return String(value).trim();
		}
	}
	return undefined;
}

const DEPARTMENT_PATHS = ['departmentId', 'filters.departmentId', '&departmentId'];
const CATEGORY_PATHS = [
	'additionalFields.categoryId',
	'filters.categoryId',
	'options.categoryId',
	'categoryId',
];

function option(record: IDataObject, fallbackName = 'Unnamed'): INodePropertyOptions | undefined {
	if (record.id === undefined || record.id === null || record.id === '') return undefined;
	const name =
		String(record.name ?? record.label ?? record.description ?? '').trim() || fallbackName;
	return { name, value: String(record.id) };
}

function sorted(options: Array<INodePropertyOptions | undefined>): INodePropertyOptions[] {
	return options
		.filter((entry): entry is INodePropertyOptions => entry !== undefined)
		.sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
}

export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await apiRequest(this, 'GET', '/department/list', { qs: { show_nested_items: 0 } });
	return sorted(listData(body).map((department) => option(department)));
}

/** The chosen department's categories; with no department, every department's, named with it. */
export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const departmentId = currentValue(this, DEPARTMENT_PATHS);
	if (departmentId) {
		const categories = await apiRequestAllItems(this, '/department/category/list', {
			department_id: departmentId,
		});
		return sorted(categories.map((category) => option(category)));
	}
	const options: Array<INodePropertyOptions | undefined> = [];
	for (const department of await nestedDepartments(this)) {
		const categories = Array.isArray(department.categories)
			? (department.categories as IDataObject[])
			: [];
		for (const category of categories) {
			const entry = option(category);
			if (entry)
				options.push({ ...entry, name: `${String(department.name ?? '')} / ${entry.name}` });
		}
	}
	return sorted(options);
}

/** The chosen department's operators; with no department, all operators, each listed once. */
export async function getOperators(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const departmentId = currentValue(this, DEPARTMENT_PATHS);
	const operators = departmentId
		? await apiRequestAllItems(this, '/department/operator/list', { department_id: departmentId })
		: mergeOperators(await nestedDepartments(this));
	return sorted(operators.map((operator) => option(operator)));
}

/**
 * Ticket custom fields of the chosen department: its general fields plus the chosen category's.
 * With no department, every field of the account, each listed once.
 */
export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const departmentId = currentValue(this, DEPARTMENT_PATHS);
	const categoryId = currentValue(this, CATEGORY_PATHS);
	const byId = new Map<string, INodePropertyOptions>();
	const add = (fields: unknown) => {
		for (const field of Array.isArray(fields) ? (fields as IDataObject[]) : []) {
			const entry = option(field);
			if (entry && !byId.has(String(entry.value))) byId.set(String(entry.value), entry);
		}
	};
	if (departmentId) {
		add(
			customFieldList(
				await apiRequest(this, 'GET', '/custom_field/department/list', {
					qs: { department_id: departmentId },
				}),
			),
		);
		if (categoryId) {
			add(
				customFieldList(
					await apiRequest(this, 'GET', '/custom_field/department/list', {
						qs: { department_id: departmentId, category_id: categoryId },
					}),
				),
			);
		}
	} else {
		for (const department of await nestedDepartments(this)) {
			add((department.general_custom_fields as IDataObject | undefined)?.tickets);
			for (const category of Array.isArray(department.categories)
				? (department.categories as IDataObject[])
				: [])
				add(category.custom_fields);
		}
	}
	return sorted([...byId.values()]);
}

export async function getOrganizations(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const organizations = await apiRequestAllItems(this, '/organization/list');
	return sorted(organizations.map((organization) => option(organization)));
}
