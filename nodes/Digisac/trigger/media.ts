import type { IBinaryData, IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { fileNameFromDisposition } from '../../shared/binary';
import { isObject } from '../../shared/json';
import { pathSegment } from '../../shared/parameters';
import { FILE_WAIT_POLICY } from '../../shared/retry';
import { messageFile } from '../helpers/files';
import { apiRequest, downloadDigisacFile } from '../transport';

/** Message types that carry a file (`ptt` is a voice note). */
const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'ptt', 'document', 'sticker']);

interface MediaResult {
	binary?: IBinaryData;
	/** The message's file object, as the API returned it. */
	file?: IDataObject;
	error?: string;
}

export function messageHasMedia(message: IDataObject): boolean {
	if (messageFile(message)) return true;
	if (isObject(message.file)) return true;
	if (Array.isArray(message.files) && message.files.length > 0) return true;
	return typeof message.type === 'string' && MEDIA_TYPES.has(message.type);
}

function lastPathSegment(url: string): string | undefined {
	try {
		const segment = new URL(url, 'http://relative.invalid').pathname
			.split('/')
			.filter(Boolean)
			.pop();
		return segment ? decodeURIComponent(segment) : undefined;
	} catch {
		return undefined;
	}
}

function errorText(error: unknown): string {
	if (error instanceof Error) {
		const description = (error as Error & { description?: unknown }).description;
		return typeof description === 'string' && description
			? `${error.message} ${description}`
			: error.message;
	}
	return String(error);
}

/** A size in MB as the option shows it (1, 0.5). */
export function formatMb(bytes: number): string {
	return String(Math.round((bytes / (1024 * 1024)) * 100) / 100);
}

/** GET the message with its file until the file's URL appears or the attempts run out. */
async function waitForFile(
	context: IWebhookFunctions,
	messageId: string,
): Promise<IDataObject | undefined> {
	for (let attempt = 1; attempt <= FILE_WAIT_POLICY.attempts; attempt++) {
		const message = await apiRequest<unknown>(
			context,
			'GET',
			`/api/v1/messages/${pathSegment(context, messageId, 'messageId')}`,
			{
				qs: { 'include[0]': 'file' },
			},
		);
		const file = messageFile(message);
		if (file) return file;
		if (attempt < FILE_WAIT_POLICY.attempts) await sleep(FILE_WAIT_POLICY.baseDelayMs * attempt);
	}
	return undefined;
}

/** The default of the trigger's "Max Media Size (MB)" option. */
export const DEFAULT_MAX_MEDIA_MB = 50;

/**
 * Fetches a message's file as n8n binary data. Never throws: a file that does not arrive, is
 * larger than `maxBytes` or cannot be downloaded is reported in `error`, and the execution still
 * starts.
 *
 * The file's URL is always the one the API returns for the message, never one the delivery
 * names: anybody who can post to the webhook URL could name any URL in a delivery, and n8n would
 * fetch it (with the token, on the account's host).
 */
export async function downloadMessageMedia(
	context: IWebhookFunctions,
	message: IDataObject,
	maxBytes: number,
): Promise<MediaResult> {
	const messageId =
		typeof message.id === 'string' || typeof message.id === 'number' ? String(message.id) : '';
	if (!messageId) return { error: 'The message has no ID, so its file could not be fetched' };
	try {
		const file = await waitForFile(context, messageId);
		if (!file) {
			return {
				error: `The file of message ${messageId} was not available after ${FILE_WAIT_POLICY.attempts} attempts (Digisac may still be downloading it from WhatsApp). Fetch it later with the Digisac node: Message → Get with the file download option.`,
			};
		}

		// A file on another origin than the account's (a signed storage URL) is fetched without the
		// token (see downloadDigisacFile).
		const url = String(file.url);
		const downloaded = await downloadDigisacFile(context, url, undefined, maxBytes);
		if (downloaded.tooLarge) {
			return {
				error: `The file of message ${messageId} is larger than the ${formatMb(maxBytes)} MB "Max Media Size" of the trigger, so it was not downloaded. Raise the option, or fetch the file with the Digisac node: Message → Get.`,
			};
		}
		const fileName =
			(typeof file.name === 'string' && file.name) ||
			(typeof file.publicFilename === 'string' && file.publicFilename) ||
			fileNameFromDisposition(downloaded.disposition) ||
			lastPathSegment(url) ||
			messageId;
		const mimeType =
			(typeof file.mimetype === 'string' && file.mimetype) ||
			(typeof file.mimeType === 'string' && file.mimeType) ||
			downloaded.mimeType ||
			'application/octet-stream';
		const binary = await context.helpers.prepareBinaryData(downloaded.data, fileName, mimeType);
		return { binary, file };
	} catch (error) {
		return { error: `Could not download the file of message ${messageId}: ${errorText(error)}` };
	}
}
