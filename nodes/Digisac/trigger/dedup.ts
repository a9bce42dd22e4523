import { createHash } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

/**
 * The de-duplication memory: which deliveries arrived within the window, bounded in bytes
 * whatever the ids look like.
 *
 * Each remembered delivery is 9 bytes, stored as 12 base64 characters: a 6-byte digest of its key
 * (event, id and, for `.updated` events, updatedAt; a 4 MB id costs the same as a short one) and
 * 3 bytes of arrival time, in seconds after `base`. Entries are kept in arrival order and dropped
 * only once they are out of the window, so a repeat within the window is caught however many
 * other deliveries came in between, up to MAX_REMEMBERED (then the oldest go first). A 48-bit
 * digest makes two different deliveries look alike with a chance of about 1 in 10^10 even with
 * 10 000 deliveries in the window.
 *
 * Two copies are kept. One in the node's static data: n8n writes a workflow's whole static data
 * back after an execution that changed it, so each delivery writes the whole memory, 12 bytes
 * per delivery in the window (with the default 10-minute window, N deliveries a minute → 12 · 10
 * · N bytes written per delivery). The goal of 2 KB per delivery holds while up to about 170 deliveries fall in the
 * window; above that we keep every delivery of the window (never re-emit a repeat within it)
 * rather than meet the byte goal by forgetting some, since a repeat starts a second reply to the
 * customer. The other copy is in this process's memory (seenInProcess), because n8n 2.x does not
 * save what webhook() changes when n8n answers the request itself (onReceived): after
 * WorkflowRunner.run() packages/cli/src/webhooks/live-webhooks.ts (n8n-io/n8n) saves static data
 * only if it is marked changed, but run() builds another Workflow from the same static-data
 * object, and ObservableObject.create() (packages/workflow/src/observable-object.ts) sets
 * `__dataChanged = false` on it again, so the change is dropped. In production the process
 * memory is therefore what catches repeats; the static-data copy counts where n8n does save it
 * (when the trigger answers the request itself: Download Media, `noWebhookResponse`), and in
 * n8n versions that save it.
 */
export interface DedupMemory {
	/** Seconds since the epoch that the entries' times count from. */
	base: number;
	/** The entries, 12 characters each, oldest first. */
	entries: string;
}

const DIGEST_BYTES = 6;
const ENTRY_CHARS = 12;
/** Time offsets are 3 bytes: up to about 194 days after `base`. */
const MAX_OFFSET = 0xffffff;
/** At most this many deliveries are remembered (50 000 × 12 characters = 600 KB). */
export const MAX_REMEMBERED = 50_000;

function digest(key: string): Buffer {
	return createHash('sha256').update(key, 'utf8').digest().subarray(0, DIGEST_BYTES);
}

function entry(hash: Buffer, offset: number): string {
	const bytes = Buffer.alloc(DIGEST_BYTES + 3);
	hash.copy(bytes, 0);
	bytes.writeUIntBE(offset, DIGEST_BYTES, 3);
	return bytes.toString('base64');
}

function read(entries: string, index: number): { hash: string; offset: number } {
	const bytes = Buffer.from(
		entries.slice(index * ENTRY_CHARS, (index + 1) * ENTRY_CHARS),
		'base64',
	);
	return {
		hash: bytes.subarray(0, DIGEST_BYTES).toString('base64'),
		offset: bytes.length === DIGEST_BYTES + 3 ? bytes.readUIntBE(DIGEST_BYTES, 3) : -1,
	};
}

function empty(): DedupMemory {
	return { base: 0, entries: '' };
}

/**
 * The older form of the memory, `{ "<event>:<id>": <arrival time in ms> }` (at most 1000 keys),
 * converted so that an upgrade still catches a delivery re-sent just before it. Its keys are the
 * keys this file digests.
 */
function fromKeyTimes(value: IDataObject): DedupMemory {
	const times = Object.entries(value)
		.filter(
			(pair): pair is [string, number] => typeof pair[1] === 'number' && Number.isFinite(pair[1]),
		)
		.map(([key, ms]) => ({ key, seconds: Math.floor(ms / 1000) }))
		.sort((a, b) => a.seconds - b.seconds)
		.slice(-MAX_REMEMBERED);
	if (times.length === 0) return empty();
	const base = Math.max(times[0].seconds, times[times.length - 1].seconds - MAX_OFFSET);
	const entries = times
		.filter(({ seconds }) => seconds >= base)
		.map(({ key, seconds }) => entry(digest(key), seconds - base))
		.join('');
	return { base, entries };
}

/**
 * The memory from static data. The older key → time form is converted; anything else unreadable
 * (a hand edit) starts empty.
 */
export function memoryOf(value: unknown): DedupMemory {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return empty();
	const memory = value as Partial<DedupMemory>;
	if (
		typeof memory.base === 'number' &&
		Number.isFinite(memory.base) &&
		typeof memory.entries === 'string' &&
		memory.entries.length % ENTRY_CHARS === 0
	)
		return { base: memory.base, entries: memory.entries };
	if (memory.base === undefined && memory.entries === undefined)
		return fromKeyTimes(value as IDataObject);
	return empty();
}

/**
 * Whether `key` arrived within the window before `nowMs`; if not, remembers it. Returns the new
 * memory (the caller stores it) with every entry older than the window dropped.
 */
export function seenWithin(
	previous: DedupMemory,
	key: string,
	nowMs: number,
	windowMs: number,
): { seen: boolean; memory: DedupMemory } {
	const now = Math.floor(nowMs / 1000);
	const windowSeconds = Math.ceil(windowMs / 1000);
	const count = previous.entries.length / ENTRY_CHARS;
	// The first entry still within the window (times only grow along the list).
	let first = 0;
	while (first < count) {
		const { offset } = read(previous.entries, first);
		if (offset >= 0 && now - (previous.base + offset) < windowSeconds) break;
		first++;
	}
	const hash = digest(key);
	const wanted = hash.toString('base64');
	for (let index = first; index < count; index++) {
		if (read(previous.entries, index).hash === wanted) {
			return {
				seen: true,
				memory: { base: previous.base, entries: previous.entries.slice(first * ENTRY_CHARS) },
			};
		}
	}
	// Re-base when the list is empty or the offset would no longer fit in 3 bytes.
	let { base } = previous;
	let kept = previous.entries.slice(first * ENTRY_CHARS);
	if (!kept || now - base > MAX_OFFSET || now < base) {
		const rebased: string[] = [];
		const newBase = kept ? Math.min(now, previous.base + read(kept, 0).offset) : now;
		for (let index = 0; index < kept.length / ENTRY_CHARS; index++) {
			const old = read(kept, index);
			const time = base + old.offset;
			if (time < newBase || time - newBase > MAX_OFFSET) continue;
			rebased.push(entry(Buffer.from(old.hash, 'base64'), time - newBase));
		}
		base = newBase;
		kept = rebased.join('');
	}
	let entries = kept + entry(hash, Math.max(0, now - base));
	const overflow = entries.length / ENTRY_CHARS - MAX_REMEMBERED;
	if (overflow > 0) entries = entries.slice(overflow * ENTRY_CHARS);
	return { seen: false, memory: { base, entries } };
}

/**
 * The process-wide copy, updated at once. It catches what static data cannot: a repeat when n8n
 * did not save the static data of the previous delivery (see the top of this file), and two
 * copies of one delivery arriving together, which each read the same stored static data. It is
 * per process, and that is what makes it safe to keep here: it only ever adds "seen" answers, it
 * holds digests and times (no ids, no customer data), at most MAX_PROCESS_NODES nodes of
 * MAX_REMEMBERED entries, and losing it (a restart) only loses de-duplication. Its limit: n8n
 * webhook processors in queue mode do not share it, so a repeat that reaches another process is
 * caught only where that process finds it in saved static data.
 */
const processMemory = new Map<string, DedupMemory>();
/** Nodes remembered per process; the least recently used goes first. */
const MAX_PROCESS_NODES = 200;

export function seenInProcess(
	nodeKey: string,
	key: string,
	nowMs: number,
	windowMs: number,
): boolean {
	const { seen, memory } = seenWithin(processMemory.get(nodeKey) ?? empty(), key, nowMs, windowMs);
	processMemory.delete(nodeKey);
	processMemory.set(nodeKey, memory);
	if (processMemory.size > MAX_PROCESS_NODES)
		processMemory.delete(processMemory.keys().next().value as string);
	return seen;
}

/** The static-data form of the memory. */
export function toStaticData(memory: DedupMemory): IDataObject {
	return { base: memory.base, entries: memory.entries };
}
