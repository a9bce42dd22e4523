import type { Server } from 'http';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { tomTicketService } from '../../nodes/TomTicket/transport';
import { DigisacFake, seedDigisac } from '../../test/fakes/digisac';
import { PlugChatFake, seedPlugChat } from '../../test/fakes/plugchat';
import { seedTomTicket, TomTicketFake } from '../../test/fakes/tomticket';

export type ServiceKey = 'plugChat' | 'digisac' | 'tomTicket';

/** The three platform fakes of the test suite, on 127.0.0.1, in this process. */
export class Fakes {
	readonly plugChat = new PlugChatFake();
	readonly digisac = new DigisacFake();
	readonly tomTicket = new TomTicketFake();

	/** TCP connections the fakes accepted: shows whether a client reuses connections. */
	connections = 0;

	async start() {
		await Promise.all([this.plugChat.start(), this.digisac.start(), this.tomTicket.start()]);
		for (const fake of [this.plugChat, this.digisac, this.tomTicket]) {
			(fake as unknown as { server: Server }).server.on('connection', () => this.connections++);
		}
	}

	async stop() {
		await Promise.all([this.plugChat.stop(), this.digisac.stop(), this.tomTicket.stop()]);
	}

	/** Forgets recorded requests and puts every fake back to its seeded state. */
	resetAll() {
		this.plugChat.reset();
		this.plugChat.state = seedPlugChat();
		this.digisac.reset();
		this.digisac.state = seedDigisac();
		this.tomTicket.reset();
		this.tomTicket.state = seedTomTicket();
	}

	credentials(): Record<string, ICredentialDataDecryptedObject> {
		return {
			plugChatApi: { apiToken: this.plugChat.token, baseUrl: this.plugChat.url },
			digisacApi: { apiToken: this.digisac.token, accountUrl: this.digisac.url },
			tomTicketApi: { apiToken: this.tomTicket.token, baseUrl: this.tomTicket.url },
		};
	}
}

const documentedTomTicketRate = tomTicketService.requestsPerSecond;

/**
 * Lifts TomTicket's 3 requests/second on both sides (our transport's limiter and the fake's
 * enforcement), for workloads that measure overhead rather than the limit.
 */
export function liftTomTicketLimit(fakes: Fakes, lifted: boolean) {
	tomTicketService.requestsPerSecond = lifted ? undefined : documentedTomTicketRate;
	fakes.tomTicket.enforceRateLimit = !lifted;
}

export const TOMTICKET_DOCUMENTED_RATE = documentedTomTicketRate ?? 3;
