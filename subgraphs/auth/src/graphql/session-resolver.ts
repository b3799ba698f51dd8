import {
  BadUserInputError,
  CLEAR_SESSION,
  encodeSessionHeader,
  REFRESH_TOKEN_HEADER,
  SESSION_HEADER,
} from '@stuffmart/common';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { IssuedSession } from '../domain/issue-session.js';
import { MAX_TOKEN_LENGTH } from '../domain/mail-token.js';
import { refreshSession } from '../domain/refresh-session.js';
import { requestPasswordReset } from '../domain/request-password-reset.js';
import { resendVerificationEmail } from '../domain/resend-verification-email.js';
import { resetPassword } from '../domain/reset-password.js';
import { signIn } from '../domain/sign-in.js';
import { signOut } from '../domain/sign-out.js';
import { signUp } from '../domain/sign-up.js';
import { verifyEmail } from '../domain/verify-email.js';
import type { AuthContext } from './auth-context.js';
import { SignInInput, SignUpInput } from './credentials-input.js';
import { Session } from './session.js';

/**
 * Tells the gateway which cookies to set (the tokens are in the body too, for API clients),
 * and reads the rest of the answer as the user just signed in.
 */
function withCookies(ctx: AuthContext, session: IssuedSession): IssuedSession {
  ctx.setResponseHeader(
    SESSION_HEADER,
    encodeSessionHeader({ accessToken: session.accessToken, refreshToken: session.refreshToken }),
  );
  ctx.signedInNow = { userId: session.user.id, role: session.user.role };
  return session;
}

@Resolver(() => Session)
export class SessionResolver {
  @Mutation(() => Session, { description: 'Sends the verification e-mail' })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: AuthContext): Promise<IssuedSession> {
    return withCookies(ctx, await signUp(ctx.deps, input, ctx.clientIp));
  }

  @Mutation(() => Session, {
    description:
      'The token from the e-mail; signs in; an e-mail listed in ADMIN_EMAILS becomes ADMIN here, never before',
  })
  async verifyEmail(@Arg('token', () => String) token: string, @Ctx() ctx: AuthContext): Promise<IssuedSession> {
    return withCookies(ctx, await verifyEmail(ctx.deps, token));
  }

  @Mutation(() => Boolean, { description: 'Signed in' })
  async resendVerificationEmail(@Ctx() ctx: AuthContext): Promise<boolean> {
    return resendVerificationEmail(ctx.deps, ctx.user);
  }

  @Mutation(() => Boolean, {
    description: 'Always true (says nothing of whether the e-mail exists); mails a reset link when it does',
  })
  async requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: AuthContext): Promise<boolean> {
    return requestPasswordReset(ctx.deps, email);
  }

  @Mutation(() => Session, {
    description: 'The token from the e-mail, single use, 1 hour; revokes every other sign-in of the user',
  })
  async resetPassword(
    @Arg('token', () => String) token: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: AuthContext,
  ): Promise<IssuedSession> {
    return withCookies(ctx, await resetPassword(ctx.deps, { token, password }));
  }

  @Mutation(() => Session)
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: AuthContext): Promise<IssuedSession> {
    return withCookies(ctx, await signIn(ctx.deps, input, ctx.clientIp));
  }

  @Mutation(() => Boolean)
  async signOut(@Ctx() ctx: AuthContext): Promise<boolean> {
    await signOut(ctx.deps, ctx.user, ctx.requestHeader(REFRESH_TOKEN_HEADER));
    ctx.setResponseHeader(SESSION_HEADER, CLEAR_SESSION);
    return true;
  }

  @Mutation(() => Session)
  async refreshSession(
    @Arg('refreshToken', () => String, { nullable: true }) refreshToken: string | null | undefined,
    @Ctx() ctx: AuthContext,
  ): Promise<IssuedSession> {
    if (refreshToken && refreshToken.length > MAX_TOKEN_LENGTH) {
      throw new BadUserInputError([{ field: 'refreshToken', message: `At most ${MAX_TOKEN_LENGTH} characters` }]);
    }
    return withCookies(ctx, await refreshSession(ctx.deps, refreshToken ?? ctx.requestHeader(REFRESH_TOKEN_HEADER)));
  }
}
