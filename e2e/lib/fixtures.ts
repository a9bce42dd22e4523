import { ACCOUNT_ID } from '../../test/fakes/digisac';
import type { DigisacFake, Row } from '../../test/fakes/digisac';
import type { PlugChatFake } from '../../test/fakes/plugchat';
import { SITUATIONS, tomTicketDate } from '../../test/fakes/tomticket';
import type { TomTicketFake } from '../../test/fakes/tomticket';

/**
 * The records the e2e checks and the examples rely on, with fixed ids: Brazilian customers,
 * tickets and an attendance that read like the real thing. Every stack seeds them into the
 * fakes; `npm run dev` adds more on top (dev/demoData.ts).
 */
export const FIXTURES = {
	digisac: {
		serviceId: '7a1e2b1c-0000-4000-8000-0000000000s1',
		supportDepartmentId: '7a1e2b1c-0000-4000-8000-0000000000d1',
		financeDepartmentId: '7a1e2b1c-0000-4000-8000-0000000000d2',
		agentUserId: '7a1e2b1c-0000-4000-8000-0000000000u2',
		contacts: {
			maria: 'd16ac000-0000-4000-8000-00000000c001',
			joao: 'd16ac000-0000-4000-8000-00000000c002',
			carlos: 'd16ac000-0000-4000-8000-00000000c004',
		},
		closedTicketId: 'd16ac000-0000-4000-8000-00000000f001',
	},
	tomTicket: {
		supportDepartmentId: 'dep-suporte',
		accessCategoryId: 'cat-acesso',
		customerInternalId: 'CPF-123',
		customerEmail: 'maria@example.com',
	},
	plugChat: {
		generalDepartmentId: 'dep-geral',
		operatorId: 'op-marina',
		customerPhone: '5511987654321',
		finishedAttendanceNumber: 1470,
	},
};

export const HOUR = 3600_000;

export function iso(msAgo: number): string {
	return new Date(Date.now() - msAgo).toISOString();
}

/** A Digisac contact as GET /api/v1/contacts returns it. */
export function digisacContact(id: string, name: string, number: string): Row {
	return {
		id,
		name,
		internalName: name,
		alternativeName: null,
		isGroup: false,
		isMe: false,
		unread: 0,
		visible: true,
		serviceId: FIXTURES.digisac.serviceId,
		accountId: ACCOUNT_ID,
		defaultDepartmentId: null,
		tagIds: [],
		data: { number, valid: true },
		createdAt: iso(30 * 24 * HOUR),
		updatedAt: iso(2 * HOUR),
		deletedAt: null,
	};
}

/** A Digisac ticket as GET /api/v1/tickets returns it. */
export function digisacTicket(ticket: {
	id: string;
	contactId: string;
	protocol: string;
	open: boolean;
	startedAgo: number;
	minutes: number;
	departmentId: string;
}): Row {
	const { open, startedAgo, minutes } = ticket;
	return {
		id: ticket.id,
		isOpen: open,
		protocol: ticket.protocol,
		origin: 'contact',
		contactId: ticket.contactId,
		userId: FIXTURES.digisac.agentUserId,
		departmentId: ticket.departmentId,
		accountId: ACCOUNT_ID,
		startedAt: iso(startedAgo),
		endedAt: open ? null : iso(startedAgo - minutes * 60_000),
		createdAt: iso(startedAgo),
		updatedAt: iso(open ? HOUR : startedAgo - minutes * 60_000),
		metrics: {
			ticketTime: minutes * 60,
			waitingTime: 95,
			messagingTime: minutes * 50,
			ticketTransferCount: 0,
		},
	};
}

/** A chat text as GET /api/v1/messages returns it, with the next free id. */
export function digisacMessage(
	digisac: DigisacFake,
	message: {
		contactId: string;
		text: string;
		fromMe: boolean;
		agoMs: number;
		ticketId: string | null;
	},
): Row {
	const d = FIXTURES.digisac;
	const { fromMe } = message;
	return {
		id: `d16ac000-0000-4000-8000-${String(digisac.state.messages.length + 1).padStart(12, '0')}`,
		isFromMe: fromMe,
		isFromBot: false,
		sent: true,
		type: 'chat',
		text: message.text,
		visible: true,
		origin: fromMe ? 'user' : null,
		timestamp: iso(message.agoMs),
		contactId: message.contactId,
		serviceId: d.serviceId,
		userId: fromMe ? d.agentUserId : null,
		ticketId: message.ticketId,
		ticketUserId: d.agentUserId,
		accountId: ACCOUNT_ID,
		file: null,
		data: { ack: fromMe ? 3 : -1 },
	};
}

function seedDigisac(digisac: DigisacFake): void {
	const d = FIXTURES.digisac;
	digisac.state.contacts.push(
		digisacContact(d.contacts.maria, 'Maria Oliveira', '5511987654321'),
		digisacContact(d.contacts.joao, 'João Santos', '5521912345678'),
		digisacContact(d.contacts.carlos, 'Carlos Eduardo Ferreira', '5541991234567'),
	);
	// Two tickets closed in the last 24 hours and one before (the daily export filters by period).
	digisac.state.tickets.push(
		digisacTicket({
			id: d.closedTicketId,
			contactId: d.contacts.maria,
			protocol: '2026112000017',
			open: false,
			startedAgo: 20 * HOUR,
			minutes: 25,
			departmentId: d.supportDepartmentId,
		}),
		digisacTicket({
			id: 'd16ac000-0000-4000-8000-00000000f002',
			contactId: d.contacts.joao,
			protocol: '2026112000018',
			open: false,
			startedAgo: 18 * HOUR,
			minutes: 40,
			departmentId: d.financeDepartmentId,
		}),
		digisacTicket({
			id: 'd16ac000-0000-4000-8000-00000000f003',
			contactId: d.contacts.carlos,
			protocol: '2026111900009',
			open: false,
			startedAgo: 45 * HOUR,
			minutes: 12,
			departmentId: d.supportDepartmentId,
		}),
	);
	const conversation: Array<[string, boolean, number]> = [
		['Bom dia! Meu pedido 4521 ainda não chegou.', false, 20 * HOUR],
		['Olá, Maria! Já verifiquei: ele sai para entrega hoje.', true, 20 * HOUR - 5 * 60_000],
		['Perfeito, obrigada!', false, 20 * HOUR - 9 * 60_000],
	];
	for (const [text, fromMe, agoMs] of conversation)
		digisac.state.messages.push(
			digisacMessage(digisac, {
				contactId: d.contacts.maria,
				text,
				fromMe,
				agoMs,
				ticketId: d.closedTicketId,
			}),
		);
}

export function tomTicketSituation(id: number, agoMs = HOUR) {
	return {
		id,
		apply_date: tomTicketDate(new Date(Date.now() - agoMs)),
		description: SITUATIONS[id],
	};
}

function seedTomTicket(tomTicket: TomTicketFake): void {
	// Answered, waiting for the customer: the TomTicket Trigger example's notice goes out for it.
	tomTicket.createTicket({
		customerId: 'CPF-123',
		departmentId: 'dep-suporte',
		subject: 'Não consigo acessar o sistema',
		message: 'Desde ontem aparece "senha inválida" ao entrar.',
		category: { id: 'cat-acesso', name: 'Acesso' },
		priority: 3,
		situation: tomTicketSituation(2),
		operator: { id: 'op-ana', name: 'Ana Souza' },
	});
}

function seedPlugChat(plugChat: PlugChatFake): void {
	const p = FIXTURES.plugChat;
	// Attendance 1470 (the fake's first number): finished, with its chat.
	const finished = plugChat.openAttendance(
		p.customerPhone,
		[p.operatorId],
		p.generalDepartmentId,
		'Maria Oliveira',
	);
	finished.status = 'FINISH';
	finished.endTime = finished.startTime + 12 * 60_000;
	finished.finishBy = p.operatorId;
	plugChat.state.chatMessages[finished.id] = {
		'3EB0C767D26A1D6A8B1F': {
			messageId: '3EB0C767D26A1D6A8B1F',
			phone: p.customerPhone,
			fromMe: false,
			momment: finished.startTime,
			status: 'RECEIVED',
			chatName: 'Maria Oliveira',
			senderName: 'Maria Oliveira',
			type: 'ReceivedCallback',
			text: { message: 'Quero trocar o plano da minha internet.' },
		},
		'3EB0C767D26A1D6A8B20': {
			messageId: '3EB0C767D26A1D6A8B20',
			phone: p.customerPhone,
			fromMe: true,
			momment: finished.startTime + 60_000,
			status: 'READ',
			chatName: 'Maria Oliveira',
			senderName: 'Marina Costa',
			type: 'ReceivedCallback',
			text: { message: 'Claro! Já alterei para o plano de 500 mega.' },
		},
	};
}

export interface SeedTargets {
	plugChat: PlugChatFake;
	tomTicket: TomTicketFake;
	digisac: DigisacFake;
}

export function seedFixtures(fakes: SeedTargets): void {
	seedDigisac(fakes.digisac);
	seedTomTicket(fakes.tomTicket);
	seedPlugChat(fakes.plugChat);
}
