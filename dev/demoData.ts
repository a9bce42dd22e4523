import {
	digisacContact,
	digisacMessage,
	digisacTicket,
	FIXTURES,
	HOUR,
	tomTicketSituation,
} from '../e2e/lib/fixtures';
import type { SeedTargets } from '../e2e/lib/fixtures';
import { tomTicketDate } from '../test/fakes/tomticket';

/**
 * What `npm run dev` adds to the e2e fixtures so the playground looks like a busy account: more
 * contacts and tickets, open attendances, chats, a pending chat, and approved WhatsApp templates
 * so Digisac's Message → Send Template can be tried. Seeded from here through the fakes' state,
 * as the tests seed them; the fakes' behaviour is theirs.
 */
export const DEMO = {
	digisac: {
		contacts: {
			...FIXTURES.digisac.contacts,
			ana: 'd16ac000-0000-4000-8000-00000000c003',
			fernanda: 'd16ac000-0000-4000-8000-00000000c005',
		},
		openTicketId: 'd16ac000-0000-4000-8000-00000000f004',
	},
	plugChat: FIXTURES.plugChat,
};

/**
 * WhatsApp Business templates (HSM) of the connected connection, in the fields Digisac's
 * template endpoints document (name, internalName, components, serviceId, messageType, language,
 * category) plus the approval status the node lists them with.
 */
export const DEMO_TEMPLATES = [
	{
		id: '7a1e2b1c-0000-4000-8000-0000000000h1',
		name: 'pedido_enviado',
		internalName: 'Pedido enviado',
		language: 'pt_BR',
		category: 'UTILITY',
		messageType: 'text_only',
		serviceId: FIXTURES.digisac.serviceId,
		status: 'APPROVED',
		components: [
			{
				type: 'BODY',
				text: 'Olá, {{1}}! Seu pedido {{2}} saiu para entrega e chega até {{3}}.',
			},
		],
	},
	{
		id: '7a1e2b1c-0000-4000-8000-0000000000h2',
		name: 'segunda_via_boleto',
		internalName: 'Segunda via do boleto',
		language: 'pt_BR',
		category: 'UTILITY',
		messageType: 'text_only',
		serviceId: FIXTURES.digisac.serviceId,
		status: 'APPROVED',
		components: [
			{
				type: 'BODY',
				text: 'Olá, {{1}}! A segunda via do seu boleto de {{2}} está pronta: vence em {{3}}.',
			},
			{ type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Abrir boleto' }] },
		],
	},
];

function seedDigisac({ digisac }: SeedTargets): void {
	const d = DEMO.digisac;
	digisac.state.contacts.push(
		digisacContact(d.contacts.ana, 'Ana Beatriz Lima', '5531998877665'),
		digisacContact(d.contacts.fernanda, 'Fernanda Rocha', '5551987651234'),
	);
	digisac.state.tickets.push(
		digisacTicket({
			id: d.openTicketId,
			contactId: d.contacts.ana,
			protocol: '2026112100003',
			open: true,
			startedAgo: 3 * HOUR,
			minutes: 0,
			departmentId: FIXTURES.digisac.supportDepartmentId,
		}),
	);
	digisac.state.messages.push(
		digisacMessage(digisac, {
			contactId: d.contacts.ana,
			text: 'Preciso da segunda via do boleto de novembro.',
			fromMe: false,
			agoMs: 3 * HOUR,
			ticketId: d.openTicketId,
		}),
	);
	digisac.state.templates.push(...DEMO_TEMPLATES.map((template) => ({ ...template })));
}

function seedTomTicket({ tomTicket }: SeedTargets): void {
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
	tomTicket.createTicket({
		customerId: 'CPF-456',
		departmentId: 'dep-suporte',
		subject: 'Cobrança em duplicidade',
		message: 'Fui cobrado duas vezes na fatura de outubro.',
		category: { id: 'cat-financeiro', name: 'Financeiro' },
		priority: 4,
		situation: tomTicketSituation(0),
	});
	tomTicket.createTicket({
		customerId: 'CPF-789',
		departmentId: 'dep-comercial',
		subject: 'Proposta para 15 licenças',
		message: 'Gostaria de uma proposta para a oficina.',
		category: { id: 'cat-proposta', name: 'Proposta' },
		situation: tomTicketSituation(5),
		end_date: tomTicketDate(new Date(Date.now() - 2 * HOUR)),
	});
}

function seedPlugChat({ plugChat }: SeedTargets): void {
	const p = FIXTURES.plugChat;
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

/** Seeds the playground's extra records on top of the fixtures. */
export function seedPlaygroundData(fakes: SeedTargets): void {
	seedDigisac(fakes);
	seedTomTicket(fakes);
	seedPlugChat(fakes);
}
