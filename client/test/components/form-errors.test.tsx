import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/text-field';
import { describeError, SIGN_IN_SENTENCES, STUFF_RESERVED_MESSAGE } from '../../lib/describe-error';
import { toFormErrors } from '../../lib/form-errors';

/** What Apollo Client throws for a response in the contract's error shape. */
function gatewayError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return new CombinedGraphQLErrors({
    data: null,
    errors: [{ message, path: ['someField'], extensions: { code, ...extra } }],
  });
}

describe('form error mapping', () => {
  it('puts each BAD_USER_INPUT rule beside the input it names, and says so above the form', () => {
    const error = gatewayError('BAD_USER_INPUT', 'Invalid input', {
      fields: [
        { field: 'email', message: 'Email must be valid' },
        { field: 'password', message: 'Password must be between 8 and 128 characters' },
      ],
    });
    expect(toFormErrors(describeError(error), ['email', 'password'])).toEqual({
      fields: { email: 'Email must be valid', password: 'Password must be between 8 and 128 characters' },
      summary: 'Please correct the fields marked below.',
    });
  });

  it('files an argument path such as input.email under email, and an API name under its input by alias', () => {
    const error = gatewayError('BAD_USER_INPUT', 'Invalid input', {
      fields: [
        { field: 'input.title', message: 'Title must be 1 to 200 characters' },
        { field: 'priceCents', message: 'Price must be at least 1' },
      ],
    });
    expect(toFormErrors(describeError(error), ['title', 'price'], { priceCents: 'price' }).fields).toEqual({
      title: 'Title must be 1 to 200 characters',
      price: 'Price must be at least 1',
    });
  });

  it('still shows a rule about an argument the form has no input for, in the summary', () => {
    const error = gatewayError('BAD_USER_INPUT', 'Invalid input', {
      fields: [{ field: 'currency', message: 'Currency must be an ISO-4217 code' }],
    });
    expect(toFormErrors(describeError(error), ['title'])).toEqual({
      fields: {},
      summary: 'Currency must be an ISO-4217 code',
    });
  });

  it('shows a wrong e-mail or password as one sentence for the form, not beside a field', () => {
    // The sign-in form says what UNAUTHENTICATED means there; the storefront never reads the server's wording.
    const form = toFormErrors(
      describeError(gatewayError('UNAUTHENTICATED', 'Invalid credentials'), SIGN_IN_SENTENCES),
      ['email'],
    );
    expect(form).toEqual({ fields: {}, summary: 'That e-mail and password do not match an account.' });
  });

  it('maps the code, never the wording: elsewhere UNAUTHENTICATED asks to sign in whatever the message', () => {
    expect(describeError(gatewayError('UNAUTHENTICATED', 'Invalid credentials')).message).toBe(
      'Please sign in to do that.',
    );
  });

  it('shows an invalid coupon beside the coupon field, with the reason the server gave', () => {
    const error = gatewayError('COUPON_INVALID', 'Coupon FREE10 has expired');
    expect(toFormErrors(describeError(error), ['couponCode'])).toEqual({
      fields: { couponCode: 'That coupon cannot be used: Coupon FREE10 has expired.' },
      summary: null,
    });
  });

  it.each([
    ['BAD_USER_INPUT', 'Invalid input', 'Some of what you entered needs fixing.'],
    ['UNAUTHENTICATED', 'Not authorized', 'Please sign in to do that.'],
    ['FORBIDDEN', 'Forbidden', 'Your account is not allowed to do that.'],
    ['NOT_FOUND', 'Stuff not found', 'We could not find that. It may have been removed.'],
    ['STUFF_RESERVED', STUFF_RESERVED_MESSAGE, `${STUFF_RESERVED_MESSAGE}.`],
    ['STUFF_SOLD', 'The stuff has been sold', 'The stuff has been sold.'],
    ['ORDER_NOT_PAYABLE', 'Order is CANCELLED', 'This order can no longer be paid or cancelled: Order is CANCELLED.'],
    ['PAYMENT_FAILED', 'Your card was declined.', 'The payment did not go through: Your card was declined.'],
    ['COUPON_INVALID', 'Coupon NOPE does not exist', 'That coupon cannot be used: Coupon NOPE does not exist.'],
    [
      'RATE_LIMITED',
      'Too many attempts, try again later',
      'Too many attempts. Please wait a few minutes and try again.',
    ],
    [
      'TOO_MANY_RESERVATIONS',
      'You are holding too many reservations: pay or cancel one first',
      'You are holding too many reservations: pay or cancel one first.',
    ],
    [
      'DATABASE_CONNECTION_ERROR',
      'Failed to connect to database',
      'Stuffmart cannot reach its database right now. Please try again in a minute.',
    ],
    [
      'SERVICE_UNAVAILABLE',
      'Service unavailable',
      'Part of Stuffmart is down right now. Please try again in a minute.',
    ],
    ['INTERNAL_SERVER_ERROR', 'Something went wrong', 'Something went wrong on our side. Please try again.'],
    [
      'GRAPHQL_VALIDATION_FAILED',
      'Cannot query field "coupons" on type "Query".',
      'Stuffmart cannot answer this right now; the site may be updating. Please try again later.',
    ],
  ])('says %s in a plain sentence', (code, serverMessage, sentence) => {
    const described = describeError(gatewayError(code, serverMessage));
    expect(described).toMatchObject({ code, message: sentence });
    expect(described.message).not.toContain(code);
  });

  it('lets a page say what a code means for what it was doing', () => {
    const error = gatewayError('FORBIDDEN', 'Forbidden');
    expect(describeError(error, { FORBIDDEN: 'You cannot buy your own stuff.' }).message).toBe(
      'You cannot buy your own stuff.',
    );
  });

  it('reads the contract shape from a non-200 answer too, and calls an unreachable server a network problem', () => {
    const refused = new ServerError('Response not successful', {
      response: new Response(null, { status: 400 }),
      bodyText: JSON.stringify({ errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] }),
    });
    expect(describeError(refused).code).toBe('FORBIDDEN');

    const proxyDown = new ServerError('Response not successful', {
      response: new Response(null, { status: 500 }),
      bodyText: 'Internal Server Error',
    });
    expect(describeError(proxyDown).message).toBe('We cannot reach Stuffmart. Check your connection and try again.');
    expect(describeError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(describeError(new Error('who knows')).message).toBe('Something went wrong on our side. Please try again.');
  });
});

describe('a field with its error', () => {
  it('renders the message beside the input, tied to it for screen readers', () => {
    const html = renderToStaticMarkup(<TextField name="email" label="E-mail" error="Email in use" />);
    const inputId = /<input id="([^"]+)"/.exec(html)?.[1];
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<label for="${inputId}">E-mail</label>`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(`<p id="${describedBy}" class="field-error">Email in use</p>`);
  });

  it('is unmarked without an error', () => {
    const html = renderToStaticMarkup(<TextField name="email" label="E-mail" />);
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('field-error');
  });

  it('announces the form-level message as an alert, and renders nothing without one', () => {
    expect(renderToStaticMarkup(<FormAlert message="Too many attempts." />)).toBe(
      '<p role="alert" class="form-alert">Too many attempts.</p>',
    );
    expect(renderToStaticMarkup(<FormAlert message={null} />)).toBe('');
  });
});
