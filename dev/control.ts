import { createServer } from 'http';
import type { Server } from 'http';

import type { Fakes } from '../e2e/lib/fakes';
import { deliverPlugChatEvent } from '../e2e/lib/fakes';

import { DEMO } from './demoData';

/**
 * `npm run dev`'s "simulate the customer" endpoint: without a real account nothing would ever
 * call the triggers, so this small server makes the fakes deliver events the way the platforms
 * do, and shows what n8n sent to the fakes.
 *
 *   POST /digisac/message          {"text": "...", "contact": "maria|joao|ana|carlos|fernanda"}
 *   POST /plugchat/message         {"text": "...", "phone": "5521912345678", "name": "João Santos"}
 *   POST /plugchat/finish-attendance {"number": 1470}
 *   GET  /requests?fake=digisac|plugchat|tomticket   the last 20 requests that fake received
 */
export function startDemoControl(fakes: Fakes, port: number): Promise<Server> {
	const server = createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://demo');
			let body: Record<string, unknown> = {};
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			if (chunks.length) {
				try {
					body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
				} catch {
					return send(400, { error: 'the body must be JSON' });
				}
			}
			try {
				const route = `${req.method} ${url.pathname}`;
				if (route === 'POST /digisac/message') return send(200, await digisacMessage(fakes, body));
				if (route === 'POST /plugchat/message')
					return send(200, await plugChatMessage(fakes, body));
				if (route === 'POST /plugchat/finish-attendance')
					return send(200, await finishAttendance(fakes, body));
				if (route === 'GET /requests')
					return send(200, recentRequests(fakes, url.searchParams.get('fake') ?? ''));
				return send(404, {
					error: 'unknown route',
					routes: [
						'POST /digisac/message',
						'POST /plugchat/message',
						'POST /plugchat/finish-attendance',
						'GET /requests?fake=digisac',
					],
				});
			} catch (error) {
				return send(409, { error: (error as Error).message });
			}
		})();

		function send(status: number, payload: unknown) {
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(`${JSON.stringify(payload, null, 2)}\n`);
		}
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

async function digisacMessage(fakes: Fakes, body: Record<string, unknown>) {
	const key = String(body.contact ?? 'maria') as keyof typeof DEMO.digisac.contacts;
	const contactId = DEMO.digisac.contacts[key];
	if (!contactId)
		throw new Error(
			`unknown contact "${key}"; use one of ${Object.keys(DEMO.digisac.contacts).join(', ')}`,
		);
	const message = fakes.digisac.addIncomingMessage({
		contactId,
		text: String(body.text ?? 'Olá! Preciso de ajuda com meu pedido.'),
	});
	const hooks = fakes.digisac.state.webhooks.filter(
		(hook) =>
			hook.active !== false &&
			Array.isArray(hook.events) &&
			(hook.events as string[]).includes('message.created'),
	);
	if (hooks.length === 0)
		throw new Error(
			'no active Digisac webhook listens to message.created: activate a workflow with a Digisac Trigger',
		);
	const deliveries = [];
	for (const hook of hooks)
		deliveries.push({
			url: hook.url,
			...(await fakes.digisac.deliver(hook.id, 'message.created', message)),
		});
	return { delivered: message, deliveries };
}

/** PlugChat keeps one URL per event; without one, say what to switch on. */
function requirePlugChatHook(fakes: Fakes, event: string, label: string): void {
	if (!fakes.plugChat.state.webhooks[event])
		throw new Error(
			`no PlugChat webhook listens to ${label}: activate a workflow with a PlugChat Trigger on "${label}" (the examples do)`,
		);
}

async function plugChatMessage(fakes: Fakes, body: Record<string, unknown>) {
	requirePlugChatHook(fakes, 'receiveMessage', 'Message Received');
	const phone = String(body.phone ?? '5521912345678');
	const name = String(body.name ?? (phone === '5521912345678' ? 'João Santos' : phone));
	const payload = {
		messageId: `3EB0${Date.now().toString(16).toUpperCase()}`,
		instanceId: 'inst-demo',
		phone,
		fromMe: false,
		momment: Date.now(),
		status: 'RECEIVED',
		chatName: name,
		senderName: name,
		type: 'ReceivedCallback',
		isGroup: false,
		text: { message: String(body.text ?? 'Bom dia! Quero saber do meu boleto.') },
	};
	return {
		delivered: payload,
		delivery: await deliverPlugChatEvent(fakes.plugChat, 'receiveMessage', payload),
	};
}

async function finishAttendance(fakes: Fakes, body: Record<string, unknown>) {
	const number = Number(body.number ?? DEMO.plugChat.finishedAttendanceNumber);
	const attendance = fakes.plugChat.state.attendances.find((a) => a.attendanceNumber === number);
	if (!attendance)
		throw new Error(
			`no attendance number ${number}; the demo has ${fakes.plugChat.state.attendances.map((a) => a.attendanceNumber).join(', ')}`,
		);
	requirePlugChatHook(fakes, 'finishAttendance', 'Attendance Finished');
	const payload = { attendance, chat: fakes.plugChat.state.chatMessages[attendance.id] ?? {} };
	return {
		delivered: payload,
		delivery: await deliverPlugChatEvent(fakes.plugChat, 'finishAttendance', payload),
	};
}

function recentRequests(fakes: Fakes, name: string) {
	const fake = { digisac: fakes.digisac, plugchat: fakes.plugChat, tomticket: fakes.tomTicket }[
		name.toLowerCase()
	];
	if (!fake) throw new Error('choose ?fake=digisac, plugchat or tomticket');
	return fake.requests.slice(-20).map((r) => ({
		at: new Date(r.time).toISOString(),
		request: `${r.method} ${r.path}`,
		query: r.query,
		status: r.status,
		json: r.json,
		form:
			r.form &&
			Object.fromEntries(
				Object.entries(r.form).map(([key, values]) => [
					key,
					values.map((v) => (typeof v === 'string' ? v : `<file ${v.fileName}, ${v.size} bytes>`)),
				]),
			),
	}));
}
