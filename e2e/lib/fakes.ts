import { DigisacFake } from '../../test/fakes/digisac';
import type { FakeServer } from '../../test/fakes/fakeServer';
import { PlugChatFake } from '../../test/fakes/plugchat';
import { TomTicketFake } from '../../test/fakes/tomticket';

import type { SeedTargets } from './fixtures';
import { seedFixtures } from './fixtures';

/** The three fake platforms the dev and e2e stacks run on loopback, with the fixtures. */
export interface Fakes {
	plugChat: PlugChatFake;
	tomTicket: TomTicketFake;
	digisac: DigisacFake;
	all: FakeServer[];
}

/** Ids of the imported credentials; example and e2e workflows refer to them. */
export const CREDENTIAL_IDS = {
	plugChatApi: 'atendPlugChat001',
	tomTicketApi: 'atendTomTicket01',
	digisacApi: 'atendDigisac0001',
} as const;

export const CREDENTIAL_NAMES = {
	plugChatApi: 'PlugChat (local fake)',
	tomTicketApi: 'TomTicket (local fake)',
	digisacApi: 'Digisac (local fake)',
} as const;

/** Starts the fakes with the fixtures, then `seed` (more data, e.g. the playground's). */
export async function startFakes(seed?: (fakes: SeedTargets) => void): Promise<Fakes> {
	const plugChat = new PlugChatFake();
	const tomTicket = new TomTicketFake();
	const digisac = new DigisacFake();
	// n8n runs on http://127.0.0.1, so its webhook URLs cannot be HTTPS; the real PlugChat
	// refuses them, the fake can be told not to.
	plugChat.requireHttps = false;
	const all: FakeServer[] = [plugChat, tomTicket, digisac];
	await Promise.all(all.map((fake) => fake.start()));
	seedFixtures({ plugChat, tomTicket, digisac });
	seed?.({ plugChat, tomTicket, digisac });
	return { plugChat, tomTicket, digisac, all };
}

export async function stopFakes(fakes: Fakes | undefined): Promise<void> {
	if (fakes) await Promise.all(fakes.all.map((fake) => fake.stop()));
}

/** The credentials n8n gets, as `n8n import:credentials` takes them (plain data). */
export function credentialsFor(fakes: Fakes) {
	return [
		{
			id: CREDENTIAL_IDS.plugChatApi,
			name: CREDENTIAL_NAMES.plugChatApi,
			type: 'plugChatApi',
			data: {
				apiToken: fakes.plugChat.token,
				baseUrl: fakes.plugChat.url,
				authorizationScheme: 'none',
			},
		},
		{
			id: CREDENTIAL_IDS.tomTicketApi,
			name: CREDENTIAL_NAMES.tomTicketApi,
			type: 'tomTicketApi',
			data: { apiToken: fakes.tomTicket.token, baseUrl: fakes.tomTicket.url },
		},
		{
			id: CREDENTIAL_IDS.digisacApi,
			name: CREDENTIAL_NAMES.digisacApi,
			type: 'digisacApi',
			data: { apiToken: fakes.digisac.token, accountUrl: fakes.digisac.url },
		},
	];
}

/**
 * Posts a PlugChat webhook event the way PlugChat does (POST, JSON, no signature) to the URL
 * registered for that event through update-webhooks. Returns the receiver's answer.
 */
export async function deliverPlugChatEvent(
	plugChat: PlugChatFake,
	event: string,
	payload: Record<string, unknown>,
): Promise<{ url: string; status: number; body: string }> {
	const url = plugChat.state.webhooks[event];
	if (!url) throw new Error(`PlugChat has no webhook URL registered for ${event}`);
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(payload),
	});
	return { url, status: response.status, body: await response.text() };
}
