import type { StripeStandIn } from '@stuffmart/test-kit';
import type { Page } from 'playwright-core';

/** Stripe's test card numbers, as a buyer types them (the stand-in turns each into its test PaymentMethod). */
export const CARD_NUMBERS = {
  visa: '4242 4242 4242 4242',
  threeDSecure: '4000 0027 6000 3184',
} as const;

/** The title of the stand-in's challenge window, as Stripe's test-mode 3-D Secure page is called. */
export const CHALLENGE_TITLE = '3D Secure 2 Test Page';

/**
 * The part of Stripe.js our storefront calls (through @stripe/stripe-js and
 * @stripe/react-stripe-js), for a browser that cannot reach js.stripe.com. It talks to the Stripe
 * stand-in as Stripe.js talks to Stripe: form posts carrying the publishable key. The Payment
 * Element is a plain card-number input in the page (Stripe's is an iframe), and the bank's
 * challenge a dialog with "Complete" and "Fail", like Stripe's test-mode page.
 */
function stripeJsSource(apiUrl: string): string {
  return `(() => {
  const API = ${JSON.stringify(apiUrl)};

  async function post(key, path, params) {
    const response = await fetch(API + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key, ...params }).toString(),
    });
    return { ok: response.ok, body: await response.json() };
  }

  function paymentElement() {
    const listeners = new Map();
    const emit = (event, payload) => (listeners.get(event) || []).forEach((listener) => listener(payload));
    let root = null;
    let input = null;
    const digits = () => (input ? input.value.replace(/\\D/g, '') : '');
    const element = {
      on(event, listener) {
        listeners.set(event, [...(listeners.get(event) || []), listener]);
        return element;
      },
      off(event, listener) {
        listeners.set(event, (listeners.get(event) || []).filter((one) => one !== listener));
        return element;
      },
      mount(target) {
        const parent = typeof target === 'string' ? document.querySelector(target) : target;
        root = document.createElement('div');
        root.className = 'stripe-stand-in-element';
        const label = document.createElement('label');
        label.textContent = 'Card number';
        label.style.display = 'block';
        input = document.createElement('input');
        input.inputMode = 'numeric';
        input.autocomplete = 'cc-number';
        input.placeholder = '1234 1234 1234 1234';
        input.style.display = 'block';
        input.style.width = '100%';
        input.addEventListener('input', () =>
          emit('change', {
            elementType: 'payment',
            empty: digits().length === 0,
            complete: digits().length >= 15,
            collapsed: false,
            value: { type: 'card' },
          }),
        );
        label.appendChild(input);
        root.appendChild(label);
        parent.appendChild(root);
        setTimeout(() => emit('ready', element), 0);
      },
      update() {},
      focus() { input && input.focus(); },
      blur() { input && input.blur(); },
      clear() { if (input) input.value = ''; },
      unmount() { root && root.remove(); },
      destroy() { root && root.remove(); listeners.clear(); },
      digits,
    };
    return element;
  }

  function challenge() {
    return new Promise((resolve) => {
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-modal', 'true');
      dialog.setAttribute('aria-label', ${JSON.stringify(CHALLENGE_TITLE)});
      dialog.style.cssText =
        'position:fixed;inset:20% 10% auto;z-index:1000;background:#fff;border:1px solid #888;padding:24px;';
      const text = document.createElement('p');
      text.textContent = 'Your bank asks you to confirm this payment.';
      dialog.appendChild(text);
      for (const [name, outcome] of [['Complete', 'complete'], ['Fail', 'fail']]) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = name;
        button.addEventListener('click', () => {
          dialog.remove();
          resolve(outcome);
        });
        dialog.appendChild(button);
      }
      document.body.appendChild(dialog);
    });
  }

  // Present because @stripe/react-stripe-js checks that a Stripe object has them; never called by us.
  const notHere = (name) => async () => ({ error: { type: 'api_error', message: name + ' is not in the Stripe.js stand-in' } });

  function Stripe(key) {
    return {
      _registerWrapper() {},
      registerAppInfo() {},
      createToken: notHere('createToken'),
      confirmCardPayment: notHere('confirmCardPayment'),
      elements() {
        const created = new Map();
        return {
          create(type) {
            if (type !== 'payment') throw new Error('The Stripe.js stand-in has only the Payment Element');
            const element = paymentElement();
            created.set(type, element);
            return element;
          },
          getElement: (type) => created.get(type) || null,
          update() {},
          fetchUpdates: async () => ({}),
          async submit() {
            const element = created.get('payment');
            if (!element || element.digits().length < 15) {
              return { error: { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' } };
            }
            return { selectedPaymentMethod: 'card' };
          },
        };
      },
      async createPaymentMethod({ elements }) {
        const element = elements.getElement('payment');
        const { ok, body } = await post(key, '/v1/payment_methods', { type: 'card', 'card[number]': element.digits() });
        return ok ? { paymentMethod: body } : { error: body.error };
      },
      async handleNextAction({ clientSecret }) {
        const id = clientSecret.split('_secret_')[0];
        const outcome = await challenge();
        const { ok, body } = await post(key, '/v1/payment_intents/' + id + '/authenticate', {
          client_secret: clientSecret,
          outcome,
        });
        if (!ok) return { error: body.error };
        if (body.status === 'succeeded') return { paymentIntent: body };
        return {
          error: {
            type: 'card_error',
            code: 'payment_intent_authentication_failure',
            message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
            payment_intent: body,
          },
        };
      },
    };
  }
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();`;
}

/** Serves the Stripe.js stand-in to this page wherever it asks js.stripe.com for Stripe.js. */
export async function serveStripeJs(page: Page, stripe: StripeStandIn): Promise<void> {
  await page.route('https://js.stripe.com/**', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: stripeJsSource(stripe.url) }),
  );
}
