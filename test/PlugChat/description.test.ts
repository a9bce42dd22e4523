import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type {
	PlugChatOperation,
	PlugChatResource,
} from '../../nodes/PlugChat/actions/versionDescription';
import { resources } from '../../nodes/PlugChat/actions/versionDescription';
import { PlugChat } from '../../nodes/PlugChat/PlugChat.node';
import codex from '../../nodes/PlugChat/PlugChat.node.json';
import { PlugChatTrigger } from '../../nodes/PlugChat/PlugChatTrigger.node';
import triggerCodex from '../../nodes/PlugChat/PlugChatTrigger.node.json';
import {
	dropdowns,
	expectContractOffered,
	expectEveryOperationRouted,
} from '../harness/descriptions';

/**
 * The operations users' saved workflows rely on (resource → operation → main parameters): never
 * renamed or removed. New operations need no line here.
 */
/** Typed by the node's own resources: a name that does not exist fails to compile. */
const CONTRACT: { [R in PlugChatResource]: Partial<Record<PlugChatOperation<R>, string[]>> } = {
	attendance: {
		start: ['phone', 'operatorIds', 'options.departmentId'],
		finish: ['phone', 'operatorId', 'autoTransfer'],
		getByTicket: ['ticket'],
		changeDepartment: ['phone', 'departmentId'],
		setCustomField: ['phone', 'label', 'value'],
	},
	department: { getAll: ['returnAll', 'limit'] },
	operator: { getAll: ['returnAll', 'limit'], getOnline: ['accountId'] },
	message: {
		sendText: ['phone', 'message'],
		sendImage: ['phone', 'binaryPropertyName', 'caption'],
		sendAudio: ['phone', 'binaryPropertyName'],
		sendVideo: ['phone', 'binaryPropertyName', 'caption'],
		sendDocument: ['phone', 'binaryPropertyName', 'options.fileName'],
		sendLink: ['phone', 'message', 'linkUrl', 'title'],
		sendLocation: ['phone', 'title', 'address', 'latitude', 'longitude'],
		sendContact: ['phone', 'contactName', 'contactPhone'],
		sendButtonList: ['phone', 'message', 'buttons'],
		sendOptionList: ['phone', 'message', 'optionList'],
		markAsRead: ['phone', 'messageId'],
		delete: ['phone', 'messageId', 'owner'],
	},
	chat: {
		getAll: ['returnAll', 'limit'],
		get: ['phone'],
		getPending: ['returnAll', 'limit'],
		modify: ['phone', 'action'],
	},
	contact: {
		getAll: ['returnAll', 'limit'],
		get: ['phone'],
		checkWhatsApp: ['phone'],
		getProfilePicture: ['phone'],
	},
	group: {
		create: ['groupName', 'phones'],
		updateName: ['groupId', 'groupName'],
		updateDescription: ['groupId', 'groupDescription'],
		addParticipants: ['groupId', 'phones'],
		removeParticipants: ['groupId', 'phones'],
		addAdmins: ['groupId', 'phones'],
		removeAdmins: ['groupId', 'phones'],
		leave: ['groupId'],
		getMetadata: ['groupId'],
	},
	instance: { getStatus: [], getQrCode: [], restart: [], disconnect: [] },
	queue: { get: [], clear: [], deleteMessage: ['zaapId'] },
	webhook: { update: ['webhookUrls'] },
};

const node = new PlugChat();
const properties = node.description.properties;

function shownFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => {
		const show = p.displayOptions?.show;
		return show?.resource?.includes(resource) && show?.operation?.includes(operation);
	});
}

function hasParameter(resource: string, operation: string, path: string): boolean {
	const [name, child] = path.split('.');
	const parameter = shownFor(resource, operation).find((p) => p.name === name);
	if (!parameter) return false;
	if (!child) return true;
	return ((parameter.options ?? []) as INodeProperties[]).some((option) => option.name === child);
}

describe('PlugChat node contract', () => {
	it('has the fixed node and credential names and the package conventions', () => {
		const d = node.description;
		expect(d.name).toBe('plugChat');
		expect(d.credentials).toEqual([{ name: 'plugChatApi', required: true }]);
		expect(d.icon).toEqual({
			light: 'file:../../icons/plugchat.svg',
			dark: 'file:../../icons/plugchat.dark.svg',
		});
		expect(d.usableAsTool).toBe(true);
		expect(d.group).toEqual(['transform']);
		expect(d.version).toBe(1);
		// The words it shows are checked in test/editor/subtitles.test.ts.
		expect(String(d.subtitle)).toMatch(/^={{.*\$parameter\["operation"\].*}}$/);
		expect(properties[properties.length - 1].name).toBe('requestOptions');
		expect(codex.node).toBe('n8n-nodes-atendimento.plugChat');
		expect(triggerCodex.node).toBe('n8n-nodes-atendimento.plugChatTrigger');
	});

	it('offers every resource and operation of the contract, each with an action', () => {
		expectContractOffered(
			node.description,
			Object.fromEntries(
				Object.entries(CONTRACT).map(([resource, ops]) => [resource, Object.keys(ops)]),
			),
		);
		for (const property of dropdowns(node.description)) {
			expect(property.noDataExpression).toBe(true);
			if (property.name === 'operation')
				for (const option of (property.options ?? []) as INodePropertyOptions[])
					expect(option.action).toBeTruthy();
		}
	});

	it('routes every operation it offers, and offers every operation it routes', () => {
		expectEveryOperationRouted(node.description, resources);
	});

	it.each(
		Object.entries(CONTRACT).flatMap(([resource, ops]) =>
			Object.entries(ops).map(([operation, names]) => [resource, operation, names] as const),
		),
	)('%s: %s has the contract parameters', (resource, operation, names) => {
		for (const name of names)
			expect([name, hasParameter(resource, operation, name)]).toEqual([name, true]);
	});

	it('gives operator and department IDs dropdowns, and phones, groups and queued messages a list', () => {
		const loadOptions = (resource: string, operation: string, name: string) => {
			const parameter = shownFor(resource, operation).find((p) => p.name === name);
			return parameter?.typeOptions?.loadOptionsMethod;
		};
		expect(loadOptions('attendance', 'start', 'operatorIds')).toBe('getOperators');
		expect(loadOptions('attendance', 'finish', 'operatorId')).toBe('getOperators');
		expect(loadOptions('attendance', 'changeDepartment', 'departmentId')).toBe('getDepartments');
		const modes = (resource: string, operation: string, name: string) =>
			shownFor(resource, operation)
				.find((p) => p.name === name)
				?.modes?.map((m) => m.typeOptions?.searchListMethod ?? m.name);
		// n8n's editor labels a mode named "id" "By ID" whatever its displayName
		// (n8n-io/n8n, editor-ui ResourceLocator.vue, getModeLabel): phones use "number".
		expect(modes('message', 'sendText', 'phone')).toEqual(['searchChats', 'number']);
		expect(modes('attendance', 'start', 'phone')).toEqual(['searchPeopleChats', 'number']);
		expect(modes('group', 'leave', 'groupId')).toEqual(['searchGroups', 'id']);
		expect(modes('queue', 'deleteMessage', 'zaapId')).toEqual(['searchQueue', 'zaapId']);
		const phone = shownFor('message', 'sendText').find((p) => p.name === 'phone');
		expect(phone?.modes?.map((m) => m.displayName)).toEqual(['From List', 'By Number']);
		// A new node starts in the list, the mode a user needs first.
		for (const [resource, operation, name] of [
			['message', 'sendText', 'phone'],
			['attendance', 'start', 'phone'],
			['group', 'leave', 'groupId'],
			['queue', 'deleteMessage', 'zaapId'],
		])
			expect([name, shownFor(resource, operation).find((p) => p.name === name)?.default]).toEqual([
				name,
				{ mode: 'list', value: '' },
			]);
		for (const method of ['getOperators', 'getDepartments'])
			expect(typeof (node.methods.loadOptions as Record<string, unknown>)[method]).toBe('function');
		for (const method of ['searchChats', 'searchPeopleChats', 'searchGroups', 'searchQueue']) {
			expect(typeof (node.methods.listSearch as Record<string, unknown>)[method]).toBe('function');
		}
	});

	it('labels every Filters collection "Add Filter", as the shared builder does', () => {
		const filters = properties.filter((p) => p.name === 'filters');
		expect(filters.length).toBeGreaterThan(0);
		for (const property of filters) expect(property.placeholder).toBe('Add Filter');
	});

	it("names Get by Ticket's field for what it is: the attendance number (parameter still `ticket`)", () => {
		const ticket = shownFor('attendance', 'getByTicket').find((p) => p.name === 'ticket');
		expect(ticket?.displayName).toBe('Attendance Number (Ticket)');
		expect(ticket?.description).toMatch(/número do atendimento/);
	});

	it('uses Return All / Limit (default 50) on every Get Many', () => {
		for (const [resource, operation] of [
			['department', 'getAll'],
			['operator', 'getAll'],
			['chat', 'getAll'],
			['chat', 'getPending'],
			['contact', 'getAll'],
		]) {
			const limit = shownFor(resource, operation).find((p) => p.name === 'limit');
			expect(limit?.default).toBe(50);
			expect(limit?.displayOptions?.show?.returnAll).toEqual([false]);
		}
	});
});

describe('PlugChat Trigger contract', () => {
	const trigger = new PlugChatTrigger();
	it('is a webhook trigger with the contract events and filters', () => {
		const d = trigger.description;
		expect(d.name).toBe('plugChatTrigger');
		expect(d.inputs).toEqual([]);
		expect(d.group).toEqual(['trigger']);
		expect(d.usableAsTool).toBeUndefined();
		expect(d.credentials).toEqual([{ name: 'plugChatApi', required: true }]);
		const events = d.properties.find((p) => p.name === 'events');
		expect(((events?.options ?? []) as INodePropertyOptions[]).map((o) => o.value).sort()).toEqual([
			'finishAttendance',
			'messageDeliveryError',
			'messageStatus',
			'receiveMessage',
			'sendingMessage',
			'startAttendance',
			'whenDisconnecting',
		]);
		const options = (d.properties.find((p) => p.name === 'options')?.options ??
			[]) as INodeProperties[];
		expect(options.map((o) => o.name).sort()).toEqual(['ignoreFromMe', 'ignoreGroups']);
		expect(Object.keys(trigger.webhookMethods.default).sort()).toEqual([
			'checkExists',
			'create',
			'delete',
		]);
	});
});
