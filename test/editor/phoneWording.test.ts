/**
 * The two WhatsApp nodes ask for a phone number the same way: the same label ("Phone Number"),
 * the same error ('"Phone Number" is not a valid phone number'), and the advice said once.
 */
import { Digisac } from '../../nodes/Digisac/Digisac.node';
import { PlugChat } from '../../nodes/PlugChat/PlugChat.node';
import { byId } from '../harness';
import { useFakes } from '../reliability/support';

const fakes = useFakes();

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('a phone number that cannot be right', () => {
	it('Digisac Send Message to a number', async () => {
		const run = await fakes.run('digisac', {
			resource: 'message',
			operation: 'send',
			sendTo: 'number',
			number: '12345',
			serviceId: fakes.digisac.state.services[0].id,
			text: 'Olá',
		});
		expect(run.error?.message).toBe('"Phone Number" is not a valid phone number');
		expect(run.error?.description).toMatch(/^"12345" has 5 digits/);
		expect(occurrences(String(run.error?.description), 'country code')).toBe(1);
	});

	it('PlugChat Send Text', async () => {
		const run = await fakes.run('plugChat', {
			resource: 'message',
			operation: 'sendText',
			phone: byId('9876-5432'),
			message: 'Olá',
		});
		expect(run.error?.message).toBe('"Phone Number" is not a valid phone number');
		expect(run.error?.description).toMatch(/^"9876-5432" has 8 digits/);
		expect(occurrences(String(run.error?.description), 'country code')).toBe(1);
	});

	it('both nodes label the field "Phone Number"', () => {
		const digisacNumber = new Digisac().description.properties.find((p) => p.name === 'number');
		const plugChatPhone = new PlugChat().description.properties.find((p) => p.name === 'phone');
		expect(digisacNumber?.displayName).toBe('Phone Number');
		expect(plugChatPhone?.displayName).toBe('Phone Number');
	});
});
