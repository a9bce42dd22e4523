/**
 * The token never appears in an error, whatever form it was saved in or echoed back in. The
 * credentials send the token trimmed (their `authenticate` trims it), so a token saved with a
 * trailing newline or space is the trimmed value on the wire, and that is what a platform echoes.
 */
import type { INodeParameters } from 'n8n-workflow';

import { redactSecret, secretForms } from '../../nodes/shared/errors';
import { runNode } from '../harness';
import type { ServiceKey } from '../reliability/support';
import { nodeTypes, useFakes } from '../reliability/support';

const fakes = useFakes();

const simpleRead: Record<ServiceKey, INodeParameters> = {
	digisac: { resource: 'department', operation: 'getAll', returnAll: true },
	plugChat: { resource: 'department', operation: 'getAll', returnAll: true },
	tomTicket: { resource: 'department', operation: 'getAll', returnAll: true },
};

/** Each platform's error envelope, echoing what it was sent. */
const echo: Record<ServiceKey, (text: string) => object> = {
	digisac: (text) => ({
		status: 401,
		body: {
			error: 'UnauthorizedHttpError',
			message: `token=${text}; has no scope here`,
			status: 401,
		},
	}),
	plugChat: (text) => ({ status: 401, body: { message: `Authorization ${text} inválido` } }),
	tomTicket: (text) => ({
		status: 200,
		body: { error: true, message: `Token ${text} invalido`, success: false },
	}),
};

async function runWithSavedToken(service: ServiceKey, saved: string) {
	const all = fakes.credentials();
	const credentialName = `${service}Api`;
	try {
		return await runNode({
			nodeType: nodeTypes[service],
			parameters: { requestOptions: {}, ...simpleRead[service] },
			credentials: { ...all, [credentialName]: { ...all[credentialName], apiToken: saved } },
		});
	} finally {
		fakes[service].reset();
	}
}

function visible(run: Awaited<ReturnType<typeof runWithSavedToken>>): string {
	const error = run.error as { message?: string; description?: string } | undefined;
	return JSON.stringify({
		message: error?.message,
		description: error?.description,
		run: run.error,
	});
}

describe.each(['digisac', 'plugChat', 'tomTicket'] as ServiceKey[])('%s', (service) => {
	const token = () => fakes[service].token;

	it.each([
		['a trailing newline', (t: string) => `${t}\n`],
		['a trailing space', (t: string) => `${t} `],
		['a leading space', (t: string) => ` ${t}`],
		['saved exactly', (t: string) => t],
	])('redacts the echoed token when it was saved with %s', async (_label, saved) => {
		fakes[service].failNext(echo[service](token()) as never);
		const run = await runWithSavedToken(service, saved(token()));
		expect(run.error).toBeDefined();
		expect(visible(run)).not.toContain(token());
		expect(run.error?.message).toContain('***');
	});

	it('redacts a "Bearer <token>" echo, and the token without "Bearer" when it was saved with it', async () => {
		fakes[service].failNext(echo[service](`Bearer ${token()}`) as never);
		let run = await runWithSavedToken(service, token());
		expect(visible(run)).not.toContain(token());

		// Pasted into the API Token field with its scheme: the platform may echo just the token.
		fakes[service].failNext(echo[service](token()) as never);
		run = await runWithSavedToken(service, `Bearer ${token()}`);
		expect(visible(run)).not.toContain(token());
	});

	it('redacts the token URL-encoded too', async () => {
		const withSymbols = `${token()}+/=`;
		fakes[service].failNext(echo[service](encodeURIComponent(withSymbols)) as never);
		const run = await runWithSavedToken(service, `${withSymbols}\n`);
		expect(visible(run)).not.toContain(encodeURIComponent(withSymbols));
	});
});

describe('secretForms / redactSecret', () => {
	it('lists the saved, trimmed, scheme-less and encoded forms, longest first', () => {
		expect(secretForms(' Bearer ab+c/d== \n')).toEqual([
			'%20Bearer%20ab%2Bc%2Fd%3D%3D%20%0A',
			'Bearer%20ab%2Bc%2Fd%3D%3D',
			' Bearer ab+c/d== \n',
			'ab%2Bc%2Fd%3D%3D',
			'Bearer ab+c/d==',
			'ab+c/d==',
		]);
	});

	it('leaves short or empty secrets alone (a 3-character "secret" would redact common words)', () => {
		expect(secretForms('abc')).toEqual([]);
		expect(redactSecret('abc def', secretForms('abc'))).toBe('abc def');
	});

	it('replaces every form', () => {
		expect(redactSecret('a=tok-12345 b=Bearer tok-12345', secretForms('tok-12345\n'))).toBe(
			'a=*** b=Bearer ***',
		);
	});
});
