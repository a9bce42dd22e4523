import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listOf } from '../../shared/json';
import { apiRequest } from '../transport';

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name, 'pt-BR');
}

export async function getOperators(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const operators = listOf(await apiRequest(this, 'GET', '/api/operator/get-all'));
	return operators
		.filter((operator) => operator.id !== undefined && operator.id !== null)
		.map((operator) => {
			const name = String(operator.name ?? operator.login ?? operator.id);
			return {
				name: operator.active === false ? `${name} (inactive)` : name,
				value: String(operator.id),
				description: operator.login ? `Login: ${String(operator.login)}` : undefined,
			};
		})
		.sort(byName);
}

export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const departments = listOf(await apiRequest(this, 'GET', '/api/integrations/departments'));
	return departments
		.filter((department) => department.id !== undefined && department.id !== null)
		.map((department) => {
			const name = String(department.name ?? department.id);
			return {
				name: department.active === false ? `${name} (inactive)` : name,
				value: String(department.id),
			};
		})
		.sort(byName);
}
