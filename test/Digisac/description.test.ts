import type {
	DigisacOperation,
	DigisacResource,
} from '../../nodes/Digisac/actions/versionDescription';
import { properties, resources } from '../../nodes/Digisac/actions/versionDescription';
import { Digisac } from '../../nodes/Digisac/Digisac.node';
import {
	dropdowns,
	expectContractOffered,
	expectEveryOperationRouted,
} from '../harness/descriptions';

/**
 * The operations users' saved workflows rely on: never renamed or removed. New operations need no
 * line here.
 */
/** Typed by the node's own resources: a name that does not exist fails to compile. */
const CONTRACT: { [R in DigisacResource]: DigisacOperation<R>[] } = {
	message: ['send', 'sendComment', 'sendTemplate', 'get', 'getAll'],
	contact: [
		'create',
		'createMany',
		'update',
		'get',
		'getAll',
		'delete',
		'block',
		'unblock',
		'checkWhatsApp',
		'exportCsv',
	],
	group: ['create', 'addMembers', 'promoteMembers', 'demoteMembers'],
	ticket: ['transfer', 'close', 'get', 'getAll', 'exportPdf', 'exportTxt', 'exportCsv'],
	connection: ['getAll', 'get', 'start', 'restart', 'shutdown', 'logout'],
	department: ['getAll', 'get'],
	user: ['getAll', 'get'],
	tag: ['getAll', 'create', 'update', 'delete'],
	ticketTopic: ['getAll'],
	customField: ['getAll'],
	bot: ['getAll', 'triggerSignal'],
	webhook: ['create', 'get', 'getAll', 'update', 'delete'],
	integration: ['getAll'],
	statistics: ['getAttendance', 'getRealtime'],
	account: ['getAccessToken'],
};

describe('node description', () => {
	const description = new Digisac().description;

	it('offers every resource and operation of the contract', () => {
		expectContractOffered(description, CONTRACT);
		for (const property of dropdowns(description)) expect(property.noDataExpression).toBe(true);
		expect(description.name).toBe('digisac');
		expect(description.credentials).toEqual([{ name: 'digisacApi', required: true }]);
		expect(description.properties).toBe(properties);
		expect(properties[properties.length - 1].name).toBe('requestOptions');
	});

	it('routes every operation it offers, and offers every operation it routes', () => {
		expectEveryOperationRouted(description, resources);
	});

	it('names the WhatsApp check in words, never "whats app"', () => {
		// n8n's lint (node-param-operation-option-action-miscased) sentence-cases an action with the
		// sentence-case package, which turns "WhatsApp" into "whats app": the action leaves the brand
		// to the description, which n8n shows beside it.
		const operations = description.properties.filter(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('contact'),
		);
		const options = operations.flatMap(
			(p) => p.options as Array<{ value: string; action?: string; description?: string }>,
		);
		const check = options.find((o) => o.value === 'checkWhatsApp');
		expect(check?.action).toBe('Check phone numbers');
		expect(check?.description).toMatch(/WhatsApp account/);
		expect(options.map((o) => o.action).join()).not.toMatch(/whats app/i);
	});

	it('names the main parameters as the contract does', () => {
		const names = new Set(description.properties.map((p) => p.name));
		for (const name of [
			'contactId',
			'number',
			'serviceId',
			'text',
			'templateId',
			'messageId',
			'ticketId',
			'departmentId',
			'ticketTopicIds',
			'protocol',
			'botId',
			'flag',
			'groupId',
			'members',
			'numbers',
			'username',
			'password',
			'startPeriod',
			'endPeriod',
			'returnAll',
			'limit',
			'webhookId',
			'tagId',
			'userId',
		]) {
			expect(names).toContain(name);
		}
		const sendOptions = description.properties.find(
			(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('send'),
		);
		expect((sendOptions?.options ?? []).map((o) => (o as { name: string }).name)).toEqual(
			expect.arrayContaining(['userId', 'origin', 'dontOpenTicket', 'binaryPropertyName']),
		);
	});
});
