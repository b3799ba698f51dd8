import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PersonName } from '../../components/person-name';
import { VerifyEmailBanner } from '../../components/verify-email-banner';
import { readClientConfig } from '../../lib/config';
import { emailDomainsHint } from '../../lib/email-domains-hint';
import type { ViewerFieldsFragment as Viewer } from '../../lib/graphql/generated/graphql';

const student: Viewer = {
  id: 'u1',
  displayName: 'Ada from Physics',
  email: 'ada@uni.edu',
  emailVerified: false,
  role: 'USER',
};

/** The banner's button uses Apollo; rendering sends nothing, so the client needs no link. */
function renderBanner(viewer: Viewer | null): string {
  const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
  return renderToStaticMarkup(
    <ApolloProvider client={client}>
      <VerifyEmailBanner viewer={viewer} />
    </ApolloProvider>,
  );
}

describe('how a person is shown', () => {
  it('shows the display name, and the badge only once the e-mail is verified', () => {
    expect(renderToStaticMarkup(<PersonName person={student} />)).not.toContain('Verified student');
    const verified = renderToStaticMarkup(<PersonName person={{ ...student, emailVerified: true }} />);
    expect(verified).toContain('Ada from Physics');
    expect(verified).toContain('Verified student');
  });

  it('never shows an e-mail, even when it is at hand', () => {
    expect(renderToStaticMarkup(<PersonName person={student} />)).not.toContain('ada@uni.edu');
  });
});

describe('the banner asking to verify', () => {
  it('asks a signed-in person whose e-mail is not verified, with a button to send the link again', () => {
    const html = renderBanner(student);
    expect(html).toContain('Please verify your e-mail.');
    expect(html).toContain('ada@uni.edu');
    expect(html).toContain('Send the link again');
  });

  it('is not there for a verified person or a visitor', () => {
    expect(renderBanner({ ...student, emailVerified: true })).toBe('');
    expect(renderBanner(null)).toBe('');
  });
});

describe('which e-mail domains sign-up takes', () => {
  it('reads ALLOWED_EMAIL_DOMAINS as a list of domains, lower-case, without repeats', () => {
    expect(readClientConfig({}).allowedEmailDomains).toEqual([]);
    expect(readClientConfig({ ALLOWED_EMAIL_DOMAINS: ' Uni.edu, cs.uni.ac.uk ,uni.edu,' }).allowedEmailDomains).toEqual(
      ['uni.edu', 'cs.uni.ac.uk'],
    );
  });

  it('stops with a readable message on something that is not a domain', () => {
    expect(() => readClientConfig({ ALLOWED_EMAIL_DOMAINS: 'uni.edu,not a domain' })).toThrow(
      'ALLOWED_EMAIL_DOMAINS: must be comma-separated domains such as uni.edu,uni.ac.uk, got "not a domain"',
    );
  });

  it('says them on the form in words, and says nothing when any domain will do', () => {
    expect(emailDomainsHint([])).toBeUndefined();
    expect(emailDomainsHint(['uni.edu'])).toBe('Use your university e-mail: an address ending in @uni.edu.');
    expect(emailDomainsHint(['a.edu', 'b.edu', 'c.edu'])).toBe(
      'Use your university e-mail: an address ending in @a.edu, @b.edu or @c.edu.',
    );
  });
});
