import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toBuffer } from './binary';
import type { RequestContext, ServiceDefinition, ServiceResponse } from './transport';

/** The platform's own account of what went wrong. */
export interface PlatformError {
	message: string;
	description?: string;
}

/** The connection was never made, so the server cannot have seen the request. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
]);
/** The connection broke; the server may or may not have processed the request. */
const BROKEN_CONNECTION_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ERR_STREAM_PREMATURE_CLOSE',
]);

/** A request that got no HTTP answer, as far as the HTTP client's error tells. */
export interface TransportFailure {
	code: string;
	message: string;
	/** Never reached the server (refused, unknown host): safe to send again. */
	notSent: boolean;
	/** Broke after it may have reached the server: only an idempotent request may go again. */
	connectionBroken: boolean;
	timedOut: boolean;
	/** The execution was cancelled: not a platform failure at all. */
	cancelled: boolean;
}

export function describeTransportFailure(error: unknown): TransportFailure {
	// n8n wraps the axios error in a NodeApiError; the socket's code sits on the cause.
	const candidates: Array<Record<string, unknown>> = [];
	let current = error as Record<string, unknown> | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		candidates.push(current);
		current = current.cause as Record<string, unknown> | undefined;
	}
	const code =
		(candidates.map((c) => c.code).find((c) => typeof c === 'string' && c.length > 0) as string) ??
		'';
	const message = candidates
		.map((c) => c.message)
		.filter((m): m is string => typeof m === 'string')
		.join(' ');
	return {
		code,
		message,
		notSent: NOT_SENT_CODES.has(code),
		connectionBroken: BROKEN_CONNECTION_CODES.has(code) || /socket hang up/i.test(message),
		timedOut: code === 'ECONNABORTED' || /timeout of \d+ms exceeded/i.test(message),
		cancelled: code === 'ERR_CANCELED',
	};
}

/**
 * The forms a saved secret can come back in: as saved, trimmed (the credentials' `authenticate`
 * trims the token, so the trimmed value is what the platform received and may echo), without a
 * "Bearer " the user pasted with it, and URL-encoded. Longest first, so a longer form is replaced
 * whole before a shorter one inside it. Secrets under 4 characters are left out: replacing them
 * would garble ordinary words.
 */
export function secretForms(secret: string): string[] {
	const trimmed = secret.trim();
	const bare = trimmed.replace(/^bearer\s+/i, '');
	const forms = new Set<string>();
	for (const form of [secret, trimmed, bare]) {
		if (form.length < 4) continue;
		forms.add(form);
		forms.add(encodeURIComponent(form));
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of the secret (in each of its forms), so no message carries it out. */
export function redactSecret(
	text: string | undefined,
	secret: string | string[],
): string | undefined {
	if (text === undefined) return text;
	const forms = Array.isArray(secret) ? secret : secret.length >= 4 ? [secret] : [];
	let result = text;
	for (const form of forms) if (form) result = result.split(form).join('***');
	return result;
}

const STATUS_TEXTS: Record<number, string> = {
	400: 'Bad request - please check your parameters',
	401: 'Authorization failed - please check your credentials',
	403: 'Forbidden - the token has no access to this resource',
	404: 'The resource you are requesting could not be found',
	405: 'Method not allowed',
	415: 'Unsupported media type',
	429: 'The service is receiving too many requests from you',
	500: 'The service was not able to process your request',
	502: 'Bad gateway - the service failed to handle your request',
	503: 'Service unavailable - try again later',
	504: 'Gateway timed out - try again later',
};

function statusText(statusCode: number): string {
	return STATUS_TEXTS[statusCode] ?? `The request failed with HTTP status ${statusCode}`;
}

interface ErrorDetails {
	message: string;
	description?: string;
	httpCode?: number;
	itemIndex?: number;
}

/** A NodeApiError from plain values, with the secret taken out of every text. */
export function apiError(
	context: RequestContext,
	secret: string | string[],
	details: ErrorDetails,
): NodeApiError {
	const message = redactSecret(details.message, secret) as string;
	const description = redactSecret(details.description, secret);
	// Built from plain values, never from the HTTP client's error, whose request config holds the
	// Authorization header.
	const errorResponse: JsonObject = { message };
	if (details.httpCode !== undefined) errorResponse.httpCode = String(details.httpCode);
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description,
		httpCode: details.httpCode !== undefined ? String(details.httpCode) : undefined,
		itemIndex: details.itemIndex,
	});
}

/** What the last attempt of a request was, for the error's wording. */
export interface AttemptSummary {
	attempts: number;
	idempotent: boolean;
	timeoutMs: number;
	itemIndex?: number;
	/** The wait a 429 asked for, when it sent one. */
	retryAfterMs?: number;
	/** Milliseconds spent waiting between the attempts so far. */
	waitedMs?: number;
	/** Set when another attempt was possible but its wait would pass this total budget. */
	budgetMs?: number;
	/** The wait the next attempt needed. */
	nextWaitMs?: number;
}

/** "2 s", "2.5 s", "90 s". */
export function seconds(ms: number): string {
	return `${Math.round(ms / 100) / 10} s`;
}

/** Why no further attempt was made, when it was the retry budget that stopped them. */
function budgetSentence(attempt: AttemptSummary): string | undefined {
	if (attempt.budgetMs === undefined) return undefined;
	return `Gave up after ${attempt.attempts} attempt(s) and ${seconds(attempt.waitedMs ?? 0)} of waiting: waiting another ${seconds(attempt.nextWaitMs ?? 0)} would pass the retry budget of ${seconds(attempt.budgetMs)} per request.`;
}

/** The error for an HTTP answer that is a failure (an error status, or an error body). */
export function responseError(
	context: RequestContext,
	service: ServiceDefinition,
	secret: string | string[],
	response: ServiceResponse,
	platformError: PlatformError | undefined,
	attempt: AttemptSummary,
): NodeApiError {
	const { statusCode } = response;
	const isHttpError = statusCode >= 400;
	const parts = [
		platformError?.description,
		isHttpError
			? `${service.name} answered HTTP ${statusCode}.`
			: `${service.name} reported an error although it answered HTTP ${statusCode}.`,
		service.hintForStatus?.(statusCode),
	];
	if (!attempt.idempotent && (statusCode === 502 || statusCode === 504)) {
		// A gateway answers 502/504 when the application behind it failed or was slow, which may be
		// after it acted: the message was perhaps sent already.
		parts.push(
			`The request may have been processed before the gateway gave up, so it was not sent again (to avoid a duplicate). Check in ${service.name} before sending it again.`,
		);
	}
	const budget = budgetSentence(attempt);
	if (budget) parts.push(budget);
	else if (statusCode === 429) {
		const asked =
			attempt.retryAfterMs !== undefined
				? `; the platform asked to wait ${Math.ceil(attempt.retryAfterMs / 1000)} s`
				: '';
		parts.push(`Gave up after ${attempt.attempts} attempt(s)${asked}.`);
	}
	return apiError(context, secret, {
		message: platformError?.message || statusText(statusCode),
		description: parts.filter(Boolean).join(' '),
		httpCode: isHttpError ? statusCode : undefined,
		itemIndex: attempt.itemIndex,
	});
}

/** The error for a request that got no answer: timed out, never connected, or cut off. */
export function transportError(
	context: RequestContext,
	service: ServiceDefinition,
	secret: string | string[],
	failure: TransportFailure,
	attempt: AttemptSummary,
): NodeApiError {
	const { itemIndex } = attempt;
	if (failure.timedOut) {
		return apiError(context, secret, {
			message: `${service.name} did not answer within ${attempt.timeoutMs} ms`,
			description:
				'The request timed out. Raise "Timeout" under the node\'s Request Options if the platform is slow. ' +
				(attempt.idempotent
					? ''
					: 'The request may still have been processed, so it was not sent again.'),
			itemIndex,
		});
	}
	if (failure.notSent) {
		return apiError(context, secret, {
			// n8n replaces a message that names a socket error code with a generic one, so the code
			// goes in the description.
			message: `Could not connect to ${service.name}`,
			description: `${failure.code}: check the URL in the ${service.name} credential and the network. Tried ${attempt.attempts} time(s).`,
			itemIndex,
		});
	}
	const outcome = attempt.idempotent
		? (budgetSentence(attempt) ?? `tried ${attempt.attempts} time(s).`)
		: 'the connection broke before an answer arrived. The platform may have processed the request, so it was not sent again to avoid a duplicate.';
	return apiError(context, secret, {
		message: `The connection to ${service.name} failed`,
		description: `${failure.code ? `${failure.code}: ` : ''}${outcome}`,
		itemIndex,
	});
}

/**
 * A download is read as bytes, so an error answer (JSON or an HTML page) arrives as bytes too;
 * decode it so every platform's error reader sees the same body it would for a JSON request.
 */
export function decodeErrorBody(response: ServiceResponse, binary: boolean | undefined) {
	const { body } = response;
	if (!binary || response.statusCode < 400) return response;
	if (!Buffer.isBuffer(body) && !(body instanceof ArrayBuffer) && !ArrayBuffer.isView(body))
		return response;
	const text = toBuffer(body).toString('utf8');
	try {
		return { ...response, body: JSON.parse(text) as unknown };
	} catch {
		return { ...response, body: text };
	}
}

/** A short readable line from a non-JSON body (an nginx HTML error page, a plain-text answer). */
export function summarizeTextBody(text: string): string {
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
	const heading = /<h1[^>]*>([^<]*)<\/h1>/i.exec(text)?.[1];
	const plain = (title || heading || text.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
	return plain.length > 200 ? `${plain.slice(0, 197)}...` : plain;
}

export function isHtml(text: unknown): text is string {
	return typeof text === 'string' && /^\s*<(!doctype|html|head|body)/i.test(text);
}
