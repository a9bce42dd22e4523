import { ACCOUNT_ID } from '../../test/fakes/digisac';
import type { DigisacFake, Row } from '../../test/fakes/digisac';
import type { PlugChatFake } from '../../test/fakes/plugchat';
import { SITUATIONS, tomTicketDate } from '../../test/fakes/tomticket';
import type { TomTicketFake } from '../../test/fakes/tomticket';

/**
 * Believable demo data for `npm run dev` (a newcomer sees real-looking customers, tickets and
 * attendances) that the e2e workflows also rely on: the ids below are fixed.
 */
export const DEMO = {
	digisac: {
		serviceId: '7a1e2b1c-0000-4000-8000-0000000000s1',
		supportDepartmentId: '7a1e2b1c-0000-4000-8000-0000000000d1',
		financeDepartmentId: '7a1e2b1c-0000-4000-8000-0000000000d2',
		agentUserId: '7a1e2b1c-0000-4000-8000-0000000000u2',
		contacts: {
			maria: 'd16ac000-0000-4000-8000-00000000c001',
			joao: 'd16ac000-0000-4000-8000-00000000c002',
			ana: 'd16ac000-0000-4000-8000-00000000c003',
			carlos: 'd16ac000-0000-4000-8000-00000000c004',
			fernanda: 'd16ac000-0000-4000-8000-00000000c005',
		},
		closedTicketId: 'd16ac000-0000-4000-8000-00000000f001',
		openTicketId: 'd16ac000-0000-4000-8000-00000000f004',
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

const HOUR = 3600_000;

function iso(msAgo: number): string {
	return new Date(Date.now() - msAgo).toISOString();
}

function seedDigisac(digisac: DigisacFake): void {
	const d = DEMO.digisac;
	const people: Array<[keyof typeof d.contacts, string, string]> = [
		['maria', 'Maria Oliveira', '5511987654321'],
		['joao', 'João Santos', '5521912345678'],
		['ana', 'Ana Beatriz Lima', '5531998877665'],
		['carlos', 'Carlos Eduardo Ferreira', '5541991234567'],
		['fernanda', 'Fernanda Rocha', '5551987651234'],
	];
	for (const [key, name, number] of people) {
		digisac.state.contacts.push({
			id: d.contacts[key],
			name,
			internalName: name,
			alternativeName: null,
			isGroup: false,
			isMe: false,
			unread: 0,
			visible: true,
			serviceId: d.serviceId,
			accountId: ACCOUNT_ID,
			defaultDepartmentId: null,
			tagIds: [],
			data: { number, valid: true },
			createdAt: iso(30 * 24 * HOUR),
			updatedAt: iso(2 * HOUR),
			deletedAt: null,
		});
	}
	const ticket = (
		id: string,
		contact: string,
		protocol: string,
		open: boolean,
		startedAgo: number,
		minutes: number,
		departmentId: string,
	): Row => ({
		id,
		isOpen: open,
		protocol,
		origin: 'contact',
		contactId: contact,
		userId: d.agentUserId,
		departmentId,
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
	});
	digisac.state.tickets.push(
		ticket(
			d.closedTicketId,
			d.contacts.maria,
			'2026112000017',
			false,
			20 * HOUR,
			25,
			d.supportDepartmentId,
		),
		ticket(
			'd16ac000-0000-4000-8000-00000000f002',
			d.contacts.joao,
			'2026112000018',
			false,
			18 * HOUR,
			40,
			d.financeDepartmentId,
		),
		ticket(
			'd16ac000-0000-4000-8000-00000000f003',
			d.contacts.carlos,
			'2026111900009',
			false,
			45 * HOUR,
			12,
			d.supportDepartmentId,
		),
		ticket(
			d.openTicketId,
			d.contacts.ana,
			'2026112100003',
			true,
			3 * HOUR,
			0,
			d.supportDepartmentId,
		),
	);
	const message = (
		contactId: string,
		text: string,
		fromMe: boolean,
		agoMs: number,
		ticketId: string | null,
	): Row => ({
		id: `d16ac000-0000-4000-8000-${String(digisac.state.messages.length + 1).padStart(12, '0')}`,
		isFromMe: fromMe,
		isFromBot: false,
		sent: true,
		type: 'chat',
		text,
		visible: true,
		origin: fromMe ? 'user' : null,
		timestamp: iso(agoMs),
		contactId,
		serviceId: d.serviceId,
		userId: fromMe ? d.agentUserId : null,
		ticketId,
		ticketUserId: d.agentUserId,
		accountId: ACCOUNT_ID,
		file: null,
		data: { ack: fromMe ? 3 : -1 },
	});
	digisac.state.messages.push(
		message(
			d.contacts.maria,
			'Bom dia! Meu pedido 4521 ainda não chegou.',
			false,
			20 * HOUR,
			d.closedTicketId,
		),
		message(
			d.contacts.maria,
			'Olá, Maria! Já verifiquei: ele sai para entrega hoje.',
			true,
			20 * HOUR - 5 * 60_000,
			d.closedTicketId,
		),
		message(
			d.contacts.maria,
			'Perfeito, obrigada!',
			false,
			20 * HOUR - 9 * 60_000,
			d.closedTicketId,
		),
		message(
			d.contacts.ana,
			'Preciso da segunda via do boleto de novembro.',
			false,
			3 * HOUR,
			d.openTicketId,
		),
	);
}

function seedTomTicket(tomTicket: TomTicketFake): void {
	tomTicket.state.customers.push({
		id: 'cus-3',
		internal_id: 'CPF-789',
		name: 'Ana Beatriz Lima',
		email: 'ana.lima@example.com',
		phone: '31998877665',
		active: true,
		organization: { id: 'org-2', name: 'Oficina Dois Irmãos' },
		custom_fields: [],
	});
	const situation = (id: number) => ({
		id,
		apply_date: tomTicketDate(new Date(Date.now() - HOUR)),
		description: SITUATIONS[id],
	});
	tomTicket.createTicket({
		customerId: 'CPF-123',
		departmentId: 'dep-suporte',
		subject: 'Não consigo acessar o sistema',
		message: 'Desde ontem aparece "senha inválida" ao entrar.',
		category: { id: 'cat-acesso', name: 'Acesso' },
		priority: 3,
		situation: situation(2),
		operator: { id: 'op-ana', name: 'Ana Souza' },
	});
	tomTicket.createTicket({
		customerId: 'CPF-456',
		departmentId: 'dep-suporte',
		subject: 'Cobrança em duplicidade',
		message: 'Fui cobrado duas vezes na fatura de outubro.',
		category: { id: 'cat-financeiro', name: 'Financeiro' },
		priority: 4,
		situation: situation(0),
	});
	tomTicket.createTicket({
		customerId: 'CPF-789',
		departmentId: 'dep-comercial',
		subject: 'Proposta para 15 licenças',
		message: 'Gostaria de uma proposta para a oficina.',
		category: { id: 'cat-proposta', name: 'Proposta' },
		situation: situation(5),
		end_date: tomTicketDate(new Date(Date.now() - 2 * HOUR)),
	});
}

function seedPlugChat(plugChat: PlugChatFake): void {
	const p = DEMO.plugChat;
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
	plugChat.openAttendance('5521912345678', ['op-lucas'], p.generalDepartmentId, 'João Santos');
	plugChat.openAttendance('5531998877665', ['op-marina'], 'dep-vendas', 'Ana Beatriz Lima');
	const chat = (name: string, phone: string, unread: number, minutesAgo: number) => ({
		name,
		phone,
		unread: String(unread),
		lastMessageTime: String(Date.now() - minutesAgo * 60_000),
		isMuted: '0',
		isMarkedSpam: 'false',
		profileThumbnail: null,
	});
	plugChat.state.chats.push(
		chat('Maria Oliveira', p.customerPhone, 0, 30),
		chat('João Santos', '5521912345678', 2, 8),
		chat('Ana Beatriz Lima', '5531998877665', 1, 3),
	);
	plugChat.state.contacts.push(
		{ name: 'Maria Oliveira', short: 'Maria', notify: 'Maria', vname: '', phone: p.customerPhone },
		{ name: 'João Santos', short: 'João', notify: 'João', vname: '', phone: '5521912345678' },
		{
			name: 'Ana Beatriz Lima',
			short: 'Ana',
			notify: 'Ana Bia',
			vname: '',
			phone: '5531998877665',
		},
	);
	plugChat.state.pendingChats.push({
		name: 'Carlos Eduardo Ferreira',
		phone: '5541991234567',
		unread: 1,
		lastMessageTime: Date.now() - 60_000,
	});
}

export function seedDemoData(fakes: {
	plugChat: PlugChatFake;
	tomTicket: TomTicketFake;
	digisac: DigisacFake;
}): void {
	seedDigisac(fakes.digisac);
	seedTomTicket(fakes.tomTicket);
	seedPlugChat(fakes.plugChat);
}
