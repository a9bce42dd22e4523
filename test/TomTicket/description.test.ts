import type { INodeProperties } from 'n8n-workflow';

import type {
	TomTicketOperation,
	TomTicketResource,
} from '../../nodes/TomTicket/actions/versionDescription';
import { resources } from '../../nodes/TomTicket/actions/versionDescription';
import codex from '../../nodes/TomTicket/TomTicket.node.json';
import triggerCodex from '../../nodes/TomTicket/TomTicketTrigger.node.json';
import {
	dropdowns,
	expectContractOffered,
	expectEveryOperationRouted,
} from '../harness/descriptions';

import { node, trigger } from './harness';

/**
 * The operations users' saved workflows rely on (resource → operation → main parameters): never
 * renamed or removed. New operations need no line here.
 */
/** Typed by the node's own resources: a name that does not exist fails to compile. */
const SPEC: { [R in TomTicketResource]: Partial<Record<TomTicketOperation<R>, string[]>> } = {
	ticket: {
		create: ['customerId', 'departmentId', 'subject', 'message'],
		get: ['ticketId'],
		getAll: [],
		replyAsOperator: ['ticketId', 'message'],
		replyAsCustomer: ['ticketId', 'message'],
		comment: ['ticketId', 'comment'],
		finish: ['ticketId', 'message'],
		transfer: ['ticketId', 'departmentId', 'operatorId'],
		linkOperator: ['ticketId', 'operatorId'],
		startStatus: ['ticketId', 'statusId'],
		endStatus: ['ticketId'],
	},
	chat: { get: ['chatId'], getAll: [] },
	customer: {
		create: ['customerId', 'name'],
		update: ['customerId'],
		get: ['customerId'],
		getAll: [],
	},
	department: { getAll: [] },
	category: { getAll: ['departmentId'] },
	operator: { getAll: ['departmentId'] },
	customField: { getAll: ['departmentId'] },
	organization: { getAll: [] },
};

const properties = node.description.properties;

function shownFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => {
		const show = p.displayOptions?.show;
		return show?.resource?.includes(resource) && show?.operation?.includes(operation);
	});
}

function optionValues(property: INodeProperties | undefined): unknown[] {
	return ((property?.options ?? []) as Array<{ value?: unknown; name: string }>).map(
		(o) => o.value ?? o.name,
	);
}

describe('the TomTicket node keeps its contract', () => {
	it("has the contract's names, credential and shape", () => {
		const d = node.description;
		expect(d.name).toBe('tomTicket');
		expect(d.credentials).toEqual([{ name: 'tomTicketApi', required: true }]);
		expect(d.usableAsTool).toBe(true);
		expect(d.icon).toEqual({
			light: 'file:../../icons/tomticket.svg',
			dark: 'file:../../icons/tomticket.dark.svg',
		});
		expect(properties[properties.length - 1].name).toBe('requestOptions');
		expect(codex.node).toBe('n8n-nodes-atendimento.tomTicket');
		expect(triggerCodex.node).toBe('n8n-nodes-atendimento.tomTicketTrigger');
	});

	it('offers every resource and operation of the contract', () => {
		expectContractOffered(
			node.description,
			Object.fromEntries(
				Object.entries(SPEC).map(([resource, ops]) => [resource, Object.keys(ops)]),
			),
		);
		for (const property of dropdowns(node.description))
			expect(property.noDataExpression).toBe(true);
	});

	it('routes every operation it offers, and offers every operation it routes', () => {
		expectEveryOperationRouted(node.description, resources);
	});

	it("uses the contract's parameter names for each operation", () => {
		for (const [resourceName, ops] of Object.entries(SPEC)) {
			for (const [op, required] of Object.entries(ops)) {
				const names = shownFor(resourceName, op).map((p) => p.name);
				for (const name of required)
					expect({ op: `${resourceName}.${op}`, has: names.includes(name) }).toEqual({
						op: `${resourceName}.${op}`,
						has: true,
					});
				if (op === 'getAll') expect(names).toEqual(expect.arrayContaining(['returnAll', 'limit']));
			}
		}
	});

	it('has the options the contract lists for ticket create: customerIdType I/E, categoryId, priority 1-4, customFields, attachments', () => {
		const additional = shownFor('ticket', 'create').find((p) => p.name === 'additionalFields');
		const options = (additional?.options ?? []) as INodeProperties[];
		const byName = Object.fromEntries(options.map((o) => [o.name, o]));
		expect(optionValues(byName.customerIdType).sort()).toEqual(['E', 'I']);
		expect(optionValues(byName.priority)).toEqual([1, 2, 3, 4]);
		expect(byName.categoryId.typeOptions?.loadOptionsMethod).toBe('getCategories');
		expect(byName.customFields.type).toBe('fixedCollection');
		expect(byName.binaryPropertyName.default).toBe('data');
	});

	it('makes the ticket a resource locator with list, id and protocol modes', () => {
		const locator = shownFor('ticket', 'get').find((p) => p.name === 'ticketId');
		expect(locator?.type).toBe('resourceLocator');
		expect(locator?.modes?.map((m) => m.name)).toEqual(['list', 'id', 'protocol']);
	});

	// n8n's editor shows a mode named `id`, `url` or `list` with its own words, whatever its
	// displayName (github.com/n8n-io/n8n packages/frontend/editor-ui/src/components/
	// ResourceLocator/ResourceLocator.vue, getModeLabel).
	const N8N_MODE_LABELS: Record<string, string> = {
		id: 'By ID',
		url: 'By URL',
		list: 'From List',
	};

	it('shows every locator mode with our own label, and starts each locator in its list', () => {
		const locators = properties.filter((p) => p.type === 'resourceLocator');
		expect([...new Set(locators.map((p) => p.name))].sort()).toEqual([
			'chatId',
			'customerId',
			'ticketId',
		]);
		for (const locator of locators) {
			expect([locator.name, (locator.default as { mode: string }).mode]).toEqual([
				locator.name,
				'list',
			]);
			for (const mode of locator.modes ?? []) {
				const shown = N8N_MODE_LABELS[mode.name]?.toLowerCase() ?? mode.displayName.toLowerCase();
				expect([locator.name, mode.name, shown]).toEqual([
					locator.name,
					mode.name,
					mode.displayName.toLowerCase(),
				]);
			}
		}
	});

	it('names the Customer mode for what it takes, an internal ID or an e-mail address', () => {
		for (const operation of ['get', 'update']) {
			const customer = shownFor('customer', operation).find((p) => p.name === 'customerId');
			expect(customer?.modes?.map((m) => [m.name, m.displayName])).toEqual([
				['list', 'From List'],
				['idOrEmail', 'By Internal ID or E-Mail'],
			]);
		}
		const create = shownFor('ticket', 'create').find((p) => p.name === 'customerId');
		expect(create?.modes?.map((m) => m.displayName)).toEqual([
			'From List',
			'By Internal ID or E-Mail',
		]);
	});

	it('gives situations distinct labels, 8 and 9 included', () => {
		const filters = shownFor('ticket', 'getAll').find((p) => p.name === 'filters');
		const situation = (filters?.options as INodeProperties[]).find((o) => o.name === 'situation');
		const names = (situation?.options as Array<{ name: string; value: number }>).map((o) => o.name);
		expect(optionValues(situation)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(new Set(names).size).toBe(10);
	});

	it("names every dropdown's load method in the node's methods", () => {
		const methods = new Set(Object.keys(node.methods.loadOptions));
		const searches = new Set(Object.keys(node.methods.listSearch));
		const visit = (list: INodeProperties[]) => {
			for (const property of list) {
				const load = property.typeOptions?.loadOptionsMethod;
				if (load) expect(methods.has(load)).toBe(true);
				for (const mode of property.modes ?? []) {
					const search = mode.typeOptions?.searchListMethod;
					if (search) expect(searches.has(search)).toBe(true);
				}
				const nested = property.options as unknown[] | undefined;
				for (const child of nested ?? []) {
					const entry = child as { values?: INodeProperties[]; type?: string };
					if (entry.values) visit(entry.values);
					else if (entry.type) visit([child as INodeProperties]);
				}
			}
		};
		visit(properties);
		visit(trigger.description.properties);
	});
});

describe('the TomTicket Trigger', () => {
	it("is a polling trigger with the contract's events and filters", () => {
		const d = trigger.description;
		expect(d.name).toBe('tomTicketTrigger');
		expect(d.polling).toBe(true);
		expect(d.inputs).toEqual([]);
		expect(d.group).toEqual(['trigger']);
		expect(d.usableAsTool).toBeUndefined();
		expect(typeof trigger.poll).toBe('function');
		const event = d.properties.find((p) => p.name === 'event');
		expect(optionValues(event)).toEqual(['ticketCreated', 'ticketUpdated']);
		expect(d.properties.map((p) => p.name)).toEqual(
			expect.arrayContaining(['departmentIds', 'situations']),
		);
	});
});

describe('the editor can build every operation', () => {
	it('resolves the default parameters of every resource and operation', async () => {
		const { NodeHelpers } = await import('n8n-workflow');
		for (const [resource, ops] of Object.entries(SPEC) as Array<
			[string, Record<string, string[]>]
		>) {
			for (const operation of Object.keys(ops)) {
				const parameters = NodeHelpers.getNodeParameters(
					properties,
					{ resource, operation },
					true,
					false,
					null,
					node.description,
				);
				expect(parameters).toMatchObject({ resource, operation });
				expect(Object.keys(parameters ?? {})).toEqual(expect.arrayContaining(ops[operation]));
			}
		}
		const triggerDefaults = NodeHelpers.getNodeParameters(
			trigger.description.properties,
			{},
			true,
			false,
			null,
			trigger.description,
		);
		expect(triggerDefaults).toMatchObject({
			event: 'ticketCreated',
			departmentIds: [],
			situations: [],
		});
	});
});
