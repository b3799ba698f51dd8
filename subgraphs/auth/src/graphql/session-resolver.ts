import { CLEAR_SESSION, encodeSessionHeader, REFRESH_TOKEN_HEADER, SESSION_HEADER } from '@stuffmart/common';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { IssuedSession } from '../domain/issue-session.js';
import { refreshSession } from '../domain/refresh-session.js';
import { signIn } from '../domain/sign-in.js';
import { signOut } from '../domain/sign-out.js';
import { signUp } from '../domain/sign-up.js';
import type { AuthContext } from './auth-context.js';
import { SignInInput, SignUpInput } from './credentials-input.js';
import { Session } from './session.js';

/** Tells the gateway which cookies to set; the tokens are in the body too, for API clients. */
function withCookies(ctx: AuthContext, session: IssuedSession): IssuedSession {
  ctx.setResponseHeader(
    SESSION_HEADER,
    encodeSessionHeader({ accessToken: session.accessToken, refreshToken: session.refreshToken }),
  );
  return session;
}

@Resolver(() => Session)
export class SessionResolver {
  @Mutation(() => Session)
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: AuthContext): Promise<IssuedSession> {
    return withCookies(ctx, await signUp(ctx.deps, input));
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
    return withCookies(ctx, await refreshSession(ctx.deps, refreshToken ?? ctx.requestHeader(REFRESH_TOKEN_HEADER)));
  }
}
