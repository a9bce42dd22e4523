import type { DigisacFake } from './index';

export interface CapturedDelivery {
	url: string;
	method: string;
	headers: Record<string, string>;
	body: unknown;
}

/**
 * Runs the fake's own `deliver()` (Digisac POSTing an event to a registered webhook) and
 * captures the HTTP request instead of sending it, because the registered URL is n8n's, which
 * nothing serves in tests. The captured body then goes to the trigger through the harness.
 */
export async function captureDelivery(
	fake: DigisacFake,
	webhookId: string,
	event: string,
	data: Record<string, unknown>,
): Promise<CapturedDelivery> {
	const original = globalThis.fetch;
	let captured: CapturedDelivery | undefined;
	globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
		captured = {
			url: String(input),
			method: String(init?.method ?? 'GET'),
			headers: Object.fromEntries(new Headers(init?.headers).entries()),
			body: JSON.parse(String(init?.body ?? 'null')),
		};
		return new Response(JSON.stringify({ message: 'Webhook call received' }), { status: 200 });
	}) as typeof fetch;
	try {
		await fake.deliver(webhookId, event, data);
	} finally {
		globalThis.fetch = original;
	}
	if (!captured) throw new Error('deliver() sent nothing');
	return captured;
}
