import type { MailTokenPurpose } from '../data-access/auth-database.js';

export type MailTemplate = 'verify-email' | 'reset-password';

export const TEMPLATE_OF: Record<MailTokenPurpose, MailTemplate> = {
  VERIFY_EMAIL: 'verify-email',
  RESET_PASSWORD: 'reset-password',
};

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Wording {
  subject: string;
  path: string;
  intro: string;
  action: string;
  validity: string;
  notYou: string;
}

const WORDING: Record<MailTemplate, Wording> = {
  'verify-email': {
    subject: 'Confirm your e-mail address',
    path: '/verify-email',
    intro: 'Welcome to Stuffmart! Please confirm that this address is yours.',
    action: 'Confirm my address',
    validity: 'The link works once, for 24 hours.',
    notYou: 'If you did not sign up, ignore this mail.',
  },
  'reset-password': {
    subject: 'Reset your password',
    path: '/reset-password',
    intro: 'Someone (we hope you) asked to reset the password of your Stuffmart account.',
    action: 'Choose a new password',
    validity: 'The link works once, for 1 hour.',
    notYou: 'If you did not ask, ignore this mail: your password stays as it is.',
  },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function isMailTemplate(name: string): name is MailTemplate {
  return Object.hasOwn(WORDING, name);
}

/** Every mail has a plain subject, a text and an HTML part, and the token alone on a line. */
export function renderMail(template: MailTemplate, publicUrl: string, token: string): RenderedMail {
  const wording = WORDING[template];
  const link = `${publicUrl}${wording.path}?token=${encodeURIComponent(token)}`;
  const text = [
    wording.intro,
    '',
    `${wording.action}: ${link}`,
    '',
    'Or paste this code where the site asks for it:',
    token,
    '',
    wording.validity,
    wording.notYou,
    '',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(wording.intro)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(wording.action)}</a></p>`,
    `<p>Or paste this code where the site asks for it:<br><code>${escapeHtml(token)}</code></p>`,
    `<p>${escapeHtml(wording.validity)} ${escapeHtml(wording.notYou)}</p>`,
  ].join('\n');
  return { subject: wording.subject, text, html };
}
