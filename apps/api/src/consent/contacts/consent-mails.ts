import { Injectable } from '@nestjs/common';
import { type MailDelivery, MailService } from '../../mail/mail.service.js';
import { OPT_IN_LINK_HOURS } from './contact-consents.types.js';

/** The double opt-in email, worded in one place. The link goes to a public page of the SPA. */
@Injectable()
export class ConsentMails {
  constructor(private readonly mail: MailService) {}

  confirmOptIn(
    to: string,
    fullName: string,
    organizationName: string,
    choices: Array<{ name: string; wording: string }>,
    token: string,
  ): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: `Confirm what ${organizationName} may send you`,
      text: [
        `Hello ${fullName},`,
        '',
        `You asked ${organizationName} for the following:`,
        '',
        ...choices.map((choice) => `- ${choice.name}: "${choice.wording}"`),
        '',
        `Confirm it here (the link works for ${OPT_IN_LINK_HOURS} hours):`,
        '',
        this.mail.link('/confirm-consent', { token }),
        '',
        'If this was not you, ignore this email: nothing will be sent to you.',
      ].join('\n'),
    });
  }
}
