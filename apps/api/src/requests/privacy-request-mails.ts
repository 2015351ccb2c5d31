import { Injectable } from '@nestjs/common';
import { AppSettings } from '../config/settings.module.js';
import { type MailDelivery, MailService } from '../mail/mail.service.js';
import type { RequestType } from './privacy-requests.types.js';

/** Words for each right, as the requester reads them. */
/** A download link of an access export, sent to the verified requester only. */
export interface DownloadLink {
  url: string;
  expiresAt: Date;
}

export const REQUEST_TYPE_WORDS: Record<RequestType, string> = {
  access: 'a copy of your personal data (access)',
  rectification: 'correction of your personal data (rectification)',
  erasure: 'erasure of your personal data',
  restriction: 'restriction of processing',
  portability: 'your data in a portable format (portability)',
  objection: 'objection to processing',
  withdrawal: 'withdrawal of consent',
  minor: "a report that a minor's data is held",
  inquiry: 'a question about your privacy',
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Every mail a requester receives about a request, worded in one place. Never carries the request's data. */
@Injectable()
export class PrivacyRequestMails {
  constructor(
    private readonly mail: MailService,
    private readonly settings: AppSettings,
  ) {}

  verify(
    to: string,
    fullName: string,
    organizationName: string,
    type: RequestType,
    token: string,
  ): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: `Confirm your privacy request to ${organizationName}`,
      text: [
        `Hello ${fullName},`,
        '',
        `Someone, hopefully you, asked ${organizationName} for ${REQUEST_TYPE_WORDS[type]}.`,
        `Confirm that it was you (the link works for ${this.settings.privacy.requestLinkHours} hours):`,
        '',
        this.mail.link('/privacy-requests/verify', { token }),
        '',
        'Nothing happens until you confirm. If this was not you, ignore this email.',
      ].join('\n'),
    });
  }

  received(to: string, organizationName: string, type: RequestType, dueAt: Date): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: `${organizationName} received your privacy request`,
      text: [
        `${organizationName} received your request for ${REQUEST_TYPE_WORDS[type]}.`,
        `You will have an answer by ${day(dueAt)}.`,
      ].join('\n'),
    });
  }

  extended(
    to: string,
    organizationName: string,
    type: RequestType,
    dueAt: Date,
    reason: string,
  ): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: `${organizationName} needs more time for your privacy request`,
      text: [
        `${organizationName} has extended the deadline of your request for ${REQUEST_TYPE_WORDS[type]}`,
        `to ${day(dueAt)}, as the law allows for complex or numerous requests.`,
        '',
        `The reason: ${reason}`,
      ].join('\n'),
    });
  }

  /** `downloads`: the links to the copies of the requester's data (access and portability). */
  completed(
    to: string,
    organizationName: string,
    type: RequestType,
    downloads: DownloadLink[] = [],
  ): Promise<MailDelivery> {
    const lines = [`${organizationName} has completed your request for ${REQUEST_TYPE_WORDS[type]}.`];
    if (downloads.length) {
      lines.push(
        '',
        'Your data is being gathered into a ZIP file (a manifest, JSON per category, CSV for tables).',
        'It is usually ready within minutes. Download it here:',
        '',
        ...downloads.map((download) => `${download.url}\n(works until ${day(download.expiresAt)})`),
        '',
        'Keep the link to yourself: whoever has it can download the file until it expires.',
      );
    }
    return this.mail.send({
      to,
      subject: `${organizationName} completed your privacy request`,
      text: lines.join('\n'),
    });
  }

  rejected(to: string, organizationName: string, type: RequestType, reason: string): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: `${organizationName} could not fulfil your privacy request`,
      text: [
        `${organizationName} could not fulfil your request for ${REQUEST_TYPE_WORDS[type]}.`,
        '',
        `The reason: ${reason}`,
        '',
        'You may lodge a complaint with a data protection supervisory authority.',
      ].join('\n'),
    });
  }
}
