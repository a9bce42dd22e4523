import { randomUUID } from 'crypto';

import type { FakeResponse } from '../fakeServer';
import { FakeServer } from '../fakeServer';

import type { DigisacFake, Row } from './index';

/**
 * A file storage host apart from the Digisac account (an S3-style bucket with signed URLs):
 * serves files without authentication and records every request, so tests can check that the
 * API token never reaches it.
 */
export class StorageFake extends FakeServer {
	private readonly objects = new Map<string, { content: Buffer; mimetype: string }>();

	constructor() {
		super('Storage');
		this.route('GET', '/bucket/:key/:name', (_request, { key }): FakeResponse => {
			const object = this.objects.get(key);
			if (!object)
				return {
					status: 404,
					raw: '<Error><Code>NoSuchKey</Code></Error>',
					headers: { 'content-type': 'application/xml' },
				};
			return {
				status: 200,
				raw: object.content,
				headers: {
					'content-type': object.mimetype,
					'content-length': String(object.content.length),
				},
			};
		});
	}

	/** Stores a file and returns its public URL. */
	put(name: string, mimetype: string, content: Buffer): string {
		const key = randomUUID();
		this.objects.set(key, { content, mimetype });
		return `${this.url}/bucket/${key}/${encodeURIComponent(name)}`;
	}
}

/** Moves the file of a message added with `addIncomingMessage(…, file)` to the storage host. */
export function hostFileOn(storage: StorageFake, fake: DigisacFake, message: Row): string {
	const descriptor = (message as Row & { fileDescriptor?: Row }).fileDescriptor;
	if (!descriptor) throw new Error(`message ${message.id} has no file`);
	const stored = fake.files.get(descriptor.id);
	if (!stored) throw new Error(`file ${descriptor.id} is not stored`);
	descriptor.url = storage.put(stored.name, stored.mimetype, stored.content);
	return String(descriptor.url);
}
