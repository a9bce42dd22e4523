import type { AxiosRequestConfig } from 'axios';
import type { IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { TransportProbe } from '../../test/harness/transportProbe';

import { loadOurNode } from './engine';
import type { Fakes, ServiceKey } from './fakes';

/** What a node under test is: its class and the parameters of one operation. */
export interface NodeUnderTest {
	nodeType: INodeType;
	parameters: INodeParameters;
	/** "PlugChat message sendText", or the stand-in's name when the real node is missing. */
	label: string;
	/** Set when the real node is missing and the transport probe stands in for it. */
	standIn?: string;
}

export interface SendScenario {
	service: ServiceKey;
	/** "PlugChat message → sendText". */
	title: string;
	/** The same for goal lines: "plugchat.sendText". */
	key: string;
	/** Resets the fake and seeds what the sends need. */
	prepare(): void;
	items(count: number): INodeExecutionData[];
	node(): NodeUnderTest;
	/** The same HTTP call the node makes for input item `index`, for the bare loop. */
	bare(item: IDataObject): AxiosRequestConfig;
	/** The same call as n8n's HTTP Request node (typeVersion 4.x) parameters. */
	httpRequest(): INodeParameters;
	/** The same call as parameters of the bench's MinimalNode. */
	minimal(): INodeParameters;
	/** Whether output `json` is the platform's answer to input item `index`. */
	answersItem(json: IDataObject, index: number): boolean;
	/** Requests the platform processed in the last run. */
	handledSends(): number;
}

const probe = new TransportProbe();

function probeParameters(parameters: INodeParameters): INodeParameters {
	return {
		method: 'GET',
		mode: 'single',
		qs: '{}',
		body: '',
		form: '',
		binaryPropertyName: '',
		requestOptions: {},
		limit: 0,
		...parameters,
	};
}

/** The real node when it has landed, otherwise the transport probe making the same call. */
export function nodeOrStandIn(
	service: 'PlugChat' | 'TomTicket' | 'Digisac',
	parameters: INodeParameters,
	label: string,
	probeParams: INodeParameters,
): NodeUnderTest {
	const loaded = loadOurNode(service);
	if (loaded.value) return { nodeType: loaded.value, parameters, label };
	return {
		nodeType: probe,
		parameters: probeParameters(probeParams),
		label: `TransportProbe (${service} transport)`,
		standIn: loaded.reason,
	};
}

function minimalParameters(
	credentialType: string,
	url: string,
	multipart: boolean,
	fields: Record<string, string>,
): INodeParameters {
	return {
		credentialType,
		method: 'POST',
		url,
		multipart,
		fields: { field: Object.entries(fields).map(([name, value]) => ({ name, value })) },
	};
}

const phoneOf = (i: number) => `55119${String(80000000 + i).padStart(8, '0')}`;

export function sendScenarios(fakes: Fakes): SendScenario[] {
	const plugChat: SendScenario = {
		service: 'plugChat',
		title: 'PlugChat message → sendText',
		key: 'plugchat.sendText',
		prepare() {
			fakes.resetAll();
		},
		items: (count) =>
			Array.from({ length: count }, (_, i) => ({
				json: { i, phone: phoneOf(i), text: `Mensagem ${i}` },
			})),
		node: () =>
			nodeOrStandIn(
				'PlugChat',
				{
					resource: 'message',
					operation: 'sendText',
					phone: { __rl: true, mode: 'id', value: '={{ $json.phone }}' },
					message: '={{ $json.text }}',
				},
				'PlugChat message sendText',
				{
					service: 'plugChat',
					method: 'POST',
					path: '/api/whatsapp/send-text',
					body: '={{ JSON.stringify({ phone: $json.phone, message: $json.text }) }}',
				},
			),
		bare: (item) => ({
			method: 'POST',
			url: `${fakes.plugChat.url}/api/whatsapp/send-text`,
			headers: { Authorization: fakes.plugChat.token, 'Content-Type': 'application/json' },
			data: { phone: item.phone, message: item.text },
		}),
		httpRequest: () => ({
			method: 'POST',
			url: `${fakes.plugChat.url}/api/whatsapp/send-text`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'plugChatApi',
			sendBody: true,
			contentType: 'json',
			specifyBody: 'keypair',
			bodyParameters: {
				parameters: [
					{ name: 'phone', value: '={{ $json.phone }}' },
					{ name: 'message', value: '={{ $json.text }}' },
				],
			},
			options: {},
		}),
		minimal: () =>
			minimalParameters('plugChatApi', `${fakes.plugChat.url}/api/whatsapp/send-text`, false, {
				phone: '={{ $json.phone }}',
				message: '={{ $json.text }}',
			}),
		answersItem(json, index) {
			const sent = fakes.plugChat.state.sent.find(
				(s) => s.zaapId === json.zaapId || s.messageId === json.messageId,
			);
			return sent?.body.message === `Mensagem ${index}` && sent.body.phone === phoneOf(index);
		},
		handledSends: () => fakes.plugChat.handled('POST', '/api/whatsapp/send-text').length,
	};

	const digisacContacts = () => fakes.digisac.state.contacts.slice(0, 10).map((c) => c.id);
	const digisac: SendScenario = {
		service: 'digisac',
		title: 'Digisac message → send',
		key: 'digisac.send',
		prepare() {
			fakes.resetAll();
			fakes.digisac.addContacts(10);
		},
		items: (count) => {
			const contacts = digisacContacts();
			return Array.from({ length: count }, (_, i) => ({
				json: { i, contactId: contacts[i % contacts.length], text: `Mensagem ${i}` },
			}));
		},
		node: () =>
			nodeOrStandIn(
				'Digisac',
				{
					resource: 'message',
					operation: 'send',
					sendTo: 'contact',
					contactId: { __rl: true, mode: 'id', value: '={{ $json.contactId }}' },
					text: '={{ $json.text }}',
				},
				'Digisac message send',
				{
					service: 'digisac',
					method: 'POST',
					path: '/api/v1/messages',
					body: '={{ JSON.stringify({ contactId: $json.contactId, text: $json.text }) }}',
				},
			),
		bare: (item) => ({
			method: 'POST',
			url: `${fakes.digisac.url}/api/v1/messages`,
			headers: {
				Authorization: `Bearer ${fakes.digisac.token}`,
				'Content-Type': 'application/json',
			},
			data: { contactId: item.contactId, text: item.text },
		}),
		httpRequest: () => ({
			method: 'POST',
			url: `${fakes.digisac.url}/api/v1/messages`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'digisacApi',
			sendBody: true,
			contentType: 'json',
			specifyBody: 'keypair',
			bodyParameters: {
				parameters: [
					{ name: 'contactId', value: '={{ $json.contactId }}' },
					{ name: 'text', value: '={{ $json.text }}' },
				],
			},
			options: {},
		}),
		minimal: () =>
			minimalParameters('digisacApi', `${fakes.digisac.url}/api/v1/messages`, false, {
				contactId: '={{ $json.contactId }}',
				text: '={{ $json.text }}',
			}),
		answersItem: (json, index) => json.text === `Mensagem ${index}` && typeof json.id === 'string',
		handledSends: () => fakes.digisac.handled('POST', '/api/v1/messages').length,
	};

	const tomTicket: SendScenario = {
		service: 'tomTicket',
		title: 'TomTicket ticket → create',
		key: 'tomticket.create',
		prepare() {
			fakes.resetAll();
		},
		items: (count) =>
			Array.from({ length: count }, (_, i) => ({
				json: { i, subject: `Chamado ${i}`, text: `Descrição do chamado ${i}` },
			})),
		node: () =>
			nodeOrStandIn(
				'TomTicket',
				{
					resource: 'ticket',
					operation: 'create',
					customerId: { __rl: true, mode: 'id', value: 'CPF-123' },
					departmentId: 'dep-suporte',
					subject: '={{ $json.subject }}',
					message: '={{ $json.text }}',
					// Create reads the ticket back by default (a second request); the floor makes one.
					options: { returnTicket: false },
				},
				'TomTicket ticket create',
				{
					service: 'tomTicket',
					method: 'POST',
					path: '/ticket/new',
					form: '={{ JSON.stringify({ customer_id: "CPF-123", department_id: "dep-suporte", subject: $json.subject, message: $json.text }) }}',
				},
			),
		bare: (item) => {
			const form = new FormData();
			form.append('customer_id', 'CPF-123');
			form.append('customer_id_type', 'I');
			form.append('department_id', 'dep-suporte');
			form.append('subject', String(item.subject));
			form.append('message', String(item.text));
			return {
				method: 'POST',
				url: `${fakes.tomTicket.url}/ticket/new`,
				headers: { Authorization: `Bearer ${fakes.tomTicket.token}` },
				data: form,
			};
		},
		httpRequest: () => ({
			method: 'POST',
			url: `${fakes.tomTicket.url}/ticket/new`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'tomTicketApi',
			sendBody: true,
			contentType: 'multipart-form-data',
			bodyParameters: {
				parameters: [
					{ parameterType: 'formData', name: 'customer_id', value: 'CPF-123' },
					{ parameterType: 'formData', name: 'customer_id_type', value: 'I' },
					{ parameterType: 'formData', name: 'department_id', value: 'dep-suporte' },
					{ parameterType: 'formData', name: 'subject', value: '={{ $json.subject }}' },
					{ parameterType: 'formData', name: 'message', value: '={{ $json.text }}' },
				],
			},
			options: {},
		}),
		minimal: () =>
			minimalParameters('tomTicketApi', `${fakes.tomTicket.url}/ticket/new`, true, {
				customer_id: 'CPF-123',
				customer_id_type: 'I',
				department_id: 'dep-suporte',
				subject: '={{ $json.subject }}',
				message: '={{ $json.text }}',
			}),
		answersItem(json, index) {
			const id = json.ticket_id ?? json.ticketId ?? json.id;
			const ticket = fakes.tomTicket.state.tickets.find((t) => t.id === id);
			return ticket?.subject === `Chamado ${index}`;
		},
		handledSends: () => fakes.tomTicket.handled('POST', '/ticket/new').length,
	};

	return [plugChat, digisac, tomTicket];
}
