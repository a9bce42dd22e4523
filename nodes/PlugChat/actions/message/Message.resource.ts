import type { INodeProperties } from 'n8n-workflow';

import * as deleteMessage from './delete.operation';
import * as markAsRead from './markAsRead.operation';
import * as sendAudio from './sendAudio.operation';
import * as sendButtonList from './sendButtonList.operation';
import * as sendContact from './sendContact.operation';
import * as sendDocument from './sendDocument.operation';
import * as sendImage from './sendImage.operation';
import * as sendLink from './sendLink.operation';
import * as sendLocation from './sendLocation.operation';
import * as sendOptionList from './sendOptionList.operation';
import * as sendText from './sendText.operation';
import * as sendVideo from './sendVideo.operation';

export {
	deleteMessage as delete,
	markAsRead,
	sendAudio,
	sendButtonList,
	sendContact,
	sendDocument,
	sendImage,
	sendLink,
	sendLocation,
	sendOptionList,
	sendText,
	sendVideo,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a message',
				description: 'Delete a message for everyone in the chat',
			},
			{
				name: 'Mark as Read',
				value: 'markAsRead',
				action: 'Mark a message as read',
				description: 'Mark a message of a chat as read',
			},
			{
				name: 'Send Audio',
				value: 'sendAudio',
				action: 'Send an audio message',
				description: 'Send an audio file or voice note',
			},
			{
				name: 'Send Button List',
				value: 'sendButtonList',
				action: 'Send a message with buttons',
				description: 'Send text with reply buttons',
			},
			{
				name: 'Send Contact',
				value: 'sendContact',
				action: 'Send a contact card',
				description: 'Send a contact card (vCard)',
			},
			{
				name: 'Send Document',
				value: 'sendDocument',
				action: 'Send a document',
				description: 'Send any file as a document (PDF, spreadsheet...)',
			},
			{
				name: 'Send Image',
				value: 'sendImage',
				action: 'Send an image',
				description: 'Send an image with an optional caption',
			},
			{
				name: 'Send Link',
				value: 'sendLink',
				action: 'Send a link',
				description: 'Send a link with a preview',
			},
			{
				name: 'Send Location',
				value: 'sendLocation',
				action: 'Send a location',
				description: 'Send a fixed location on the map',
			},
			{
				name: 'Send Option List',
				value: 'sendOptionList',
				action: 'Send a list of options',
				description: 'Send text with a list the contact chooses from',
			},
			{
				name: 'Send Text',
				value: 'sendText',
				action: 'Send a text message',
				description: 'Send a text message',
			},
			{
				name: 'Send Video',
				value: 'sendVideo',
				action: 'Send a video',
				description: 'Send a video with an optional caption',
			},
		],
		default: 'sendText',
	},
	...sendText.description,
	...sendImage.description,
	...sendAudio.description,
	...sendVideo.description,
	...sendDocument.description,
	...sendLink.description,
	...sendLocation.description,
	...sendContact.description,
	...sendButtonList.description,
	...sendOptionList.description,
	...markAsRead.description,
	...deleteMessage.description,
];
