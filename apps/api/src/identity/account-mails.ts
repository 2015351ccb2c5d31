import { Injectable } from '@nestjs/common';
import { type MailDelivery, MailService } from '../mail/mail.service.js';
import { LINK_LIFETIME_MINUTES } from './account-links.js';

const hours = (minutes: number) =>
  minutes < 120 ? `${minutes} minutes` : minutes < 72 * 60 ? `${minutes / 60} hours` : `${minutes / 1440} days`;

/** The account emails, worded in one place. Each link goes to a page of the SPA. */
@Injectable()
export class AccountMails {
  constructor(private readonly mail: MailService) {}

  passwordReset(to: string, fullName: string, token: string): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: 'Reset your Steward CRM password',
      text: [
        `Hello ${fullName},`,
        '',
        'Someone (hopefully you) asked to reset the password of your Steward CRM account.',
        `Choose a new password here within ${hours(LINK_LIFETIME_MINUTES['password-reset'])}:`,
        '',
        this.mail.link('/reset-password', { token }),
        '',
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ].join('\n'),
    });
  }

  verifyEmail(to: string, fullName: string, token: string): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: 'Confirm your email for Steward CRM',
      text: [
        `Hello ${fullName},`,
        '',
        'Welcome to Steward CRM. Confirm that this is your email address to start using your account',
        `(the link works for ${hours(LINK_LIFETIME_MINUTES['email-verification'])}):`,
        '',
        this.mail.link('/verify-email', { token }),
        '',
        'If you did not sign up, ignore this email.',
      ].join('\n'),
    });
  }

  /** Sign-up with an address that already has an account: tell its owner, not the person signing up. */
  alreadyRegistered(to: string): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: 'You already have a Steward CRM account',
      text: [
        'Hello,',
        '',
        'Someone (hopefully you) tried to sign up for Steward CRM with this email address,',
        'but it already belongs to an account. Sign in instead, or reset your password here:',
        '',
        this.mail.link('/forgot-password', {}),
        '',
        'If this was not you, you can ignore this email.',
      ].join('\n'),
    });
  }

  invitation(to: string, fullName: string, organizationName: string, inviterName: string, token: string) {
    return this.mail.send({
      to,
      subject: `${inviterName} invited you to ${organizationName} on Steward CRM`,
      text: [
        `Hello ${fullName},`,
        '',
        `${inviterName} invited you to join ${organizationName} on Steward CRM.`,
        `Accept the invitation and choose your password here (the link works for ${hours(LINK_LIFETIME_MINUTES.invitation)}):`,
        '',
        this.mail.link('/accept-invitation', { token }),
        '',
        'If you did not expect this, ignore this email.',
      ].join('\n'),
    });
  }

  /** An invitation to an address that already has an account: no link, since it could not be accepted. */
  invitationToExistingAccount(to: string, organizationName: string, inviterName: string) {
    return this.mail.send({
      to,
      subject: `${inviterName} invited you to ${organizationName} on Steward CRM`,
      text: [
        'Hello,',
        '',
        `${inviterName} invited this address to join ${organizationName} on Steward CRM.`,
        'This address already has a Steward CRM account, and one address can belong to one organization,',
        `so the invitation cannot be accepted with it. To join ${organizationName}, ask ${inviterName} to invite`,
        'another address of yours. They have not been told that this address has an account.',
        '',
        'If you did not expect this, ignore this email.',
      ].join('\n'),
    });
  }

  confirmNewEmail(to: string, fullName: string, token: string): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: 'Confirm your new email for Steward CRM',
      text: [
        `Hello ${fullName},`,
        '',
        'You asked to use this address for your Steward CRM account. Confirm it here',
        `(the link works for ${hours(LINK_LIFETIME_MINUTES['email-change'])}):`,
        '',
        this.mail.link('/confirm-email-change', { token }),
        '',
        'Until you confirm, your account keeps its current address.',
      ].join('\n'),
    });
  }

  /** Goes to the old address: a hijacked session changing the email does not go unnoticed. */
  emailChangeRequested(to: string, fullName: string): Promise<MailDelivery> {
    return this.mail.send({
      to,
      subject: 'Your Steward CRM email is about to change',
      text: [
        `Hello ${fullName},`,
        '',
        'Someone signed in to your Steward CRM account asked to change its email address.',
        'The change happens only when the new address is confirmed.',
        '',
        'If this was not you, reset your password now and sign out every session:',
        '',
        this.mail.link('/forgot-password', {}),
      ].join('\n'),
    });
  }
}
