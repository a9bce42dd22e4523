/**
 * Binary data whose metadata is not text (a Code node can write `binary.data.fileName = 123`) and
 * multipart parts of the wrong type: a NodeOperationError naming the item, never a TypeError from
 * a string method. The bad-input corpus tries the same on every operation that reads a file.
 */
import { NodeOperationError } from 'n8n-workflow';

import type { InputFile } from '../../nodes/shared/binary';
import { buildFormData, multipartSize } from '../../nodes/shared/multipart';

const owner = { context: { getNode: () => ({ name: 'TomTicket' }) as never }, itemIndex: 2 };
const file = (patch: Partial<Record<keyof InputFile, unknown>> = {}) =>
	({
		propertyName: 'data',
		buffer: Buffer.from('%PDF'),
		fileName: 'boleto.pdf',
		mimeType: 'application/pdf',
		...patch,
	}) as InputFile;

describe('multipart bodies', () => {
	it('builds a body from text, numbers and booleans', () => {
		const form = buildFormData(
			{ subject: 'Boleto', priority: 2, urgent: false },
			[{ field: 'attachment[0]', file: file() }],
			owner,
		);
		expect(form.get('subject')).toBe('Boleto');
		expect(form.get('priority')).toBe('2');
		expect(form.get('urgent')).toBe('false');
		expect((form.get('attachment[0]') as File).name).toBe('boleto.pdf');
	});

	it.each([
		['an object as a field', { subject: {} as never }, []],
		['a list as a field', { subject: ['a'] as never }, []],
		['a numeric file name', {}, [{ field: 'attachment[0]', file: file({ fileName: 123 }) }]],
		['an object as MIME type', {}, [{ field: 'attachment[0]', file: file({ mimeType: {} }) }]],
		['a file without data', {}, [{ field: 'attachment[0]', file: file({ buffer: 'x' }) }]],
	])('refuses %s with a NodeOperationError for the item', (_label, fields, files) => {
		for (const build of [buildFormData, multipartSize]) {
			let thrown: unknown;
			try {
				build(fields, files, owner);
			} catch (error) {
				thrown = error;
			}
			expect(thrown).toBeInstanceOf(NodeOperationError);
			expect((thrown as NodeOperationError).context.itemIndex).toBe(2);
			expect((thrown as Error).message).not.toMatch(/is not a function|ERR_INVALID_ARG_TYPE/);
		}
	});
});
