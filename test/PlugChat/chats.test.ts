import type { IDataObject } from 'n8n-workflow';

import { normalizeChat } from '../../nodes/PlugChat/helpers/chats';

describe('normalizeChat', () => {
	it('types the flags and counters, adds lastMessageAt and isGroup, keeps the key order', () => {
		const chat: IDataObject = {
			phone: '5511900000001',
			unread: '2',
			lastMessageTime: '1622991687',
			isMuted: '1',
			isMarkedSpam: 'false',
			isMarkedAsUnread: 0,
			unreadMessagesCount: 'x',
			profileThumbnail: null,
		};
		const result = normalizeChat(chat);
		expect(result).toEqual({
			phone: '5511900000001',
			unread: 2,
			lastMessageTime: '1622991687',
			isMuted: true,
			isMarkedSpam: false,
			isMarkedAsUnread: false,
			unreadMessagesCount: 'x',
			profileThumbnail: null,
			lastMessageAt: '2021-06-06T15:01:27.000Z',
			isGroup: false,
		});
		expect(Object.keys(result)).toEqual([
			'phone',
			'unread',
			'lastMessageTime',
			'isMuted',
			'isMarkedSpam',
			'isMarkedAsUnread',
			'unreadMessagesCount',
			'profileThumbnail',
			'lastMessageAt',
			'isGroup',
		]);
	});

	it('returns a copy and leaves the record it was given alone', () => {
		const chat: IDataObject = { phone: '120363019502650977-group', lastMessageTime: 1_700_000_000 };
		const result = normalizeChat(chat);
		expect(result).not.toBe(chat);
		expect(chat).toEqual({ phone: '120363019502650977-group', lastMessageTime: 1_700_000_000 });
		expect(result).toEqual({
			phone: '120363019502650977-group',
			lastMessageTime: 1_700_000_000,
			lastMessageAt: '2023-11-14T22:13:20.000Z',
			isGroup: true,
		});
	});

	it('keeps a "__proto__" key of the JSON as a plain key, as a spread copy does', () => {
		const chat = JSON.parse(
			'{"phone":"5511900000001","__proto__":{"polluted":true}}',
		) as IDataObject;
		const result = normalizeChat(chat);
		expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
		expect(Object.keys(result)).toEqual(['phone', '__proto__', 'isGroup']);
		expect((result as { polluted?: boolean }).polluted).toBeUndefined();
	});

	it('reads milliseconds by their size and leaves out a zero or unreadable time', () => {
		expect(normalizeChat({ lastMessageTime: 1_622_991_687_123 }).lastMessageAt).toBe(
			'2021-06-06T15:01:27.123Z',
		);
		expect(normalizeChat({ lastMessageTime: 0 })).not.toHaveProperty('lastMessageAt');
		expect(normalizeChat({ lastMessageTime: 'soon' })).not.toHaveProperty('lastMessageAt');
	});
});
