/**
 * Valid values for the corpus's baselines, per platform: ids come from the fakes' seeded state
 * (plus a few records seeded here), everything else by parameter name, then by type.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { seedDigisac as seedDigisacState } from '../fakes/digisac';
import { actionsOf, addTicket } from '../fakes/digisac/actions';

import type { OperationRef, ValueProvider } from './corpus';
import type { ReliabilityFakes, ServiceKey } from './support';

const locator = (value: unknown) => ({ __rl: true, mode: 'id', value });

export interface Seeded {
	provide: ValueProvider;
}

/** Resets one fake to its seeded state, adds the records the baselines point at, returns the values. */
export function seed(service: ServiceKey, fakes: ReliabilityFakes): Seeded {
	for (const fake of [fakes.tomTicket, fakes.plugChat, fakes.digisac]) fake.reset();
	switch (service) {
		case 'tomTicket':
			return seedTomTicket(fakes);
		case 'plugChat':
			return seedPlugChat(fakes);
		case 'digisac':
			return seedDigisac(fakes);
	}
}

/** Values by parameter name (a value, or a function of the operation); undefined for the rest. */
function byName(values: Record<string, unknown>): ValueProvider {
	return (property: INodeProperties, current: INodeParameters, op: OperationRef) => {
		if (!(property.name in values)) return undefined;
		const value = values[property.name];
		const resolved =
			typeof value === 'function' ? (value as ValueProvider)(property, current, op) : value;
		if (resolved === undefined) return undefined;
		return property.type === 'resourceLocator' &&
			(typeof resolved !== 'object' || resolved === null)
			? locator(resolved)
			: resolved;
	};
}

function seedTomTicket(fakes: ReliabilityFakes): Seeded {
	const fake = fakes.tomTicket;
	fake.resetState();
	// Linked to an operator and with an open status, so transfer, operator replies and End Status apply.
	const [ticket] = fake.addTickets(2, {
		departmentId: 'dep-suporte',
		operator: { id: 'op-ana', name: 'Ana Souza' },
		status: { id: fake.state.statuses[0].id, description: fake.state.statuses[0].description },
	} as never);
	const [chat] = fake.addChats(2);
	const values: Record<string, unknown> = {
		departmentId: 'dep-suporte',
		operatorId: 'op-ana',
		statusId: fake.state.statuses[0].id,
		ticketId: ticket.id,
		chatId: chat.id,
		// A new customer for create; an existing one everywhere else.
		customerId: (_p: INodeProperties, _v: INodeParameters, op: OperationRef) =>
			op.resource === 'customer' && op.operation === 'create' ? 'CPF-999' : locator('CPF-123'),
		name: 'Ana Pereira',
		subject: 'Não consigo acessar',
		message: 'Olá, preciso de ajuda com o acesso.',
		comment: 'Cliente retornou a ligação.',
		categoryId: 'cat-acesso',
		customerIdType: 'I',
	};
	return { provide: byName(values) };
}

function seedPlugChat(fakes: ReliabilityFakes): Seeded {
	const fake = fakes.plugChat;
	fake.resetState();
	const phone = '5511987654321';
	fake.state.whatsappNumbers.push(phone);
	fake.state.chats.push({
		name: 'Maria',
		phone,
		unread: '0',
		lastMessageTime: '1700000000',
		isMuted: '0',
		isMarkedSpam: 'false',
		profileThumbnail: null,
	});
	fake.state.contacts.push({
		name: 'Maria',
		phone,
		short: 'Maria',
		vname: 'Maria',
		notify: 'Maria',
	});
	const attendance = fake.openAttendance(phone, ['op-lucas'], 'dep-geral');
	const group = fake.addGroup('Equipe', ['5511912345678']);
	fake.state.queue.push({
		Message: 'Na fila',
		Phone: phone,
		ZaapId: 'ZAAP0001',
		Created: Date.now(),
		MessageId: 'MSG0001',
	});
	const values: Record<string, unknown> = {
		phone,
		departmentId: 'dep-geral',
		operatorId: 'op-lucas',
		operatorIds: ['op-lucas'],
		ticket: String(attendance.attendanceNumber),
		label: 'CPF',
		value: '123.456.789-00',
		groupId: group.phone,
		phones: '5511912345678',
		groupName: 'Equipe de vendas',
		groupDescription: 'Avisos da equipe',
		messageId: 'MSG0001',
		zaapId: 'ZAAP0001',
		accountId: fake.state.accountId,
		webhookUrls: { receiveMessage: 'https://example.com/plugchat/receive' },
		contactName: 'João',
		contactPhone: '5511912345678',
		linkUrl: 'https://example.com/boleto',
		title: 'Boleto',
		address: 'Av. Paulista, 1000 - São Paulo',
		latitude: '-23.561',
		longitude: '-46.655',
		buttonLabel: 'Ver opções',
		message: 'Olá! Como podemos ajudar?',
		buttons: {
			button: [
				{ label: 'Sim', id: '1' },
				{ label: 'Não', id: '2' },
			],
		},
		optionList: { option: [{ title: 'Suporte', description: 'Falar com o suporte', id: '1' }] },
		binaryPropertyName: 'data',
		url: 'https://example.com/arquivo.pdf',
		fileUrl: 'https://example.com/arquivo.pdf',
		mediaUrl: 'https://example.com/arquivo.pdf',
	};
	return { provide: byName(values) };
}

function seedDigisac(fakes: ReliabilityFakes): Seeded {
	const fake = fakes.digisac;
	fake.state = seedDigisacState();
	fake.files.clear();
	fake.pendingFiles.clear();
	fake.webhookDelete = 'supported';
	const actions = actionsOf(fake);
	actions.ticketAnswer = 'empty';
	actions.whatsappNumbers.clear();
	actions.oauthUsers.clear();
	actions.oauthUsers.set('api@example.com', 'senha-secreta');
	const [contact] = fake.addContacts(2);
	const [group] = fake.addContacts(1, { isGroup: true, name: 'Grupo de vendas' });
	const ticket = addTicket(fake, { contactId: contact.id });
	const message = fake.addIncomingMessage({ contactId: contact.id, text: 'Olá' });
	const service = fake.state.services[0];
	fake.state.templates.push({
		id: '7a1e2b1c-0000-4000-8000-00000000a0f1',
		name: 'boas_vindas',
		serviceId: service.id,
		status: 'APPROVED',
		components: [],
	});
	fake.state.webhooks.push({
		id: '7a1e2b1c-0000-4000-8000-00000000b0e1',
		name: 'n8n',
		url: 'https://example.com/hook',
		events: ['message.created'],
		active: true,
	});
	const values: Record<string, unknown> = {
		contactId: contact.id,
		groupId: group.id,
		ticketId: ticket.id,
		messageId: message.id,
		serviceId: service.id,
		departmentId: fake.state.departments[0].id,
		userId: fake.state.users[0].id,
		tagId: fake.state.tags[0].id,
		botId: fake.state.bots[0].id,
		templateId: fake.state.templates[0].id,
		webhookId: fake.state.webhooks[0].id,
		ticketTopicIds: [fake.state.ticketTopics[0].id],
		protocol: String(ticket.protocol),
		number: '5511987650000',
		numbers: '5511987650000',
		// Numbers to add; contact ids of participants to promote or demote.
		members: (_p: INodeProperties, _v: INodeParameters, op: OperationRef) =>
			op.operation === 'addMembers' || op.operation === 'create' ? '5511912345678' : contact.id,
		name: 'Contato de teste',
		label: 'Cliente novo',
		flag: 'inicio',
		text: 'Olá! Seu pedido saiu para entrega.',
		url: 'https://example.com/webhook',
		events: ['message.created'],
		username: 'api@example.com',
		password: 'senha-secreta',
		startPeriod: '2026-11-01T00:00:00-03:00',
		endPeriod: '2026-11-20T23:59:59-03:00',
	};
	return { provide: byName(values) };
}
