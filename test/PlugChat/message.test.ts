import { binaryInput, byId } from '../harness';

import { usePlugChat } from './harness';

const { fake, run } = usePlugChat();

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PDF = Buffer.from('%PDF-1.4 boleto de teste');

function sentBody(path: string) {
	return fake.last('POST', path).json as Record<string, unknown>;
}

describe('message: text', () => {
	it('sends text to a normalised number and returns zaapId and messageId', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendText',
			phone: byId('+55 11 98765-4321'),
			message: 'Olá *Ana*!\nSeu pedido saiu.',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-text')).toEqual({
			phone: '5511987654321',
			message: 'Olá *Ana*!\nSeu pedido saiu.',
		});
		const sent = fake.state.sent[0];
		expect(result.items[0].json).toEqual({
			phone: '5511987654321',
			zaapId: sent.zaapId,
			messageId: sent.messageId,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('reads a phone typed "By Number", as a workflow saved before the mode was renamed ("id")', async () => {
		for (const mode of ['number', 'id']) {
			fake.resetState();
			const result = await run({
				resource: 'message',
				operation: 'sendText',
				phone: { __rl: true, mode, value: '11987654321' },
				message: 'Oi',
				options: {},
			});
			expect([mode, result.error]).toEqual([mode, undefined]);
			expect(sentBody('/api/whatsapp/send-text')).toMatchObject({ phone: '5511987654321' });
		}
	});

	it('sends to a group ID as it is, with the delay and reply-to options', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendText',
			phone: byId('120363019502650977-group'),
			message: 'Bom dia, grupo',
			options: { delayMessage: 5, replyToMessageId: '3EB0A813A6589892EFA4' },
		});
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-text')).toEqual({
			phone: '120363019502650977-group',
			message: 'Bom dia, grupo',
			delayMessage: 5,
			messageId: '3EB0A813A6589892EFA4',
		});
	});

	it('takes the phone from the list mode of the locator too', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendText',
			phone: {
				__rl: true,
				mode: 'list',
				value: '5511987654321',
				cachedResultName: 'Ana (5511987654321)',
			},
			message: 'Oi',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-text').phone).toBe('5511987654321');
	});

	it('refuses letters in a phone number and an out-of-range delay, sending nothing', async () => {
		const letters = await run({
			resource: 'message',
			operation: 'sendText',
			phone: byId('11 9876-ABCD'),
			message: 'x',
			options: {},
		});
		expect(letters.error?.message).toBe('"Phone Number" is not a valid phone number');
		expect(letters.error?.description).toMatch(/contains letters/);
		const delay = await run({
			resource: 'message',
			operation: 'sendText',
			phone: byId('5511987654321'),
			message: 'x',
			options: { delayMessage: 30 },
		});
		expect(delay.error?.message).toBe('"Delay (Seconds)" must be a whole number from 1 to 15');
		expect(fake.requests).toHaveLength(0);
	});

	it('refuses a blank message', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendText',
			phone: byId('5511987654321'),
			message: '={{ "   " }}',
			options: {},
		});
		expect(result.error?.message).toBe('"Message" is required');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('message: media', () => {
	it('sends an image from a binary property as a data URI, with caption', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'sendImage',
				phone: byId('5511987654321'),
				source: 'binary',
				binaryPropertyName: 'foto',
				caption: 'Seu comprovante',
				options: {},
			},
			{
				items: [
					binaryInput({
						foto: { content: JPEG, fileName: 'comprovante.jpg', mimeType: 'image/jpeg' },
					}),
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-image')).toEqual({
			phone: '5511987654321',
			image: `data:image/jpeg;base64,${JPEG.toString('base64')}`,
			caption: 'Seu comprovante',
		});
		expect(result.items[0].json).toMatchObject({
			source: 'binary',
			fileName: 'comprovante.jpg',
			mimeType: 'image/jpeg',
			fileSize: JPEG.length,
		});
	});

	it('sends an image by URL as it is', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendImage',
			phone: byId('5511987654321'),
			source: 'url',
			mediaUrl: 'https://cdn.example.com/a.png',
			caption: '',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-image')).toEqual({
			phone: '5511987654321',
			image: 'https://cdn.example.com/a.png',
		});
	});

	it('refuses a PDF sent as an image, and names the better operation', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'sendImage',
				phone: byId('5511987654321'),
				source: 'binary',
				binaryPropertyName: 'data',
				caption: '',
				options: {},
			},
			{
				items: [
					binaryInput({
						data: { content: PDF, fileName: 'boleto.pdf', mimeType: 'application/pdf' },
					}),
				],
			},
		);
		expect(result.error?.message).toBe('The file in "data" is application/pdf, not an image');
		expect(result.error?.description).toMatch(/Send Document/);
		expect(fake.requests).toHaveLength(0);
	});

	it('names the binary properties an item has when the chosen one is missing', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'sendAudio',
				phone: byId('5511987654321'),
				source: 'binary',
				binaryPropertyName: 'audio',
				options: {},
			},
			{
				items: [
					binaryInput({ voz: { content: 'OggS', fileName: 'voz.ogg', mimeType: 'audio/ogg' } }),
				],
			},
		);
		expect(result.error?.message).toBe('Item 0 has no binary property "audio"');
		expect(result.error?.description).toMatch(/voz/);
	});

	it("sends audio, fixing n8n's octet-stream label from the file name", async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'sendAudio',
				phone: byId('5511987654321'),
				source: 'binary',
				binaryPropertyName: 'data',
				options: {},
			},
			{
				items: [
					binaryInput({
						data: {
							content: 'OggS-voice',
							fileName: 'voz.ogg',
							mimeType: 'application/octet-stream',
						},
					}),
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-audio').audio).toBe(
			`data:audio/ogg;base64,${Buffer.from('OggS-voice').toString('base64')}`,
		);
	});

	it('sends a video by URL with caption', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendVideo',
			phone: byId('5511987654321'),
			source: 'url',
			mediaUrl: 'https://cdn.example.com/tutorial.mp4',
			caption: 'Tutorial',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-video')).toEqual({
			phone: '5511987654321',
			video: 'https://cdn.example.com/tutorial.mp4',
			caption: 'Tutorial',
		});
	});

	it('refuses a media URL that is not a web address', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendVideo',
			phone: byId('5511987654321'),
			source: 'url',
			mediaUrl: 'C:\\videos\\a.mp4',
			caption: '',
			options: {},
		});
		expect(result.error?.message).toBe('"C:\\videos\\a.mp4" is not a web address');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('message: document', () => {
	it('puts the extension of the file name in the path and sends the name', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'sendDocument',
				phone: byId('5511987654321'),
				source: 'binary',
				binaryPropertyName: 'data',
				options: {},
			},
			{
				items: [
					binaryInput({
						data: { content: PDF, fileName: 'Boleto Maio.PDF', mimeType: 'application/pdf' },
					}),
				],
			},
		);
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', /^\/api\/whatsapp\/send-document\//);
		expect(request.path).toBe('/api/whatsapp/send-document/pdf');
		expect(request.json).toEqual({
			phone: '5511987654321',
			document: `data:application/pdf;base64,${PDF.toString('base64')}`,
			fileName: 'Boleto Maio.PDF',
		});
		expect(result.items[0].json).toMatchObject({ extension: 'pdf', fileName: 'Boleto Maio.PDF' });
	});

	it('derives the extension from the MIME type when the name has none, and honours an override', async () => {
		const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
		await run(
			{
				resource: 'message',
				operation: 'sendDocument',
				phone: byId('5511987654321'),
				source: 'binary',
				binaryPropertyName: 'data',
				options: { fileName: 'Relatório' },
			},
			{
				items: [binaryInput({ data: { content: 'PK..', fileName: 'relatorio', mimeType: xlsx } })],
			},
		);
		expect(fake.last().path).toBe('/api/whatsapp/send-document/xlsx');
		expect((fake.last().json as Record<string, unknown>).fileName).toBe('Relatório');
		await run({
			resource: 'message',
			operation: 'sendDocument',
			phone: byId('5511987654321'),
			source: 'url',
			mediaUrl: 'https://files.example.com/download?id=42',
			options: { extension: '.CSV' },
		});
		expect(fake.last().path).toBe('/api/whatsapp/send-document/csv');
	});

	it('asks for the extension when nothing tells it', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendDocument',
			phone: byId('5511987654321'),
			source: 'url',
			mediaUrl: 'https://files.example.com/download?id=42',
			options: {},
		});
		expect(result.error?.message).toBe('Could not tell the file extension of the document');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('message: link, location, contact', () => {
	it('appends the link to the message when the text does not end with it', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendLink',
			phone: byId('5511987654321'),
			message: 'Confira nosso site',
			linkUrl: 'https://www.plugchat.com.br/',
			title: 'Plug Chat',
			options: {
				linkDescription: 'Atendimento no WhatsApp',
				image: 'https://www.plugchat.com.br/logo.png',
			},
		});
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-link')).toEqual({
			phone: '5511987654321',
			message: 'Confira nosso site\nhttps://www.plugchat.com.br/',
			linkUrl: 'https://www.plugchat.com.br/',
			title: 'Plug Chat',
			linkDescription: 'Atendimento no WhatsApp',
			image: 'https://www.plugchat.com.br/logo.png',
		});
		await run({
			resource: 'message',
			operation: 'sendLink',
			phone: byId('5511987654321'),
			message: 'Veja https://a.example.com',
			linkUrl: 'https://a.example.com',
			title: '',
			options: {},
		});
		expect(sentBody('/api/whatsapp/send-link').message).toBe('Veja https://a.example.com');
	});

	it('sends a location with the coordinates as strings, and refuses a latitude out of range', async () => {
		const ok = await run({
			resource: 'message',
			operation: 'sendLocation',
			phone: byId('5511987654321'),
			title: 'Loja Centro',
			address: 'Av. Paulista, 1000, São Paulo, SP',
			latitude: '-23.5613',
			longitude: '-46.6565',
			options: {},
		});
		expect(ok.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-location')).toEqual({
			phone: '5511987654321',
			title: 'Loja Centro',
			address: 'Av. Paulista, 1000, São Paulo, SP',
			latitude: '-23.5613',
			longitude: '-46.6565',
		});
		const bad = await run({
			resource: 'message',
			operation: 'sendLocation',
			phone: byId('5511987654321'),
			title: 'x',
			address: 'y',
			latitude: '123',
			longitude: '0',
			options: {},
		});
		expect(bad.error?.message).toBe('"Latitude" must be between -90 and 90');
	});

	it('sends a contact card with its number normalised', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendContact',
			phone: byId('5511987654321'),
			contactName: 'Suporte Plug',
			contactPhone: '(44) 3123-6157',
			options: { contactBusinessDescription: 'Atendimento' },
		});
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-contact')).toEqual({
			phone: '5511987654321',
			contactName: 'Suporte Plug',
			contactPhone: '554431236157',
			contactBusinessDescription: 'Atendimento',
		});
	});

	it('names the field that holds a bad contact number', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendContact',
			phone: byId('5511987654321'),
			contactName: 'X',
			contactPhone: '999',
			options: {},
		});
		expect(result.error?.message).toBe('"Contact Phone" is not a valid phone number');
	});
});

describe('message: buttons and option lists', () => {
	it('sends buttons, numbering the ones without an ID', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendButtonList',
			phone: byId('5511987654321'),
			message: 'Podemos confirmar?',
			buttons: { button: [{ label: 'Sim', id: 'yes' }, { label: 'Não' }] },
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-button-list')).toEqual({
			phone: '5511987654321',
			message: 'Podemos confirmar?',
			buttonList: {
				buttons: [
					{ id: 'yes', label: 'Sim' },
					{ id: '2', label: 'Não' },
				],
			},
		});
	});

	it('refuses a button without a label', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendButtonList',
			phone: byId('5511987654321'),
			message: 'Escolha',
			buttons: { button: [{ label: 'Sim' }, { label: ' ' }] },
			options: {},
		});
		expect(result.error?.message).toBe('Button 2 has no label');
		expect(fake.requests).toHaveLength(0);
	});

	it('sends an option list with title, button label and options', async () => {
		const result = await run({
			resource: 'message',
			operation: 'sendOptionList',
			phone: byId('5511987654321'),
			message: 'Selecione a melhor opção:',
			title: 'Opções disponíveis',
			buttonLabel: 'Abrir lista',
			optionList: {
				option: [
					{ title: 'Segunda via', description: 'Boleto atualizado' },
					{ id: 'h', title: 'Humano', description: '' },
				],
			},
			options: { delayMessage: 2 },
		});
		expect(result.error).toBeUndefined();
		expect(sentBody('/api/whatsapp/send-option-list')).toEqual({
			phone: '5511987654321',
			message: 'Selecione a melhor opção:',
			delayMessage: 2,
			optionList: {
				title: 'Opções disponíveis',
				buttonLabel: 'Abrir lista',
				options: [
					{ id: '1', title: 'Segunda via', description: 'Boleto atualizado' },
					{ id: 'h', title: 'Humano' },
				],
			},
		});
	});
});

describe('message: read and delete', () => {
	it('marks a message as read (PlugChat answers 204)', async () => {
		const result = await run({
			resource: 'message',
			operation: 'markAsRead',
			phone: byId('5511987654321'),
			messageId: '3EB0A813',
		});
		expect(result.error).toBeUndefined();
		expect(fake.state.read).toEqual([{ phone: '5511987654321', messageId: '3EB0A813' }]);
		expect(fake.last().status).toBe(204);
		expect(result.items[0].json).toEqual({
			success: true,
			phone: '5511987654321',
			messageId: '3EB0A813',
		});
	});

	it('deletes a message with everything in the query string', async () => {
		const result = await run({
			resource: 'message',
			operation: 'delete',
			phone: byId('5511987654321'),
			messageId: '3EB0A813',
			owner: false,
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('DELETE', '/api/whatsapp/messages');
		expect(request.query).toEqual({
			messageId: '3EB0A813',
			phone: '5511987654321',
			owner: 'false',
		});
		expect(request.rawBody.length).toBe(0);
		expect(fake.state.deleted).toEqual([
			{ phone: '5511987654321', messageId: '3EB0A813', owner: false },
		]);
		expect(result.items[0].json).toMatchObject({ deleted: true, owner: false });
	});
});

describe('message: sends are never repeated after an ambiguous failure', () => {
	it('does not resend a text after the connection dropped mid-request', async () => {
		fake.failNext('drop-after');
		const result = await run({
			resource: 'message',
			operation: 'sendText',
			phone: byId('5511987654321'),
			message: 'Uma vez só',
			options: {},
		});
		expect(result.error?.message).toBe('The connection to PlugChat failed');
		expect(fake.requests).toHaveLength(1);
		expect(fake.state.sent).toHaveLength(1);
	});

	it('retries a send refused with 429 (nothing was processed)', async () => {
		fake.failNext('429');
		const result = await run({
			resource: 'message',
			operation: 'sendText',
			phone: byId('5511987654321'),
			message: 'Oi',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(fake.requests).toHaveLength(2);
		expect(fake.state.sent).toHaveLength(1);
	});
});
