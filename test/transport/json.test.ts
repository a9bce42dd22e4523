import {
	actionResult,
	asJson,
	firstObjectOf,
	isObject,
	listOf,
	objectOf,
} from '../../nodes/shared/json';

describe('reading JSON answers', () => {
	it('tells plain objects from arrays, bytes and null', () => {
		expect([{}, { a: 1 }].map(isObject)).toEqual([true, true]);
		expect([null, [], Buffer.from('x'), new ArrayBuffer(1), 'x', 1].map(isObject)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false,
		]);
		expect(objectOf([1])).toEqual({});
		expect(firstObjectOf([{ id: 1 }, { id: 2 }])).toEqual({ id: 1 });
		expect(asJson(true)).toEqual({ result: true });
	});

	it('reads a list answer given bare or as {data: [...]}, keeping only records', () => {
		expect(listOf([{ id: 1 }, 'x', null])).toEqual([{ id: 1 }]);
		expect(listOf({ data: [{ id: 2 }] })).toEqual([{ id: 2 }]);
		expect(listOf({ id: 3 })).toEqual([]);
	});
});

describe('actionResult: one rule for actions whose answer carries no data', () => {
	const done = { groupId: 'g-1' };

	it('is what was done plus the platform object, the platform keys winning', () => {
		expect(actionResult({ id: 'x', groupId: 'from-api' }, done)).toEqual({
			success: true,
			groupId: 'from-api',
			id: 'x',
		});
	});

	it('is success with what was done for an empty body or a bare true', () => {
		for (const body of [undefined, null, '', true, {}])
			expect(actionResult(body, done)).toEqual({ success: true, groupId: 'g-1' });
	});

	it('keeps any other bare answer under result, and false is no success', () => {
		expect(actionResult('ok', done)).toEqual({ success: true, groupId: 'g-1', result: 'ok' });
		expect(actionResult([1], done)).toEqual({ success: true, groupId: 'g-1', result: [1] });
		expect(actionResult(false, done)).toEqual({ success: false, groupId: 'g-1', result: false });
	});
});
