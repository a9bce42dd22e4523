import { byId } from '../harness';

import { usePlugChat } from './harness';

const { fake, run } = usePlugChat();

describe('attendance: start', () => {
	it('starts an attendance with normalised phone, operators and department, and says it started', async () => {
		const result = await run({
			resource: 'attendance',
			operation: 'start',
			phone: byId('+55 (44) 99999-8888'),
			operatorIds: ['op-lucas', 'op-marina'],
			options: { departmentId: 'dep-vendas' },
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', '/api/integrations/start-attendance');
		expect(request.json).toEqual({
			phone: '5544999998888',
			operators: ['op-lucas', 'op-marina'],
			departmentId: 'dep-vendas',
		});
		expect(request.headers.authorization).toBe(fake.token);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			started: true,
			alreadyInService: false,
			phone: '5544999998888',
			departmentId: 'dep-vendas',
		});
		expect(fake.state.attendances).toHaveLength(1);
	});

	it('reports a chat already in service as a success, not an error', async () => {
		const open = fake.openAttendance('5544999998888', ['op-marina']);
		const result = await run({
			resource: 'attendance',
			operation: 'start',
			phone: byId('5544999998888'),
			operatorIds: ['op-lucas'],
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			started: false,
			alreadyInService: true,
			attendanceNumber: open.attendanceNumber,
			status: 'PROGRESS',
			statusOriginal: 'progress',
			message: 'chat is already in service',
			operators: [{ id: 'op-marina', name: 'Marina Costa' }],
		});
		expect(fake.state.attendances).toHaveLength(1);
	});

	it('accepts operator IDs from an expression as a comma-separated string', async () => {
		const result = await run({
			resource: 'attendance',
			operation: 'start',
			phone: byId('11987654321'),
			operatorIds: '={{ "op-lucas, op-marina" }}',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/integrations/start-attendance').json).toEqual({
			phone: '5511987654321',
			operators: ['op-lucas', 'op-marina'],
		});
	});

	it('refuses a phone number that cannot be right before calling PlugChat', async () => {
		const result = await run({
			resource: 'attendance',
			operation: 'start',
			phone: byId('12345'),
			operatorIds: ['op-lucas'],
			options: {},
		});
		expect(result.error?.message).toBe('"Phone Number" is not a valid phone number');
		expect(result.error?.description).toMatch(/has 5 digits/);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(fake.requests).toHaveLength(0);
	});

	it('refuses a group ID where only a person can be served', async () => {
		const result = await run({
			resource: 'attendance',
			operation: 'start',
			phone: byId('120363019502650977-group'),
			operatorIds: ['op-lucas'],
			options: {},
		});
		expect(result.error?.message).toBe('"Phone Number" is not a valid phone number');
		expect(result.error?.description).toMatch(/not a group ID/);
		expect(fake.requests).toHaveLength(0);
	});

	it('asks for at least one operator when an expression gives none', async () => {
		const result = await run({
			resource: 'attendance',
			operation: 'start',
			phone: byId('5511987654321'),
			operatorIds: '={{ "" }}',
			options: {},
		});
		expect(result.error?.message).toBe('Choose at least one operator');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('attendance: finish', () => {
	it('finishes the attendance with operator and autoTransfer as a boolean', async () => {
		const open = fake.openAttendance('5544999998888', ['op-lucas']);
		const result = await run({
			resource: 'attendance',
			operation: 'finish',
			phone: byId('5544999998888'),
			operatorId: 'op-lucas',
			autoTransfer: true,
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/integrations/finish-attendance').json).toEqual({
			phone: '5544999998888',
			operatorId: 'op-lucas',
			autoTransfer: true,
		});
		expect(result.items[0].json).toMatchObject({
			success: true,
			chatFounded: true,
			chatFound: true,
			message: 'Ticket closed successfully',
		});
		expect(open.status).toBe('FINISH');
		expect(open.departmentId).toBe('dep-geral');
	});

	it('fails readably when PlugChat finds no chat to close', async () => {
		const result = await run({
			resource: 'attendance',
			operation: 'finish',
			phone: byId('5544999998888'),
			operatorId: 'op-lucas',
			autoTransfer: false,
		});
		expect(result.error?.message).toBe('Chat not found');
		expect(result.error?.description).toMatch(/answered HTTP 200/);
	});

	it('treats chatFounded: false as a failure even with success: true', async () => {
		fake.failNext({
			status: 200,
			body: { success: true, message: 'nothing to close', chatFounded: false },
		});
		const result = await run({
			resource: 'attendance',
			operation: 'finish',
			phone: byId('5544999998888'),
			operatorId: 'op-lucas',
			autoTransfer: false,
		});
		expect(result.error?.message).toBe('PlugChat found no chat in service for 5544999998888');
	});
});

describe('attendance: getByTicket', () => {
	it('sends the number in the Ticket header and turns the id-keyed maps into arrays, messages in time order', async () => {
		const attendance = fake.openAttendance(
			'5544999998888',
			['op-lucas', 'op-marina'],
			'dep-vendas',
			'Ana',
		);
		fake.state.chatMessages[attendance.id] = {
			'MSG-2': {
				messageId: 'MSG-2',
				momment: 1650479279000,
				fromMe: true,
				status: 'READ',
				text: { message: 'Olá, Ana!' },
			},
			'MSG-1': {
				momment: 1650479278000,
				fromMe: false,
				status: 'received',
				text: { message: 'Oi' },
			},
			'MSG-3': {
				messageId: 'MSG-3',
				momment: 1650479300000,
				fromMe: false,
				status: 'RECEIVED',
				text: { message: 'Obrigada' },
			},
		};
		const result = await run({
			resource: 'attendance',
			operation: 'getByTicket',
			ticket: String(attendance.attendanceNumber),
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('GET', '/api/integrations/get-attendence-by-task');
		expect(request.headers.ticket).toBe(String(attendance.attendanceNumber));
		expect(request.query.ticket).toBe(String(attendance.attendanceNumber));
		expect(result.items).toHaveLength(1);
		const json = result.items[0].json;
		expect(json).toMatchObject({
			id: attendance.id,
			attendanceNumber: attendance.attendanceNumber,
			status: 'PROGRESS',
			operators: ['op-lucas', 'op-marina'],
		});
		const messages = json.messages as Array<Record<string, unknown>>;
		expect(messages.map((m) => m.messageId)).toEqual(['MSG-1', 'MSG-2', 'MSG-3']);
		expect(messages[0]).toMatchObject({ status: 'RECEIVED', statusOriginal: 'received' });
	});

	it('adds ISO times in the workflow timezone and a ready transcript in time order', async () => {
		const attendance = fake.openAttendance('5544999998888', ['op-lucas'], undefined, 'Ana');
		Object.assign(attendance, {
			requestTime: 1650479220000,
			startTime: 1650480001521,
			endTime: 1650480054206,
		});
		fake.state.chatMessages[attendance.id] = {
			'MSG-3': { momment: 1650479300000, fromMe: false, image: { caption: 'o boleto' } },
			'MSG-1': { momment: 1650479278000, fromMe: false, text: { message: 'Oi, quero ajuda' } },
			'MSG-2': { momment: 1650479279000, fromMe: true, text: { message: 'Olá, Ana!\nPois não?' } },
			'MSG-4': { momment: 1650479301000, fromMe: false, audio: { audioUrl: 'https://x/a.ogg' } },
		};
		const result = await run(
			{
				resource: 'attendance',
				operation: 'getByTicket',
				ticket: String(attendance.attendanceNumber),
			},
			{ timezone: 'America/Sao_Paulo' },
		);
		expect(result.error).toBeUndefined();
		const json = result.items[0].json;
		expect(json).toMatchObject({
			requestTime: 1650479220000,
			requestTimeIso: '2022-04-20T15:27:00.000-03:00',
			startTimeIso: '2022-04-20T15:40:01.521-03:00',
			endTimeIso: '2022-04-20T15:40:54.206-03:00',
		});
		expect((json.messages as Array<Record<string, unknown>>)[0]).toMatchObject({
			momment: 1650479278000,
			mommentIso: '2022-04-20T15:27:58.000-03:00',
		});
		expect(json.transcript).toBe(
			[
				'Cliente: Oi, quero ajuda',
				'Atendente: Olá, Ana!\nPois não?',
				'Cliente: [imagem] o boleto',
				'Cliente: [áudio]',
			].join('\n'),
		);

		const utc = await run(
			{
				resource: 'attendance',
				operation: 'getByTicket',
				ticket: String(attendance.attendanceNumber),
			},
			{ timezone: 'UTC' },
		);
		expect(utc.items[0].json.startTimeIso).toBe('2022-04-20T18:40:01.521+00:00');
	});

	it('accepts "#1473" and reports PlugChat\'s 500 for an unknown number with its message', async () => {
		const result = await run({
			resource: 'attendance',
			operation: 'getByTicket',
			ticket: '#9999',
		});
		expect(fake.last().headers.ticket).toBe('9999');
		expect(result.error?.message).toBe('send a valid number in the ticket attribute');
		expect(result.error?.httpCode).toBe('500');
		expect(result.error?.description).toMatch(/invalid attendance \(ticket\) number/);
		// A 500 is a server answer, not a gateway hiccup: it is not retried.
		expect(fake.requests).toHaveLength(1);
	});

	it('refuses a ticket that is not a number', async () => {
		const result = await run({
			resource: 'attendance',
			operation: 'getByTicket',
			ticket: 'abc',
		});
		expect(result.error?.message).toBe('"abc" is not an attendance number');
		expect(fake.requests).toHaveLength(0);
	});

	it('copes with an empty or odd answer without a TypeError', async () => {
		fake.failNext({ status: 200, body: { attendanceData: null, chat: 'x' } });
		const result = await run({
			resource: 'attendance',
			operation: 'getByTicket',
			ticket: '1473',
		});
		expect(result.error?.message).toBe('PlugChat returned no attendance for ticket 1473');
	});
});

describe('attendance: changeDepartment and setCustomField', () => {
	it("sends departmentId (the example spelling, not the table's departamentId)", async () => {
		const attendance = fake.openAttendance('5544999998888', ['op-lucas']);
		const result = await run({
			resource: 'attendance',
			operation: 'changeDepartment',
			phone: byId('5544999998888'),
			departmentId: 'dep-vendas',
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/integrations/change-department').json).toEqual({
			phone: '5544999998888',
			departmentId: 'dep-vendas',
		});
		expect(result.items[0].json).toMatchObject({
			success: true,
			phone: '5544999998888',
			departmentId: 'dep-vendas',
		});
		expect(attendance.departmentId).toBe('dep-vendas');
	});

	it('reports a bare false from change-department as a failure', async () => {
		fake.failNext({ status: 200, body: false });
		const result = await run({
			resource: 'attendance',
			operation: 'changeDepartment',
			phone: byId('5544999998888'),
			departmentId: 'dep-vendas',
		});
		expect(result.error?.message).toBe('PlugChat did not change the department');
	});

	it('creates a custom field, leaving out an empty value', async () => {
		const withValue = await run({
			resource: 'attendance',
			operation: 'setCustomField',
			phone: byId('5544999998888'),
			label: 'CPF',
			value: '123.456.789-00',
		});
		expect(withValue.items[0].json).toMatchObject({
			success: true,
			label: 'CPF',
			value: '123.456.789-00',
		});
		await run({
			resource: 'attendance',
			operation: 'setCustomField',
			phone: byId('5544999998888'),
			label: 'Plano',
			value: '',
		});
		expect(fake.last('POST', '/api/integrations/create-generic-field').json).toEqual({
			phone: '5544999998888',
			label: 'Plano',
		});
		expect(fake.state.genericFields).toEqual([
			{ phone: '5544999998888', label: 'CPF', value: '123.456.789-00' },
			{ phone: '5544999998888', label: 'Plano', value: undefined },
		]);
	});
});
